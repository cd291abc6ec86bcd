/**
 * Rule `commit-messages`: every commit message follows the message rules
 * (src/core/commitMessage). Errors block; before the pull request, warnings
 * are listed too. The gate counts only breaking messages (the Change view
 * shows each commit's warnings), as the evidence lints errors only.
 */
import { onFeatureBranch } from './facts';
import { blocker, type PolicyRule, type PreflightOutcome } from './rule';
import { plural, truncate } from './text';

export const commitMessages: PolicyRule = {
  id: 'commit-messages',
  description: 'Every commit message follows the commit-message rules.',
  reads: ['commits'],
  preflight: ({ commits }) => {
    const items: PreflightOutcome[] = [];
    for (const commit of commits) {
      const errors = commit.problems.filter((p) => p.severity === 'error');
      const warnings = commit.problems.filter((p) => p.severity === 'warning');
      const where = `Commit ${commit.sha.slice(0, 7)} "${truncate(commit.subject, 50)}"`;
      if (errors.length > 0) items.push({ item: 'lint', severity: 'blocker', message: `${where}: ${errors.map((p) => p.message).join('; ')}` });
      else if (warnings.length > 0) items.push({ item: 'lint', severity: 'warning', message: `${where}: ${warnings.map((p) => p.message).join('; ')}` });
    }
    return items;
  },
  gate: (f) => {
    if (!onFeatureBranch(f)) return [];
    const failing = f.commits.filter((c) => c.problems.some((p) => p.severity === 'error')).length;
    return failing > 0 ? [blocker(`${plural(failing, 'commit message breaks', 'commit messages break')} the policy`)] : [];
  },
  audit: ({ commits }) => {
    const bad = commits.filter((c) => c.problems.some((p) => p.severity === 'error'));
    if (bad.length === 0) return [];
    return [{
      finding: {
        id: 'commit-message-violations',
        title: `${plural(bad.length, 'commit message breaks', 'commit messages break')} the message rules.`,
        evidence: bad.flatMap((c) => c.problems.filter((p) => p.severity === 'error').map((p) => `${c.sha.slice(0, 12)} line ${p.line ?? 0}: ${p.rule ?? 'lint'}: ${p.message}`)),
      },
    }];
  },
};
