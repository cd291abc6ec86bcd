/**
 * Rule `feature-branch`: a change is made on a feature branch, never on
 * the base branch or a detached HEAD. After the fact, a commit that reached
 * the base without a pull request is the same deviation (`direct-push-to-base`).
 */
import { blocker, type PolicyRule } from './rule';
import { firstLine } from './text';

export const featureBranch: PolicyRule = {
  id: 'feature-branch',
  description: 'The change is made on a feature branch, not on the base branch or a detached HEAD.',
  reads: ['branch'],
  preflight: ({ branch, policy }) => {
    if (!branch.name) return [{ item: 'branch', severity: 'blocker', message: 'HEAD is detached. Check out your feature branch (or run Start Change).' }];
    if (branch.name === policy.baseBranch) {
      return [{ item: 'branch', severity: 'blocker', message: `You are on the base branch "${branch.name}". Run Start Change to create a feature branch.` }];
    }
    return [];
  },
  gate: ({ branch, policy }) => {
    if (branch.name === undefined) return [blocker('detached HEAD: check out a feature branch')];
    if (branch.name === policy.baseBranch) return [blocker(`on the base branch ${policy.baseBranch}: start a change on a feature branch`)];
    return [];
  },
  audit: ({ branch, commits }) => {
    if (!branch.directToBase) return [];
    return [{
      finding: {
        id: 'direct-push-to-base',
        title: 'Changed the base branch without a reviewed pull request.',
        evidence: commits.map((c) => `${c.sha.slice(0, 12)} by ${c.author ?? 'unknown'} on ${c.date ?? 'unknown date'}: ${firstLine(c.subject)}`),
      },
    }];
  },
};
