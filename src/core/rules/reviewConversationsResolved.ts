/**
 * Rule `review-conversations-resolved` (Software Development Procedures,
 * items 4–5: reviewers note every potential issue, and the author
 * addresses each one or explains why it does not apply): with
 * `review.requireResolvedConversations` (the default), every review
 * conversation on the pull request is resolved before it may be merged.
 *
 * Decisions: an outdated conversation still counts until it is resolved
 * (GitHub's own "require conversation resolution" counts it too);
 * conversations that could not be read block ("not checked", fail
 * closed) and are not verifiable after the fact; a snapshot that did not
 * read them (hand-built) is not judged; closed pull requests are not
 * gated. After the fact, a merge over open conversations is a finding.
 */
import type { PullRequestFacts, ReviewThreadFacts } from './facts';
import { blocker, notApplicable, type PolicyRule } from './rule';
import { firstLine, plural, truncate } from './text';

/** The open conversations, or why they are not known; undefined when not read. */
function openThreads(pr: PullRequestFacts): { open: ReviewThreadFacts[] } | { unknown: string } | undefined {
  if (!pr.threads) return undefined;
  if (pr.threads.state === 'unknown') return { unknown: pr.threads.reason };
  return { open: pr.threads.value.filter((t) => !t.isResolved) };
}

/** `src/audit.ts:14`, or the path alone for a file-level conversation. */
export function threadPlace(t: Pick<ReviewThreadFacts, 'path' | 'line'>): string {
  return t.line === null ? t.path : `${t.path}:${t.line}`;
}

/** `src/audit.ts:14 (erin): What happens when the log is empty?` */
export function threadLine(t: ReviewThreadFacts): string {
  return `${threadPlace(t)} (${t.author}${t.isOutdated ? ', outdated' : ''}): ${truncate(firstLine(t.body).trim(), 80)}`;
}

export const reviewConversationsResolved: PolicyRule = {
  id: 'review-conversations-resolved',
  description: 'Every review conversation on the pull request is resolved (review.requireResolvedConversations).',
  reads: ['pullRequest'],
  preflight: notApplicable('nobody can review before the pull request exists'),
  gate: ({ pullRequest, policy }) => {
    if (!policy.requireResolvedConversations || pullRequest.state !== 'known' || !pullRequest.value) return [];
    const pr = pullRequest.value;
    if (pr.state !== 'open' && pr.state !== 'draft') return [];
    const judged = openThreads(pr);
    if (!judged) return [];
    if ('unknown' in judged) return [blocker(`review conversations not checked: ${judged.unknown}`)];
    const n = judged.open.length;
    return n > 0 ? [blocker(`${plural(n, 'review conversation', 'review conversations')} open`)] : [];
  },
  audit: ({ pullRequest, policy, merge }) => {
    if (!policy.requireResolvedConversations || !merge || pullRequest.state !== 'known' || !pullRequest.value) return [];
    const pr = pullRequest.value;
    const judged = openThreads(pr);
    if (!judged) return [];
    if ('unknown' in judged) return [{ notVerifiable: `review conversations of #${pr.number}: ${judged.unknown}` }];
    if (judged.open.length === 0) return [];
    return [{
      finding: {
        id: 'merged-with-open-conversations',
        title: `Merged with ${plural(judged.open.length, 'review conversation', 'review conversations')} open.`,
        // The state when the evidence was collected: a conversation still open now was open at the merge.
        evidence: judged.open.map((t) => `${threadLine(t)}: not resolved (merged at ${merge.mergedAt}) ${t.url}`),
      },
    }];
  },
};
