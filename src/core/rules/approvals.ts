/**
 * THE approval-counting rule, used by the merge gate, the Change view and
 * the audit evidence (gathered and judged): each reviewer's latest deciding
 * review counts the way GitHub does it. A later COMMENTED does not replace
 * an earlier decision, DISMISSED clears it, drafts (PENDING) are invisible,
 * and the author's own approval never counts unless the policy allows it.
 */

/** What a review needs for the latest-review-per-reviewer rule. */
export interface ReviewDecisionInput {
  reviewer: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  submittedAt?: string | null;
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
  /** Latest decision per reviewer (lower-case login). */
  latest: Map<string, T>;
  /** Approvals that count: latest APPROVED, not the author's unless allowed. */
  approvals: T[];
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
  const latest = latestReviewPerReviewer(reviews);
  const author = context.author.toLowerCase();
  const decided = [...latest.values()];
  const isAuthor = (r: T): boolean => r.reviewer.toLowerCase() === author;
  const approvals = decided.filter((r) => r.state === 'APPROVED' && (context.allowSelfApproval || !isAuthor(r)));
  const head = context.headSha;
  return {
    latest,
    approvals,
    selfApprovals: decided.filter((r) => r.state === 'APPROVED' && isAuthor(r)),
    stale: head === undefined ? [] : approvals.filter((r) => r.commitId != null && r.commitId !== head),
    onHead: head === undefined ? [] : approvals.filter((r) => r.commitId === head),
    changesRequestedBy: decided.filter((r) => r.state === 'CHANGES_REQUESTED').map((r) => r.reviewer),
  };
}
