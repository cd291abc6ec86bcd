/**
 * Check Tests, the use case: measure the branch against its base through
 * the git port and pair the changed sources with their tests under the
 * policy. The CLI's `check-tests` calls it; the pairing itself is pure
 * (src/core/testMatching).
 */
import type { Policy } from '../core/policy/schema';
import type { GitPort } from '../core/ports';
import { checkTests } from '../core/testMatching/checkTests';
import type { TestCheckResult } from '../core/testMatching/types';

export interface CheckChangeTestsResult {
  result: TestCheckResult;
  /** The merge-base commit the change was measured from. */
  mergeBase: string;
  /** True when a source has no test and the policy requires tests: the check fails. */
  failed: boolean;
}

/** Pairs the branch's changes with tests; `baseRef` (`--base REF`) wins over the policy's base branch. */
export async function checkChangeTests(git: Pick<GitPort, 'readChange'>, policy: Pick<Policy, 'branch' | 'tests'>, baseRef?: string): Promise<CheckChangeTestsResult> {
  const change = await git.readChange({ baseBranch: policy.branch.base, ...(baseRef ? { baseRef } : {}) });
  const result = checkTests({
    base: change.baseRef,
    changes: change.changes,
    tree: change.tree,
    inlineTests: change.inlineTests, ...(change.stubTests ? { stubTests: change.stubTests } : {}),
    policy: policy.tests,
  });
  return { result, mergeBase: change.mergeBase, failed: result.counts.missing > 0 && policy.tests.requireTests };
}
