/**
 * The text of a new test file for "Create Test File", written for the
 * runner the repository itself uses: the tree is listed once, the few
 * config files and the nearest existing test that name the runner are
 * read (each bounded, links not followed), and the pure detection and
 * templates in src/core/testMatching decide.
 */
import type { Policy } from '../core/policy/schema';
import { createClassifier } from '../core/testMatching/classify';
import { testSkeleton } from '../core/testMatching/skeleton';
import { MAX_RUNNER_CONFIG_BYTES, detectRunner, runnerConfigFiles, type RunnerChoice } from '../core/testMatching/testRunner';
import { listTree } from '../git/changes';
import { readWorkTreeHeads } from '../git/workTreeFile';

export interface TestStub {
  text: string;
  /** The runner it is written for, and why (undefined: a language without templates). */
  runner?: RunnerChoice;
}

/** The stub for `testPath` (for `source`) in the repository at `root`, under its tests policy. */
export async function testStubFor(root: string, testPath: string, source: string, tests: Policy['tests'], tree?: readonly string[]): Promise<TestStub> {
  const files = tree ?? (await listTree(root));
  const { isTest } = createClassifier(tests);
  const configs = await readWorkTreeHeads(root, runnerConfigFiles(testPath, files, isTest), MAX_RUNNER_CONFIG_BYTES);
  const runner = detectRunner(testPath, { files, configs }, isTest);
  return { text: testSkeleton(testPath, source, runner?.runner), ...(runner ? { runner } : {}) };
}
