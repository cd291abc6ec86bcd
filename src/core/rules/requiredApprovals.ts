/**
 * Rule `required-approvals`: the pull request has `review.requiredApprovals`
 * approvals, counted by the one rule in approvals.ts (latest decision per
 * reviewer; the author's own only with `review.allowSelfApproval`).
 *
 * After the fact, only approvals of the merged head count; an approval of
 * an earlier commit is a `stale-approval` finding, and one whose commit
 * GitHub did not report counts neither way (decision: it used to count as
 * fresh in the findings but not in the evidence's approval count). The
 * author's own approval is a `self-approval` finding unless the policy
 * allows it (decision: it was reported even when allowed).
 *
 * `review.signOff` "approval-or-lgtm" counts LGTM reviews and comments
 * too; the evidence then says that OpenSSF Scorecard does not.
 * `review.requireApprovalOfLatestCommit` counts only approvals of the head
 * at every moment, and only then is an older approval a `stale-approval`
 * finding (decision: with the key off, an approval of an earlier commit
 * counts at merge, so the audit counts it too).
 */
import { countApprovals, type ApprovalContext } from './approvals';
import type { PullRequestFacts, RulePolicy } from './facts';
import { blocker, notApplicable, type AuditOutcome, type PolicyRule } from './rule';
import { plural } from './text';

export const requiredApprovals: PolicyRule = {
  id: 'required-approvals',
  description: 'The pull request has the required number of approvals from reviewers other than its author.',
  reads: ['pullRequest', 'merge'],
  preflight: notApplicable('nobody can review before the pull request exists'),
  gate: ({ pullRequest, policy }) => {
    if (pullRequest.state !== 'known' || !pullRequest.value) return [];
    const pr = pullRequest.value;
    const count = countApprovals(pr.reviews, approvalContext(pr, policy));
    const missing = policy.requiredApprovals - count.approvals.length;
    if (missing <= 0) return [];
    const stale = policy.requireApprovalOfLatestCommit && count.stale.length > 0 ? ` (${plural(count.stale.length, 'approval is', 'approvals are')} of an earlier commit)` : '';
    return [blocker(`needs ${plural(missing, 'more approval', 'more approvals')}${stale}`)];
  },
  audit: ({ pullRequest, policy, merge }) => {
    if (pullRequest.state !== 'known' || !pullRequest.value) return [];
    return auditApprovals(pullRequest.value, policy, merge);
  },
};

/** How the policy counts the pull request's approvals (the one rule in approvals.ts). */
export function approvalContext(pr: PullRequestFacts, policy: RulePolicy): ApprovalContext {
  return {
    author: pr.author,
    allowSelfApproval: policy.allowSelfApproval,
    headSha: pr.headSha,
    signOff: policy.signOff,
    requireLatestCommit: policy.requireApprovalOfLatestCommit,
  };
}

const SCORECARD_NOTE =
  "OpenSSF Scorecard's Code-Review check does not count LGTM comments: it counts an approving review, an \"lgtm\" or \"approved\" label on the pull request, or a merge by someone other than the author.";

function auditApprovals(pr: PullRequestFacts, policy: RulePolicy, merge: { mergedBy: string | null; mergedAt: string } | null): AuditOutcome[] {
  const out: AuditOutcome[] = [];
  const { allowSelfApproval, requiredApprovals: required } = policy;
  const count = countApprovals(pr.reviews, approvalContext(pr, policy));
  if (!allowSelfApproval && count.selfApprovals.length > 0) {
    out.push({ finding: {
      id: 'self-approval',
      title: 'The author approved their own pull request.',
      evidence: count.selfApprovals.map((r) => `${r.reviewer} (author of #${pr.number}) approved at ${r.submittedAt ?? 'unknown time'}`),
    } });
  }
  if (policy.requireApprovalOfLatestCommit && count.stale.length > 0) {
    out.push({ finding: {
      id: 'stale-approval',
      title: `${plural(count.stale.length, 'approval was', 'approvals were')} given before the last push.`,
      evidence: count.stale.map(
        (r) => `${r.reviewer} approved commit ${r.commitId!.slice(0, 12)} at ${r.submittedAt ?? 'unknown time'}; the pull request ended at ${pr.headSha.slice(0, 12)}${pr.lastCommitAt ? ` (committed ${pr.lastCommitAt})` : ''}`,
      ),
    } });
  }
  const fresh = count.approvals.length;
  if (merge && fresh < required) {
    const counted = policy.requireApprovalOfLatestCommit
      ? `approvals on the merged head: ${count.onHead.map((r) => r.reviewer).join(', ') || 'none'}`
      : `approvals: ${count.approvals.map((r) => r.reviewer).join(', ')}`;
    out.push({ finding: {
      id: 'merged-without-required-approvals',
      title: `Merged with ${fresh} of ${required} required ${required === 1 ? 'approval' : 'approvals'}.`,
      evidence: [`merged by ${merge.mergedBy ?? 'unknown'} at ${merge.mergedAt}`, count.anyCommit.length === 0 ? 'no approving review' : counted],
    } });
  }
  const lgtm = count.approvals.filter((r) => r.lgtm);
  if (lgtm.length > 0) {
    // Not a deviation (the policy counts them): what an outside audit will see.
    out.push({ note: `${lgtm.map((r) => `${r.reviewer} signed off with an LGTM comment at ${r.submittedAt ?? 'unknown time'}`).join('; ')}. ${SCORECARD_NOTE}` });
  }
  return out;
}
