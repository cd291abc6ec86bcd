/**
 * Rule `pull-request-open`: the change has a pull request that is ready
 * for review (not a draft, not closed unmerged). When GitHub could not be
 * read, the gate blocks and says why (fail closed); the rules that read the
 * pull request (approvals, checks, back link) stay silent then, since this
 * one already blocks.
 */
import { blocker, notApplicable, type PolicyRule } from './rule';

export const pullRequestOpen: PolicyRule = {
  id: 'pull-request-open',
  description: 'A pull request exists and is ready for review (not a draft, not closed).',
  reads: ['pullRequest'],
  preflight: notApplicable('Open Pull Request is what creates it'),
  gate: ({ pullRequest }) => {
    if (pullRequest.state === 'unknown') return [blocker(`pull request not checked (${pullRequest.reason})`)];
    const pr = pullRequest.value;
    if (!pr) return [blocker('no pull request yet')];
    if (pr.state === 'draft') return [blocker(`pull request #${pr.number} is a draft`)];
    if (pr.state === 'closed') return [blocker(`pull request #${pr.number} is closed without merging`)];
    return [];
  },
  audit: notApplicable('the audit reads changes that merged; one without a pull request is a feature-branch finding'),
};
