/**
 * THE merge gate: one pure rule, from a change snapshot to "ready" or the
 * list of what blocks it, in the policy's words. The sidebar, the status
 * bar, `change-control status` and `verify --pr` all call this function;
 * nothing else decides readiness.
 *
 * Approvals are counted the way GitHub does: each reviewer's latest
 * deciding review counts (a later CHANGES_REQUESTED overrides an earlier
 * APPROVED, a later COMMENTED does not), a dismissed review clears the
 * reviewer's decision, pending (draft) reviews are not submitted yet, and
 * the author's own approval never counts unless the policy allows it.
 */
import {
  isOnBase,
  isUnavailable,
  type ChangeSnapshot,
  type CheckInfo,
  type PullRequestSection,
  type ReviewInfo,
  type ReviewState,
} from './changeSnapshot';

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

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function byTime(a: ReviewInfo, b: ReviewInfo): number {
  const ta = a.submittedAt ?? '';
  const tb = b.submittedAt ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id - b.id;
}

/** What a review needs for the latest-review-per-reviewer rule. */
export interface ReviewDecisionInput {
  reviewer: string;
  state: ReviewState;
  submittedAt?: string | null;
}

/**
 * THE approval-counting rule, shared by the sidebar, the merge gate and the
 * audit evidence: each reviewer's latest review decides; a later COMMENTED
 * does not replace an earlier decision; DISMISSED clears it; drafts
 * (PENDING) are invisible. Keys are lower-case logins. `reviews` must be in
 * submission order.
 */
export function latestReviewPerReviewer<T extends ReviewDecisionInput>(reviews: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const review of reviews) {
    if (review.state === 'PENDING') continue; // a draft nobody else can see yet
    const key = review.reviewer.toLowerCase();
    if (review.state === 'COMMENTED' && latest.has(key)) continue;
    latest.set(key, review);
  }
  return latest;
}

/**
 * Each reviewer's current state: latest deciding review wins; COMMENTED
 * only shows when nothing was decided; requested reviewers without a
 * review show as REQUESTED. Logins compare case-insensitively.
 */
export function reviewerStates(section: PullRequestSection, allowSelfApproval: boolean): ReviewerStatus[] {
  const author = section.pr.author.toLowerCase();
  const byLogin = new Map<string, ReviewerStatus>();
  const requested = new Set(section.requestedReviewers.map((r) => r.toLowerCase()));
  const ordered = [...section.reviews].sort(byTime).map((r) => ({ reviewer: r.author, state: r.state, submittedAt: r.submittedAt }));
  for (const [key, review] of latestReviewPerReviewer(ordered)) {
    byLogin.set(key, {
      login: review.reviewer,
      state: review.state as ReviewerState,
      requested: requested.has(key),
      isAuthor: key === author,
      countsAsApproval: false,
    });
  }
  for (const login of section.requestedReviewers) {
    const key = login.toLowerCase();
    if (!byLogin.has(key)) {
      byLogin.set(key, { login, state: 'REQUESTED', requested: true, isAuthor: key === author, countsAsApproval: false });
    }
  }
  const result = [...byLogin.values()];
  for (const r of result) r.countsAsApproval = r.state === 'APPROVED' && (!r.isAuthor || allowSelfApproval);
  return result;
}

export function summariseApprovals(section: PullRequestSection, required: number, allowSelfApproval: boolean): ApprovalSummary {
  const reviewers = reviewerStates(section, allowSelfApproval);
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
  const blockers: string[] = [];
  const warnings: string[] = [];
  branchRules(snapshot, blockers, warnings);
  ticketRules(snapshot, blockers, warnings);
  commitRules(snapshot, blockers);
  testRules(snapshot, blockers, warnings);
  const { approvals, checks } = gitHubRules(snapshot, blockers);
  return { ready: blockers.length === 0, blockers, warnings, approvals, checks };
}

/** One line: "Ready to merge" or "Blocked: a, b, c". */
export function readinessLine(readiness: Readiness): string {
  return readiness.ready ? 'Ready to merge' : `Blocked: ${readiness.blockers.join(', ')}`;
}

