/**
 * Rule `up-to-date`: the branch contains the base branch's latest commits.
 * It only ever warns (a stale branch is merged or rebased before review);
 * a base that could not be read is said, also as a warning.
 */
import { notApplicable, warning, type PolicyRule } from './rule';
import { plural } from './text';

export const upToDate: PolicyRule = {
  id: 'up-to-date',
  description: 'The branch is not behind the base branch (warning only).',
  reads: ['sync'],
  preflight: ({ sync, policy }) => {
    const base = policy.baseBranch;
    if (sync.behind.state === 'unknown') {
      const note = sync.behind.reason;
      return [{ item: 'upToDate', severity: 'warning', message: `Could not tell whether the branch is up to date with ${base}${note ? `: ${note}` : ''}.` }];
    }
    if (sync.behind.value > 0) {
      const n = plural(sync.behind.value, 'commit', 'commits');
      return [{ item: 'upToDate', severity: 'warning', message: `The branch is ${n} behind ${base}. Merge or rebase onto ${base} before review.` }];
    }
    return [];
  },
  gate: ({ sync, policy }) => {
    if (sync.baseRef === undefined) return [warning(`remote base branch ${policy.baseBranch} not found: fetch it`)];
    const behind = sync.behind.state === 'known' ? sync.behind.value : 0;
    return behind > 0 ? [warning(`branch is ${plural(behind, 'commit', 'commits')} behind ${sync.baseRef}`)] : [];
  },
  audit: notApplicable('a merged change is judged by what was merged, not by the base it started from'),
};
