/**
 * hook-policy.js, the part of the commit-msg hook that only a policy text
 * new to the memo (or a policy with `extends`) needs: the policy parser
 * with zod and jsonc-parser, and the policy file loader with simple-git.
 * It is its own bundle (scripts/lib/bundles.mjs) so that hook-lint.js,
 * which every commit loads, stays small; hook-lint.js loads it on demand
 * through the same code cache (loader.ts). In the sources (and the unit
 * tests) it is an ordinary module.
 */
export { parsePolicy } from '../../core/policy/parsePolicy';
export { defaultPolicy } from '../../core/policy/schema';
export { loadPolicyFile } from '../../git/policyFile';
