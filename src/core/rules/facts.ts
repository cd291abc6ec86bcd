/**
 * What we know about one change, in one shape for every moment: before the
 * pull request (pre-flight), at merge (the gate) and after the fact (the
 * audit). The rules in this folder read only this model, so a rule is
 * written once and each moment's input (the pre-flight's, the change
 * snapshot, the evidence) is translated here once (see buildFacts.ts).
 *
 * A fact that could not be read is a state of its own (`unknown`, with the
 * reason), never a silent "absent": the gate fails closed on it and the
 * audit reports it as not verifiable.
 */
import type { Policy } from '../policy/schema';

/** A fact that was read, or the reason it could not be. */
export type Fact<T> = { state: 'known'; value: T } | { state: 'unknown'; reason: string };

/** A known fact. */
export function known<T>(value: T): Fact<T> {
  return { state: 'known', value };
}

/** A fact that could not be read, and why ("no GitHub token"). */
export function unknown<T>(reason: string): Fact<T> {
  return { state: 'unknown', reason };
}

/** The moments at which the rules are evaluated. */
export type Moment = 'preflight' | 'gate' | 'audit';

/** The policy settings the rules read (a full Policy or the evidence's copy of it). */
export interface RulePolicy {
  baseBranch: string;
  requiredApprovals: number;
  allowSelfApproval: boolean;
  requireTests: boolean;
  requireApproval: boolean;
  approvalLabel: string;
  /** `tracker.approvers`: logins and `org/team` slugs; empty means anyone who can label. */
  approvers: string[];
  /** `review.signOff`. */
  signOff: 'approval' | 'approval-or-lgtm';
  /** `review.requireApprovalOfLatestCommit`. */
  requireApprovalOfLatestCommit: boolean;
}

/** The rule settings of a full policy. */
export function rulePolicyOf(policy: Policy): RulePolicy {
  return {
    baseBranch: policy.branch.base,
    requiredApprovals: policy.review.requiredApprovals,
    allowSelfApproval: policy.review.allowSelfApproval,
    requireTests: policy.tests.requireTests,
    requireApproval: policy.tracker.requireApproval,
    approvalLabel: policy.tracker.approvalLabel,
    approvers: policy.tracker.approvers,
    signOff: policy.review.signOff,
    requireApprovalOfLatestCommit: policy.review.requireApprovalOfLatestCommit,
  };
}

export interface TicketRecord {
  id: string;
  state: 'open' | 'closed';
  approved: boolean;
  /** Who applied the approval label and when (audit only; undefined when not read). */
  approvedBy?: string | null;
  approvedAt?: string | null;
  /**
   * Who applied the approval label last, and whether they are an approver
   * (`tracker.approvers`). Undefined when the policy names no approvers (or
   * the label is not applied); unknown when the events or a team's
   * membership could not be read.
   */
  approver?: Fact<LabelApprover>;
}

/** The actor of the approval label's last `labeled` event, judged against `tracker.approvers`. */
export interface LabelApprover {
  login: string;
  at: string;
  /** The GitHub App that applied it (a bot account or `performed_via_github_app`), else null. */
  app: string | null;
  isApprover: boolean;
}

export interface CommitFacts {
  sha: string;
  subject: string;
  author?: string;
  date?: string;
  problems: { severity: 'error' | 'warning' | 'info'; message: string; rule?: string; line?: number }[];
}

export interface ReviewFacts {
  reviewer: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  submittedAt: string | null;
  /** The head commit the review was given on; null when GitHub did not say; undefined when not read. */
  commitId?: string | null;
  /** The text, when read (LGTM sign-offs). */
  body?: string | null;
  /** A pull request comment (an LGTM sign-off candidate) rather than a review. */
  kind?: 'review' | 'comment';
}

export interface PullRequestFacts {
  number: number;
  url: string;
  author: string;
  state: 'draft' | 'open' | 'merged' | 'closed';
  headSha: string;
  /** The description; undefined when not read. */
  body?: string | null;
  /** When the last commit reached the pull request (audit). */
  lastCommitAt?: string | null;
  /** Reviews in submission order. */
  reviews: ReviewFacts[];
  requestedReviewers: string[];
  checks: { name: string; state: 'passed' | 'failed' | 'pending' }[];
  /** Whether the ticket links to the pull request; undefined when there is no ticket to look in. */
  ticketBackLink: boolean | undefined;
}

export interface ChangeFacts {
  policy: RulePolicy;
  branch: {
    /** Undefined on a detached HEAD. */
    name: string | undefined;
    /** The change landed on the base branch without a pull request (audit of a range). */
    directToBase?: boolean;
  };
  sync: {
    /** The remote base the branch is measured against (gate); undefined when missing or not read. */
    baseRef?: string;
    /** Commits on the base the branch lacks. */
    behind: Fact<number>;
    /** Commits not pushed to the upstream. */
    unpushed: Fact<number>;
  };
  ticket: {
    /** The ticket ID the change names; undefined when none. */
    id: string | undefined;
    /** The tracker's record, `notFound`, or unknown when the lookup failed. */
    record: Fact<TicketRecord | 'notFound'>;
  };
  /** Commits of the change, with their message-lint problems. */
  commits: CommitFacts[];
  /** Source files without tests and with unchanged tests. */
  tests: Fact<{ missing: string[]; stale: string[] }>;
  /** The pull request; known `undefined` when there is none yet. */
  pullRequest: Fact<PullRequestFacts | undefined>;
  /** The merge, after the fact (audit); null when not merged. */
  merge: { mergedBy: string | null; mergedAt: string } | null;
}

/** True when the change is on a feature branch (not detached, not the base). */
export function onFeatureBranch(facts: ChangeFacts): boolean {
  return facts.branch.name !== undefined && facts.branch.name !== facts.policy.baseBranch && !facts.branch.directToBase;
}

