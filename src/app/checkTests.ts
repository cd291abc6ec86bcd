/**
 * Check Tests, the use case: measure the branch against its base through
 * the git port and pair the changed sources with their tests under the
 * policy. The CLI's `check-tests` and the editor's check call it; the
 * pairing itself is pure (src/core/testMatching). The editor hands in
 * what it already knows (the Source Control changes, the last tree
 * index), so a re-check skips the work-tree scan and the re-indexing.
 */
import { ChangeControlError } from '../core/errors';
import type { Policy } from '../core/policy/schema';
import type { ChangeBaseOptions, GitPort } from '../core/ports';
import { checkTests } from '../core/testMatching/checkTests';
import type { TreeIndexMemo } from '../core/testMatching/treeIndex';
import type { TestCheckResult } from '../core/testMatching/types';

/** How to measure the change (the base branch is the policy's), and what the caller already has. */
export interface CheckChangeTestsOptions extends Omit<ChangeBaseOptions, 'baseBranch'> {
  /** Reuses the last check's tree index while the tree and the test rules are the same. */
  indexMemo?: TreeIndexMemo;
}

export interface CheckChangeTestsResult {
  result: TestCheckResult;
  /** The ref the change was measured against (`origin/main`). */
  baseRef: string;
  /** The merge-base commit the change was measured from. */
  mergeBase: string;
  /** True when a source has no test and the policy requires tests: the check fails. */
  failed: boolean;
}

/**
 * Pairs the branch's changes with tests; `baseRef` (`--base REF`) wins
 * over the policy's base branch. A `signal` aborted while git ran ends
 * the check as `cancelled`, before any pairing.
 */
export async function checkChangeTests(
  git: Pick<GitPort, 'readChange'>,
  policy: Pick<Policy, 'branch' | 'tests'>,
  options: CheckChangeTestsOptions = {},
): Promise<CheckChangeTestsResult> {
  const { indexMemo, ...base } = options;
  const change = await git.readChange({ baseBranch: policy.branch.base, ...base });
  if (options.signal?.aborted) throw new ChangeControlError('cancelled', 'Test check cancelled.');
  const result = checkTests(
    { base: change.baseRef, changes: change.changes, tree: change.tree, inlineTests: change.inlineTests, ...(change.stubTests ? { stubTests: change.stubTests } : {}), policy: policy.tests },
    indexMemo,
  );
  return { result, baseRef: change.baseRef, mergeBase: change.mergeBase, failed: result.counts.missing > 0 && policy.tests.requireTests };
}
