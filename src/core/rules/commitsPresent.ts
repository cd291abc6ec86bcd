/**
 * Rule `commits-present`: the branch has commits the base lacks.
 *
 * Decision: not reported on the base branch or a detached HEAD, at any
 * moment: `feature-branch` already says what to do there (the pre-flight
 * used to report both).
 */
import { onFeatureBranch } from './facts';
import { blocker, notApplicable, type PolicyRule } from './rule';

export const commitsPresent: PolicyRule = {
  id: 'commits-present',
  description: 'The branch has commits that are not on the base branch.',
  reads: ['branch', 'commits'],
  preflight: (f) =>
    onFeatureBranch(f) && f.commits.length === 0
      ? [{ item: 'commits', severity: 'blocker', message: 'The branch has no commits that are not on the base branch. Commit your change first.' }]
      : [],
  gate: (f) => (onFeatureBranch(f) && f.commits.length === 0 ? [blocker('no commits on the branch yet')] : []),
  audit: notApplicable('an audited change is made of its commits'),
};
