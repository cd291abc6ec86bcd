/**
 * Everything known about one change (the current branch of one
 * repository) at one moment: the input of the readiness rule, the sidebar
 * tree and `change-control status`. Plain data, so the same snapshot can be
 * rendered, serialised to JSON and unit-tested without git or GitHub.
 */
import type { Finding } from './commitMessage/types';
import type { PolicySource } from './policy/governingPolicy';
import type { Policy } from './policy/schema';
import type { Ticket } from './ports';
import type { TestCheckResult } from './testMatching/types';

/** Why a section has no data: not applicable, skipped on purpose, or failed. */
export interface Unavailable {
  status: 'skipped' | 'error';
  /** Human sentence: "no GitHub token", "GitHub API rate limit reached". */
  reason: string;
}

export interface TicketSection {
  /** The ticket linked to the branch (git config `branch.<name>.changeTicket`), if any. */
  id?: string;
  /** The tracker's view of it; undefined when not looked up. */
  details?: Ticket;
  /** Set when the ID is linked but the lookup did not happen or failed. */
  lookup?: Unavailable | { status: 'notFound'; reason: string };
  /**
   * Who applied the approval label last and whether they are an approver;
   * read only when the policy names `tracker.approvers` and the label is
   * applied. Unavailable when the events or a team could not be read.
   */
  approver?: { login: string; at: string; app: string | null; isApprover: boolean } | Unavailable;
}

export interface BranchSection {
  /** Current branch; undefined on a detached HEAD. */
  name?: string;
  /** The policy's base branch name (`main`). */
  base: string;
  /** Remote copy of the base the branch is measured against (`origin/main`); undefined when missing. */
  baseRef?: string;
  /** Commits on the branch that the remote base lacks. */
  ahead?: number;
  /** Commits on the remote base that the branch lacks. */
  behind?: number;
  /** Upstream tracking branch (`origin/feature/x`); undefined when never pushed. */
  upstream?: string;
  /** Commits not on the upstream (all branch commits when there is no upstream). */
  unpushed?: number;
}

export interface CommitInfo {
  sha: string;
  /** First line of the message. */
  subject: string;
  /** Full message, for tooltips. */
  message: string;
  /** Commit-message lint findings; empty when the message follows the policy. */
  findings: Finding[];
}

export type PullRequestState = 'draft' | 'open' | 'merged' | 'closed';

export interface PullRequestInfo {
  number: number;
  title: string;
  url: string;
  state: PullRequestState;
  /** Login of the author. */
  author: string;
  /** Head commit the checks ran on. */
  headSha: string;
  /** The description (the gate checks it names the change); undefined when not read. */
  body?: string | null;
}

/** Review states as GitHub's REST API spells them. */
export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface ReviewInfo {
  id: number;
  author: string;
  state: ReviewState;
  /** ISO time; reviews are ordered by it (then by id). Undefined for a pending draft. */
  submittedAt?: string;
  url?: string;
  /** The head commit the review was given on, when GitHub said. */
  commitId?: string;
  /** The review's text (an LGTM review is a sign-off under "approval-or-lgtm"). */
  body?: string;
}

/** A pull request comment (read when LGTM comments count as sign-offs). */
export interface PullCommentInfo {
  id: number;
  author: string;
  body: string;
  createdAt: string;
}

export type CheckState = 'passed' | 'failed' | 'pending';

export interface CheckInfo {
  name: string;
  state: CheckState;
  /** Where the details are (CI run, status target URL). */
  detailsUrl?: string;
  /** Commit status (`status`) or check run (`checkRun`). */
  source: 'status' | 'checkRun';
  /** GitHub's own conclusion/state word, for the tooltip ("timed_out", "error"). */
  detail?: string;
}

/**
 * The context of the commit status that the gate itself posts (the GitHub
 * Action, a CI job running `verify`): its own earlier verdict, never one
 * of the checks it judges.
 */
export const GATE_STATUS_CONTEXT = 'Change Control';

export interface PullRequestSection {
  pr: PullRequestInfo;
  reviews: ReviewInfo[];
  /** Logins (and `org/team` slugs) whose review is requested and not yet given. */
  requestedReviewers: string[];
  checks: CheckInfo[];
  /** The pull request's comments; read only when `review.signOff` is "approval-or-lgtm". */
  comments?: PullCommentInfo[];
  /**
   * Whether the ticket links to this pull request (body or a comment names
   * its URL or number). Undefined when there is no GitHub ticket to look in.
   */
  ticketBackLink?: boolean;
}

export type GitHubSection =
  | Unavailable
  | {
      status: 'ok';
      /** `owner/name` of the code repository. */
      repository: string;
      /** Undefined when the branch has no pull request yet. */
      pullRequest?: PullRequestSection;
    };

export interface ChangeSnapshot {
  /** Repository root, for display. */
  root: string;
  policy: Policy;
  /**
   * Where `policy` came from (the base branch) and whether the change edits
   * it, or why the base's policy could not be read (the editor then applies
   * the checkout's); undefined when not known.
   */
  policySource?: PolicySource | Unavailable;
  ticket: TicketSection;
  branch: BranchSection;
  /** Commits on the branch since it left the base, newest first. */
  commits: CommitInfo[];
  tests: TestCheckResult | Unavailable;
  github: GitHubSection;
}

/** True when a section holds data rather than a reason it has none. */
export function isUnavailable(value: unknown): value is Unavailable {
  if (typeof value !== 'object' || value === null) return false;
  const status = (value as { status?: unknown }).status;
  return status === 'skipped' || status === 'error';
}

/** True when the branch is the base branch itself (nothing to change yet). */
export function isOnBase(branch: BranchSection): boolean {
  return branch.name !== undefined && branch.name === branch.base;
}
