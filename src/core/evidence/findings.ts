/**
 * Policy deviations that the evidence proves, each with the facts that
 * show it: the rule table (src/core/rules) at the moment after the fact.
 * Pure: the same change evidence always yields the same findings. A rule
 * whose facts could not be read is listed as not verifiable.
 */
import { countApprovals, latestReviewPerReviewer, type ApprovalContext, type ApprovalCount } from '../rules/approvals';
import { evaluateRules } from '../rules/evaluate';
import { known, unknown, type ChangeFacts, type Fact, type LabelApprover, type RulePolicy } from '../rules/facts';
import { firstLine } from '../rules/text';
import type { ChangeEvidence, Finding, ReviewEvidence } from './schema';

export interface FindingPolicy {
  requiredApprovals: number;
  allowSelfApproval: boolean;
  requireTests: boolean;
  /** `tracker.requireApproval`; true when not given. */
  requireApproval?: boolean;
  baseBranch?: string;
  approvalLabel?: string;
  /** `tracker.approvers`; none when not given. */
  approvers?: string[];
  /** `review.signOff`; "approval" when not given. */
  signOff?: 'approval' | 'approval-or-lgtm';
  /**
   * `review.requireApprovalOfLatestCommit`; true when not given (evidence
   * written before the key existed judged approvals of the merged head).
   */
  requireApprovalOfLatestCommit?: boolean;
}

type Change = Omit<ChangeEvidence, 'findings' | 'notVerifiable'>;

/** Reviews in submission order. */
function bySubmission(reviews: readonly ReviewEvidence[]): ReviewEvidence[] {
  return [...reviews].sort((x, y) => (x.submittedAt ?? '').localeCompare(y.submittedAt ?? ''));
}

/** The latest decision per reviewer, by the one rule in rules/approvals.ts. */
export function latestDecisions(reviews: readonly ReviewEvidence[]): Map<string, ReviewEvidence> {
  return latestReviewPerReviewer(bySubmission(reviews));
}

/** The evidence's approvals, counted by the one rule in rules/approvals.ts. */
export function countEvidenceApprovals(reviews: readonly ReviewEvidence[], context: ApprovalContext): ApprovalCount<ReviewEvidence> {
  return countApprovals(bySubmission(reviews), context);
}

export function findingsFor(change: Change, policy: FindingPolicy): Finding[] {
  return auditView(change, policy).findings;
}

/** The findings, the rules that could not be verified, and the rule ids evaluated. */
export function auditView(change: Change, policy: FindingPolicy): {
  findings: Finding[];
  notVerifiable: { rule: string; reason: string }[];
  notes: { rule: string; note: string }[];
  evaluated: string[];
} {
  const evaluation = evaluateRules(auditFacts(change, policy), 'audit');
  const findings: Finding[] = [];
  const notVerifiable: { rule: string; reason: string }[] = [];
  const notes: { rule: string; note: string }[] = [];
  for (const o of evaluation.outcomes) {
    if ('finding' in o) findings.push(o.finding);
    else if ('note' in o) notes.push({ rule: o.ruleId, note: o.note });
    else notVerifiable.push({ rule: o.ruleId, reason: o.notVerifiable });
  }
  return { findings, notVerifiable, notes, evaluated: evaluation.evaluated };
}

/** The evidence's judgement of who approved the ticket, as the ticket-approver rule reads it. */
function approverOf(t: NonNullable<Change['ticket']>): { approver?: Fact<LabelApprover> } {
  if (t.approvedByApprover === undefined) return {};
  if (t.approvedByApprover === null || !t.approvedBy || !t.approvedAt) return { approver: unknown(t.approverUnknown ?? 'the approver could not be read') };
  return { approver: known({ login: t.approvedBy, at: t.approvedAt, app: t.approvedVia ?? null, isApprover: t.approvedByApprover }) };
}

/** What the evidence proves about the change, as the rules read it. */
export function auditFacts(change: Change, policy: FindingPolicy): ChangeFacts {
  const rulePolicy: RulePolicy = {
    baseBranch: policy.baseBranch ?? change.branch?.base ?? '',
    requiredApprovals: policy.requiredApprovals,
    allowSelfApproval: policy.allowSelfApproval,
    requireTests: policy.requireTests,
    requireApproval: policy.requireApproval ?? true,
    approvalLabel: policy.approvalLabel ?? '',
    approvers: policy.approvers ?? [],
    signOff: policy.signOff ?? 'approval',
    requireApprovalOfLatestCommit: policy.requireApprovalOfLatestCommit ?? true,
  };
  const pr = change.pullRequest;
  const t = change.ticket;
  return {
    policy: rulePolicy,
    branch: { name: change.branch?.head, directToBase: change.kind === 'direct-commit' },
    sync: { behind: unknown('not read after the fact'), unpushed: unknown('not read after the fact') },
    ticket: {
      id: change.ticketId ?? undefined,
      record: t ? known({ id: t.id, state: t.state, approved: t.approved, approvedBy: t.approvedBy, approvedAt: t.approvedAt, ...approverOf(t) }) : known('notFound' as const),
    },
    commits: change.commits.map((c) => ({
      sha: c.sha, subject: firstLine(c.message), author: c.author, date: c.date,
      problems: c.lint.map((p) => ({ severity: 'error' as const, message: p.message, rule: p.rule, line: p.line })),
    })),
    tests: change.tests
      ? known({
          missing: change.tests.sources.filter((s) => s.verdict === 'missing').map((s) => s.path),
          stale: change.tests.sources.filter((s) => s.verdict === 'stale').map((s) => s.path),
        })
      : unknown('the head commit was not available locally'),
    pullRequest: known(pr ? {
      number: pr.number, url: pr.url, author: pr.author, state: pr.state, headSha: pr.headSha, lastCommitAt: pr.lastCommitAt, body: pr.body,
      reviews: bySubmission(pr.reviews),
      requestedReviewers: pr.requestedReviewers,
      checks: pr.checks,
      ticketBackLink: t ? change.ticketBackLink.present : undefined,
    } : undefined),
    merge: change.merge ? { mergedBy: change.merge.mergedBy, mergedAt: change.merge.mergedAt } : null,
  };
}
