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
 */
import { countApprovals } from './approvals';
import type { PullRequestFacts } from './facts';
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
    const count = countApprovals(pr.reviews, { author: pr.author, allowSelfApproval: policy.allowSelfApproval });
    const missing = policy.requiredApprovals - count.approvals.length;
    return missing > 0 ? [blocker(`needs ${plural(missing, 'more approval', 'more approvals')}`)] : [];
  },
  audit: ({ pullRequest, policy, merge }) => {
    if (pullRequest.state !== 'known' || !pullRequest.value) return [];
    return auditApprovals(pullRequest.value, policy.requiredApprovals, policy.allowSelfApproval, merge);
  },
};

function auditApprovals(pr: PullRequestFacts, required: number, allowSelfApproval: boolean, merge: { mergedBy: string | null; mergedAt: string } | null): AuditOutcome[] {
  const out: AuditOutcome[] = [];
  const count = countApprovals(pr.reviews, { author: pr.author, allowSelfApproval, headSha: pr.headSha });
  if (!allowSelfApproval && count.selfApprovals.length > 0) {
    out.push({ finding: {
      id: 'self-approval',
      title: 'The author approved their own pull request.',
      evidence: count.selfApprovals.map((r) => `${r.reviewer} (author of #${pr.number}) approved at ${r.submittedAt ?? 'unknown time'}`),
    } });
  }
  if (count.stale.length > 0) {
    out.push({ finding: {
      id: 'stale-approval',
      title: `${plural(count.stale.length, 'approval was', 'approvals were')} given before the last push.`,
      evidence: count.stale.map(
        (r) => `${r.reviewer} approved commit ${r.commitId!.slice(0, 12)} at ${r.submittedAt ?? 'unknown time'}; the pull request ended at ${pr.headSha.slice(0, 12)}${pr.lastCommitAt ? ` (committed ${pr.lastCommitAt})` : ''}`,
      ),
    } });
  }
  const fresh = count.onHead.length;
  if (merge && fresh < required) {
    out.push({ finding: {
      id: 'merged-without-required-approvals',
      title: `Merged with ${fresh} of ${required} required ${required === 1 ? 'approval' : 'approvals'}.`,
      evidence: [
        `merged by ${merge.mergedBy ?? 'unknown'} at ${merge.mergedAt}`,
        count.approvals.length === 0 ? 'no approving review' : `approvals on the merged head: ${count.onHead.map((r) => r.reviewer).join(', ') || 'none'}`,
      ],
    } });
  }
  return out;
}
