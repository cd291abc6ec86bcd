/** Results of the matching-tests check, shared by the CLI, Problems panel and sidebar. */

export type PathKind = 'source' | 'test' | 'other';

/**
 * covered: a matching test changed in the same change;
 * stale: a matching test exists but was not changed;
 * missing: no matching test exists;
 * exempt: the policy says this source needs no test.
 */
export type TestVerdict = 'covered' | 'stale' | 'missing' | 'exempt';

export interface SourceTestResult {
  /** Repository-relative source path (forward slashes). */
  path: string;
  verdict: TestVerdict;
  /** Repository-relative paths of the matching tests (changed ones first). */
  tests: string[];
  /** Conventional path of a new test file when verdict is missing. */
  suggestedTest?: string;
  /** Missing because its only changed test is Create Test File's stub, not yet written. */
  unwrittenStub?: string;
  /** Which convention paired them (for tooltips). */
  convention?: string;
}

export interface TestCheckResult {
  /** Merge-base or base ref the change was measured from. */
  base: string;
  sources: SourceTestResult[];
  /** Changed test files and other files, for the summary. */
  changedTests: string[];
  changedOther: string[];
  counts: Record<TestVerdict, number>;
}
