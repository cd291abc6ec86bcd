/**
 * Rule `checks-pass`: every status check and check run on the head commit
 * passed. After the fact the evidence lists each check with its state;
 * which checks were required at merge is GitHub's branch protection, which
 * the evidence does not read, so the audit draws no finding from it.
 */
import { blocker, notApplicable, type Outcome, type PolicyRule } from './rule';
import { plural } from './text';

export const checksPass: PolicyRule = {
  id: 'checks-pass',
  description: 'Every check on the head commit passed (none failing, none pending).',
  reads: ['pullRequest'],
  preflight: notApplicable('checks run on the pull request'),
  gate: ({ pullRequest }) => {
    if (pullRequest.state !== 'known' || !pullRequest.value) return [];
    const checks = pullRequest.value.checks;
    const failed = checks.filter((c) => c.state === 'failed').length;
    const pending = checks.filter((c) => c.state === 'pending').length;
    const out: Outcome[] = [];
    if (failed > 0) out.push(blocker(`${plural(failed, 'check', 'checks')} failing`));
    if (pending > 0) out.push(blocker(`${plural(pending, 'check', 'checks')} pending`));
    return out;
  },
  audit: notApplicable('the evidence lists every check; which were required at merge is not read'),
};
