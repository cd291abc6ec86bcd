/**
 * THE approval-counting rule, used by the merge gate, the Change view and
 * the audit evidence (gathered and judged): each reviewer's latest deciding
 * review counts the way GitHub does it. A later COMMENTED does not replace
 * an earlier decision, DISMISSED clears it, drafts (PENDING) are invisible,
 * and the author's own approval never counts unless the policy allows it.
 *
 * The policy decides what a sign-off is (`review.signOff`): a GitHub
 * approval, or also a review or comment that says only "LGTM" / "looks
 * good to me" (the policy's own words; a later "changes requested" still
 * overrides it). And whether it must be of the latest commit
 * (`review.requireApprovalOfLatestCommit`): then an approval of an older
 * head, or of a commit GitHub did not name (an LGTM comment), does not
 * count (fail closed: nothing proves it saw the final code).
 */

/** What a review needs for the latest-review-per-reviewer rule. */
export interface ReviewDecisionInput {
  reviewer: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  submittedAt?: string | null;
  /** The review's or comment's text, when read (LGTM sign-offs). */
  body?: string | null;
  /** A pull request comment rather than a review; undefined means a review. */
  kind?: 'review' | 'comment';
}

/** What counts as a reviewer's sign-off (`review.signOff`). */
export type SignOffMode = 'approval' | 'approval-or-lgtm';

const LGTM = /^(?:lgtm|looks good to me)[.!]*$/i;

/**
 * True when a text is an LGTM sign-off: its whole body is "LGTM" or "looks
 * good to me" (any case, trailing "." or "!" allowed), or one of its lines is.
 */
export function isLgtm(body: string | null | undefined): boolean {
  if (!body) return false;
  return body.replace(/\r\n/g, '\n').split('\n').some((line) => LGTM.test(line.trim()));
}

/**
 * The reviews as sign-offs under `mode`: with "approval-or-lgtm" an LGTM
 * review or comment becomes an approval (marked `lgtm`); any other
 * comment is no decision, so it is dropped.
 */
function asSignOffs<T extends ReviewDecisionInput>(reviews: readonly T[], mode: SignOffMode): (T & { lgtm?: boolean })[] {
  const out: (T & { lgtm?: boolean })[] = [];
  for (const r of reviews) {
    const lgtm = mode === 'approval-or-lgtm' && (r.state === 'COMMENTED' || r.state === 'APPROVED') && isLgtm(r.body);
    if (lgtm && r.state !== 'APPROVED') out.push({ ...r, state: 'APPROVED', lgtm: true });
    else if (r.kind !== 'comment') out.push(r);
  }
  return out;
}

/**
 * Each reviewer's latest deciding review. Keys are lower-case logins.
 * `reviews` must be in submission order.
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

export interface ApprovalCount<T> {
  /** Latest decision per reviewer (lower-case login); an LGTM sign-off is APPROVED with `lgtm`. */
  latest: Map<string, T & { lgtm?: boolean }>;
  /**
   * Approvals that count: latest APPROVED, not the author's unless allowed,
   * and only those on the head when the policy requires the latest commit.
   */
  approvals: (T & { lgtm?: boolean })[];
  /** Latest APPROVED of others, on any commit (before the latest-commit rule). */
  anyCommit: (T & { lgtm?: boolean })[];
  /** The author's own latest APPROVED, whether or not it counts. */
  selfApprovals: T[];
  /** Counting approvals given on a known commit other than the head. */
  stale: T[];
  /** Counting approvals given on the head commit (known to be it). */
  onHead: T[];
  /** Reviewers whose latest decision is CHANGES_REQUESTED. */
  changesRequestedBy: string[];
}

export interface ApprovalContext {
  /** Login of the pull request's author. */
  author: string;
  allowSelfApproval: boolean;
  /** The head commit, when the reviews say which commit they approved. */
  headSha?: string;
  /** `review.signOff`; "approval" when not given. */
  signOff?: SignOffMode;
  /** `review.requireApprovalOfLatestCommit`: only approvals known to be on `headSha` count. */
  requireLatestCommit?: boolean;
}

/**
 * Counts approvals. An approval is on the head only when its commit is
 * known to be the head; one whose commit GitHub did not report is neither
 * stale (nothing proves it) nor on the head (nothing proves that either).
 */
export function countApprovals<T extends ReviewDecisionInput & { commitId?: string | null }>(
  reviews: readonly T[],
  context: ApprovalContext,
): ApprovalCount<T> {
  const latest = latestReviewPerReviewer(asSignOffs(reviews, context.signOff ?? 'approval'));
  const author = context.author.toLowerCase();
  const decided = [...latest.values()];
  const isAuthor = (r: T): boolean => r.reviewer.toLowerCase() === author;
  const anyCommit = decided.filter((r) => r.state === 'APPROVED' && (context.allowSelfApproval || !isAuthor(r)));
  const head = context.headSha;
  const onHead = head === undefined ? [] : anyCommit.filter((r) => r.commitId === head);
  return {
    latest,
    approvals: context.requireLatestCommit ? onHead : anyCommit,
    anyCommit,
    selfApprovals: decided.filter((r) => r.state === 'APPROVED' && isAuthor(r)),
    stale: head === undefined ? [] : anyCommit.filter((r) => r.commitId != null && r.commitId !== head),
    onHead,
    changesRequestedBy: decided.filter((r) => r.state === 'CHANGES_REQUESTED').map((r) => r.reviewer),
  };
}
