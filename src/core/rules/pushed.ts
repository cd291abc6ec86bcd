/** Rule `pushed`: every commit of the branch is on GitHub, so the pull request shows what will merge. */
import { blocker, notApplicable, type PolicyRule } from './rule';
import { plural } from './text';

export const pushed: PolicyRule = {
  id: 'pushed',
  description: 'Every commit of the branch is pushed.',
  reads: ['sync'],
  preflight: notApplicable('Open Pull Request pushes the branch itself'),
  gate: ({ sync }) => {
    const n = sync.unpushed.state === 'known' ? sync.unpushed.value : 0;
    return n > 0 ? [blocker(`${plural(n, 'commit', 'commits')} not pushed`)] : [];
  },
  audit: notApplicable('the evidence is read from GitHub, where every audited commit is pushed'),
};
