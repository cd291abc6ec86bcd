/**
 * THE merge gate: the rule table (src/core/rules) at the moment of merge,
 * from a change snapshot to "ready" or the list of what blocks it, in the
 * policy's words. The sidebar, the status bar, `change-control status` and
 * `verify --pr` all call this function; nothing else decides readiness.
 *
 * Approvals are counted by the one rule in rules/approvals.ts, shared with
 * the audit evidence.
 */
import {
  isUnavailable,
  type ChangeSnapshot,
  type CheckInfo,
  type PullRequestSection,
  type ReviewInfo,
} from './changeSnapshot';
import { countApprovals } from './rules/approvals';
import { evaluateRules } from './rules/evaluate';
import type { Policy } from './policy/schema';
import { known, rulePolicyOf, unknown, type ChangeFacts, type PullRequestFacts } from './rules/facts';

export { latestReviewPerReviewer, type ReviewDecisionInput } from './rules/approvals';

/** A reviewer's current position on the pull request. */
export type ReviewerState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'REQUESTED';

export interface ReviewerStatus {
  login: string;
  state: ReviewerState;
  /** Review is (re-)requested from this reviewer now. */
  requested: boolean;
  /** The reviewer wrote the pull request. */
  isAuthor: boolean;
  /** This reviewer's approval counts towards the required number. */
  countsAsApproval: boolean;
  /** How an APPROVED reviewer signed off: a GitHub approval, or an LGTM review or comment. */
  signOff?: 'approval' | 'lgtm';
  /** Set when the approval is of an earlier commit than the head (short sha), and the policy requires the latest. */
  staleCommit?: string;
}

export interface ApprovalSummary {
  approvals: number;
  required: number;
  reviewers: ReviewerStatus[];
  changesRequestedBy: string[];
}

export interface CheckSummary {
  passed: number;
  failed: number;
  pending: number;
}

export interface Readiness {
  ready: boolean;
  /** What must change before merging, in the policy's words. */
  blockers: string[];
  /** Worth knowing, never blocking. */
  warnings: string[];
  approvals?: ApprovalSummary;
  checks?: CheckSummary;
}

function byTime(a: ReviewInfo, b: ReviewInfo): number {
  const ta = a.submittedAt ?? '';
  const tb = b.submittedAt ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id - b.id;
}

/**
 * Each reviewer's current state: latest deciding review wins; COMMENTED
 * only shows when nothing was decided; requested reviewers without a
 * review show as REQUESTED. Logins compare case-insensitively.
 */
export function reviewerStates(section: PullRequestSection, policy: Policy['review'] | boolean): ReviewerStatus[] {
  const review = typeof policy === 'boolean' ? { allowSelfApproval: policy, signOff: 'approval' as const, requireApprovalOfLatestCommit: false } : policy;
  const author = section.pr.author.toLowerCase();
  const byLogin = new Map<string, ReviewerStatus>();
  const requested = new Set(section.requestedReviewers.map((r) => r.toLowerCase()));
  const count = countApprovals(signOffInputs(section), {
    author: section.pr.author,
    allowSelfApproval: review.allowSelfApproval,
    headSha: section.pr.headSha,
    signOff: review.signOff,
    requireLatestCommit: review.requireApprovalOfLatestCommit,
  });
  const counted = new Set(count.approvals.map((r) => r.reviewer.toLowerCase()));
  const stale = new Map(count.stale.map((r) => [r.reviewer.toLowerCase(), r.commitId!.slice(0, 7)]));
  for (const [key, r] of count.latest) {
    byLogin.set(key, {
      login: r.reviewer,
      state: r.state as ReviewerState,
      requested: requested.has(key),
      isAuthor: key === author,
      countsAsApproval: false,
      ...(r.state === 'APPROVED' ? { signOff: r.lgtm ? ('lgtm' as const) : ('approval' as const) } : {}),
      ...(review.requireApprovalOfLatestCommit && stale.has(key) ? { staleCommit: stale.get(key)! } : {}),
    });
  }
  for (const login of section.requestedReviewers) {
    const key = login.toLowerCase();
    if (!byLogin.has(key)) {
      byLogin.set(key, { login, state: 'REQUESTED', requested: true, isAuthor: key === author, countsAsApproval: false });
    }
  }
  const result = [...byLogin.values()];
  for (const r of result) r.countsAsApproval = counted.has(r.login.toLowerCase());
  return result;
}

