/**
 * Policy deviations that the evidence proves, each with the facts that
 * show it. Pure: the same change evidence always yields the same findings.
 */
import { latestReviewPerReviewer } from '../readiness';
import type { ChangeEvidence, Finding, ReviewEvidence } from './schema';

export interface FindingPolicy {
  requiredApprovals: number;
  allowSelfApproval: boolean;
  requireTests: boolean;
}

/** The latest decision per reviewer, by the one rule in readiness.ts. */
export function latestDecisions(reviews: readonly ReviewEvidence[]): Map<string, ReviewEvidence> {
  const ordered = [...reviews].sort((x, y) => (x.submittedAt ?? '').localeCompare(y.submittedAt ?? ''));
  return latestReviewPerReviewer(ordered);
}

export function findingsFor(change: Omit<ChangeEvidence, 'findings'>, policy: FindingPolicy): Finding[] {
  const findings: Finding[] = [];
  const pr = change.pullRequest;
  if (change.kind === 'direct-commit') {
    findings.push({
      id: 'direct-push-to-base',
      title: 'Changed the base branch without a reviewed pull request.',
      evidence: change.commits.map((c) => `${c.sha.slice(0, 12)} by ${c.author} on ${c.date}: ${firstLine(c.message)}`),
    });
  }
  if (pr) findings.push(...reviewFindings(change, policy));
  findings.push(...ticketFindings(change));
  const badCommits = change.commits.filter((c) => c.lint.length > 0);
  if (badCommits.length > 0) {
    findings.push({
      id: 'commit-message-violations',
      title: `${plural(badCommits.length, 'commit message breaks', 'commit messages break')} the message rules.`,
      evidence: badCommits.flatMap((c) => c.lint.map((p) => `${c.sha.slice(0, 12)} line ${p.line}: ${p.rule}: ${p.message}`)),
    });
  }
  const untested = change.tests?.sources.filter((s) => s.verdict === 'missing') ?? [];
  if (policy.requireTests && untested.length > 0) {
    findings.push({
      id: 'source-without-tests',
      title: `${plural(untested.length, 'source file was', 'source files were')} changed without tests.`,
      evidence: untested.map((s) => `${s.path}: no matching test exists`),
    });
  }
  return findings;
}

function reviewFindings(change: Omit<ChangeEvidence, 'findings'>, policy: FindingPolicy): Finding[] {
  const pr = change.pullRequest!;
  const findings: Finding[] = [];
  const decisions = latestDecisions(pr.reviews);
  const author = pr.author.toLowerCase();
  const selfApprovals = [...decisions.values()].filter((r) => r.state === 'APPROVED' && r.reviewer.toLowerCase() === author);
  if (selfApprovals.length > 0) {
    findings.push({
      id: 'self-approval',
      title: 'The author approved their own pull request.',
      evidence: selfApprovals.map((r) => `${r.reviewer} (author of #${pr.number}) approved at ${r.submittedAt ?? 'unknown time'}`),
    });
  }
  const approvals = [...decisions.values()].filter(
    (r) => r.state === 'APPROVED' && (policy.allowSelfApproval || r.reviewer.toLowerCase() !== author),
  );
  const stale = approvals.filter((r) => r.commitId !== null && r.commitId !== pr.headSha);
  if (stale.length > 0) {
    findings.push({
      id: 'stale-approval',
      title: `${plural(stale.length, 'approval was', 'approvals were')} given before the last push.`,
      evidence: stale.map(
        (r) => `${r.reviewer} approved commit ${r.commitId!.slice(0, 12)} at ${r.submittedAt ?? 'unknown time'}; the pull request ended at ${pr.headSha.slice(0, 12)}${pr.lastCommitAt ? ` (committed ${pr.lastCommitAt})` : ''}`,
      ),
    });
  }
  const fresh = approvals.length - stale.length;
  if (change.merge && fresh < policy.requiredApprovals) {
    findings.push({
      id: 'merged-without-required-approvals',
      title: `Merged with ${fresh} of ${policy.requiredApprovals} required ${policy.requiredApprovals === 1 ? 'approval' : 'approvals'}.`,
      evidence: [
        `merged by ${change.merge.mergedBy ?? 'unknown'} at ${change.merge.mergedAt}`,
        approvals.length === 0
          ? 'no approving review'
          : `approvals on the merged head: ${approvals.filter((r) => !stale.includes(r)).map((r) => r.reviewer).join(', ') || 'none'}`,
      ],
    });
  }
  return findings;
}

function ticketFindings(change: Omit<ChangeEvidence, 'findings'>): Finding[] {
  const findings: Finding[] = [];
  if (change.kind === 'direct-commit') return findings;
  if (!change.ticketId) {
    findings.push({ id: 'no-ticket', title: 'No change ticket is named by the change.', evidence: ['no ticket ID in the pull request title, body or branch name'] });
    return findings;
  }
  const ticket = change.ticket;
  if (!ticket) {
    findings.push({ id: 'no-ticket', title: `Change ticket ${change.ticketId} could not be found.`, evidence: [`${change.ticketId} does not exist or is not readable`] });
    return findings;
  }
  if (!ticket.approved || !ticket.approvedAt) {
    findings.push({ id: 'ticket-never-approved', title: `Ticket ${ticket.id} was never approved.`, evidence: [`${ticket.id} does not carry the approval label`] });
  } else if (change.merge && ticket.approvedAt > change.merge.mergedAt) {
    findings.push({
      id: 'ticket-approved-after-merge',
      title: `Ticket ${ticket.id} was approved only after the merge.`,
      evidence: [`merged at ${change.merge.mergedAt}`, `approved by ${ticket.approvedBy ?? 'unknown'} at ${ticket.approvedAt}`],
    });
  }
  if (change.pullRequest && !change.ticketBackLink.present) {
    findings.push({
      id: 'no-ticket-link',
      title: `Ticket ${ticket.id} does not link to the reviewed pull request.`,
      evidence: [`no comment or text on ${ticket.id} mentions ${change.pullRequest.url}`],
    });
  }
  return findings;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