function branchRules(s: ChangeSnapshot, blockers: string[], warnings: string[]): void {
  const b = s.branch;
  if (b.name === undefined) blockers.push('detached HEAD: check out a feature branch');
  else if (isOnBase(b)) blockers.push(`on the base branch ${b.base}: start a change on a feature branch`);
  if (b.baseRef === undefined) warnings.push(`remote base branch ${b.base} not found: fetch it`);
  else if ((b.behind ?? 0) > 0) warnings.push(`branch is ${plural(b.behind ?? 0, 'commit', 'commits')} behind ${b.baseRef}`);
  if ((b.unpushed ?? 0) > 0) blockers.push(`${plural(b.unpushed ?? 0, 'commit', 'commits')} not pushed`);
}

function ticketRules(s: ChangeSnapshot, blockers: string[], warnings: string[]): void {
  const t = s.ticket;
  if (!t.id) {
    blockers.push('no change ticket');
    return;
  }
  if (t.lookup?.status === 'notFound') {
    blockers.push(`ticket ${t.id} not found`);
    return;
  }
  if (!t.details) {
    if (s.policy.tracker.requireApproval) blockers.push(`ticket approval not checked (${t.lookup?.reason ?? 'not looked up'})`);
    return;
  }
  if (s.policy.tracker.requireApproval && !t.details.approved) blockers.push('ticket not approved');
  if (t.details.state === 'closed') warnings.push('ticket is closed');
}

function commitRules(s: ChangeSnapshot, blockers: string[]): void {
  if (s.branch.name === undefined || isOnBase(s.branch)) return;
  if (s.commits.length === 0) {
    blockers.push('no commits on the branch yet');
    return;
  }
  const failing = s.commits.filter((c) => c.findings.some((f) => f.severity === 'error')).length;
  if (failing > 0) blockers.push(`${plural(failing, 'commit message breaks', 'commit messages break')} the policy`);
}

function testRules(s: ChangeSnapshot, blockers: string[], warnings: string[]): void {
  const required = s.policy.tests.requireTests;
  if (isUnavailable(s.tests)) {
    (required ? blockers : warnings).push(`tests not checked (${s.tests.reason})`);
    return;
  }
  const missing = s.tests.counts.missing;
  if (missing > 0) (required ? blockers : warnings).push(`${plural(missing, 'source file', 'source files')} without tests`);
  const stale = s.tests.counts.stale;
  if (stale > 0) warnings.push(`${plural(stale, 'source file', 'source files')} whose tests did not change`);
}

function gitHubRules(s: ChangeSnapshot, blockers: string[]): { approvals?: ApprovalSummary; checks?: CheckSummary } {
  const gh = s.github;
  if (isUnavailable(gh)) {
    blockers.push(`pull request not checked (${gh.reason})`);
    return {};
  }
  const section = gh.pullRequest;
  if (!section) {
    blockers.push('no pull request yet');
    return {};
  }
  const { pr } = section;
  if (pr.state === 'draft') blockers.push(`pull request #${pr.number} is a draft`);
  if (pr.state === 'closed') blockers.push(`pull request #${pr.number} is closed without merging`);
  const approvals = summariseApprovals(section, s.policy.review.requiredApprovals, s.policy.review.allowSelfApproval);
  const missing = approvals.required - approvals.approvals;
  if (missing > 0) blockers.push(`needs ${plural(missing, 'more approval', 'more approvals')}`);
  if (approvals.changesRequestedBy.length > 0) blockers.push(`changes requested by ${approvals.changesRequestedBy.join(', ')}`);
  const checks = summariseChecks(section.checks);
  if (checks.failed > 0) blockers.push(`${plural(checks.failed, 'check', 'checks')} failing`);
  if (checks.pending > 0) blockers.push(`${plural(checks.pending, 'check', 'checks')} pending`);
  if (section.ticketBackLink === false) blockers.push('ticket does not link to the pull request');
  return { approvals, checks };
}