/** Reviews and (when read) comments in time order, as the approval rule reads them. */
function signOffInputs(section: PullRequestSection): PullRequestFacts['reviews'] {
  const reviews = [...section.reviews].sort(byTime).map((r) => ({
    reviewer: r.author, state: r.state, submittedAt: r.submittedAt ?? null, commitId: r.commitId ?? null, body: r.body ?? null, kind: 'review' as const,
  }));
  const comments = (section.comments ?? []).map((c) => ({
    reviewer: c.author, state: 'COMMENTED' as const, submittedAt: c.createdAt, commitId: null, body: c.body, kind: 'comment' as const,
  }));
  if (comments.length === 0) return reviews;
  // Stable merge by time: a review and a comment at the same second keep review first.
  return [...reviews, ...comments].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
}

export function summariseApprovals(section: PullRequestSection, required: number, policy: Policy['review'] | boolean): ApprovalSummary {
  const reviewers = reviewerStates(section, policy);
  return {
    approvals: reviewers.filter((r) => r.countsAsApproval).length,
    required,
    reviewers,
    changesRequestedBy: reviewers.filter((r) => r.state === 'CHANGES_REQUESTED').map((r) => r.login),
  };
}

export function summariseChecks(checks: readonly CheckInfo[]): CheckSummary {
  const count = (state: CheckInfo['state']): number => checks.filter((c) => c.state === state).length;
  return { passed: count('passed'), failed: count('failed'), pending: count('pending') };
}

/** The merge gate. */
export function assessReadiness(snapshot: ChangeSnapshot): Readiness {
  return gateView(snapshot).readiness;
}

/** The merge gate and the rule ids it evaluated (for the rule-table test). */
export function gateView(snapshot: ChangeSnapshot): { readiness: Readiness; evaluated: string[] } {
  const evaluation = evaluateRules(gateFacts(snapshot), 'gate');
  const blockers = evaluation.outcomes.filter((o) => o.severity === 'blocker').map((o) => o.message);
  const warnings = evaluation.outcomes.filter((o) => o.severity === 'warning').map((o) => o.message);
  const gh = snapshot.github;
  const section = isUnavailable(gh) ? undefined : gh.pullRequest;
  const readiness: Readiness = section
    ? {
        ready: blockers.length === 0, blockers, warnings,
        approvals: summariseApprovals(section, snapshot.policy.review.requiredApprovals, snapshot.policy.review),
        checks: summariseChecks(section.checks),
      }
    : { ready: blockers.length === 0, blockers, warnings, approvals: undefined, checks: undefined };
  return { readiness, evaluated: evaluation.evaluated };
}

/** What the snapshot knows about the change, as the rules read it. */
export function gateFacts(s: ChangeSnapshot): ChangeFacts {
  const b = s.branch;
  const t = s.ticket;
  const gh = s.github;
  const record: ChangeFacts['ticket']['record'] =
    t.lookup?.status === 'notFound'
      ? known('notFound')
      : t.details
        ? known({ ...t.details, ...(t.approver ? { approver: isUnavailable(t.approver) ? unknown(t.approver.reason) : known(t.approver) } : {}) })
        : unknown(t.lookup?.reason ?? 'not looked up');
  return {
    policy: rulePolicyOf(s.policy),
    branch: { name: b.name },
    sync: {
      ...(b.baseRef !== undefined ? { baseRef: b.baseRef } : {}),
      behind: b.baseRef === undefined ? unknown(`remote base branch ${b.base} not found`) : known(b.behind ?? 0),
      unpushed: known(b.unpushed ?? 0),
    },
    ticket: { id: t.id, record },
    commits: s.commits.map((c) => ({ sha: c.sha, subject: c.subject, problems: c.findings.map((f) => ({ severity: f.severity, message: f.message, rule: f.ruleId })) })),
    tests: isUnavailable(s.tests)
      ? unknown(s.tests.reason)
      : known({
          missing: s.tests.sources.filter((x) => x.verdict === 'missing').map((x) => x.path),
          stale: s.tests.sources.filter((x) => x.verdict === 'stale').map((x) => x.path),
        }),
    pullRequest: isUnavailable(gh) ? unknown(gh.reason) : known(gh.pullRequest ? pullRequestFacts(gh.pullRequest) : undefined),
    merge: null,
  };
}

function pullRequestFacts(section: PullRequestSection): PullRequestFacts {
  const { pr } = section;
  return {
    number: pr.number,
    url: pr.url,
    author: pr.author,
    state: pr.state,
    headSha: pr.headSha,
    ...(pr.body !== undefined ? { body: pr.body } : {}),
    reviews: signOffInputs(section),
    requestedReviewers: section.requestedReviewers,
    checks: section.checks.map((c) => ({ name: c.name, state: c.state })),
    ticketBackLink: section.ticketBackLink,
  };
}

/** One line: "Ready to merge" or "Blocked: a, b, c". */
export function readinessLine(readiness: Readiness): string {
  return readiness.ready ? 'Ready to merge' : `Blocked: ${readiness.blockers.join(', ')}`;
}
