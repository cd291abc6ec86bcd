/**
 * The matching-tests check: the change's source files, each with a verdict
 * (covered, stale, missing, exempt) and its tests. Pure: the git adapter
 * supplies the change, the tree (`git ls-files`, read once) and which
 * changed Rust files hold an inline `#[cfg(test)]` module.
 */
import { compileRepositoryGlobs } from '../patterns/repositoryGlob';
import type { Policy } from '../policy/schema';
import { createClassifier, isTestNamed } from './classify';
import { CO_CHANGED_CONVENTION, RUST_INLINE_CONVENTION } from './conventions';
import { coChangedTests } from './coChange';
import { TestMatcher, type TestMatch } from './pairTests';
import { buildTreeIndex, type TreeIndex, type TreeIndexMemo } from './treeIndex';
import type { SourceTestResult, TestCheckResult, TestVerdict } from './types';

export type TestPolicy = Policy['tests'];
export { TreeIndexMemo } from './treeIndex';

/** One changed path. Deleted files are listed so their tests are not counted. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'deleted' | 'renamed' | 'untracked';
  /** Previous path of a rename. */
  oldPath?: string;
}

export interface TestCheckInput {
  /** Merge-base or ref the change is measured from. */
  base: string;
  changes: readonly ChangedFile[];
  /** Every tracked path (`git ls-files`); untracked changes are added from `changes`. */
  tree: readonly string[];
  /** Changed `.rs` files that contain a `#[cfg(test)]` module. */
  inlineTests?: ReadonlySet<string>;
  /** Changed test files that are still an unwritten stub: they cover nothing. */
  stubTests?: ReadonlySet<string>;
  policy: TestPolicy;
}

/** The change's added, renamed and untracked test files, once each, in the change's order. */
function newTestsOf(changes: readonly ChangedFile[], isTest: (path: string) => boolean): string[] {
  const tests = new Set<string>();
  for (const change of changes) {
    if (change.status === 'untracked' || change.status === 'added' || change.status === 'renamed') {
      if (isTest(change.path)) tests.add(change.path);
    }
  }
  return [...tests];
}

/**
 * Runs the check. Sources are sorted by path; tests list changed ones
 * first. With a memo, the tree-wide index of the last check is reused
 * when the tree array, the policy's test rules, the deleted paths and the
 * new test files are the same (see TreeIndexMemo); results are identical.
 */
export function checkTests(input: TestCheckInput, memo?: TreeIndexMemo): TestCheckResult {
  const { policy } = input;
  const classifier = createClassifier(policy);
  const deleted = new Set(input.changes.filter((c) => c.status === 'deleted').map((c) => c.path));
  const live = [...new Set(input.changes.filter((c) => c.status !== 'deleted').map((c) => c.path))].sort();
  const key = { tree: input.tree, policy, deleted, newTests: newTestsOf(input.changes, classifier.isTest) };
  const conventions = { conventions: policy.conventions, builtIn: policy.builtInConventions };
  const build = (): TreeIndex => buildTreeIndex({ ...key, isTest: classifier.isTest, conventions });
  const { matcher } = memo ? memo.get(key, build) : build();
  const isExempt = compileRepositoryGlobs(policy.exempt);
  const changedTests: string[] = [];
  const changedOther: string[] = [];
  const sourcePaths: string[] = [];
  for (const path of live) {
    const kind = classifier.kind(path);
    (kind === 'source' ? sourcePaths : kind === 'test' ? changedTests : changedOther).push(path);
  }
  const changedSet = new Set(changedTests);
  const matches = new Map(sourcePaths.map((path) => [path, matcher.find(path)]));
  const coChanged = coChangedTests(new Map([...matches].map(([p, m]) => [p, m.tests])), changedTests, isTestNamed);
  const sources = sourcePaths.map((path) => {
    const match = matches.get(path) as TestMatch;
    const extra = (coChanged.get(path) ?? []).filter((t) => !match.tests.includes(t));
    const merged: TestMatch = extra.length === 0 ? match : { tests: [...match.tests, ...extra], convention: match.convention ?? CO_CHANGED_CONVENTION };
    return judge(path, merged, { matcher, changedSet, isExempt, inline: input.inlineTests, stubs: input.stubTests });
  });
  const counts: Record<TestVerdict, number> = { covered: 0, stale: 0, missing: 0, exempt: 0 };
  for (const s of sources) counts[s.verdict]++;
  return { base: input.base, sources, changedTests, changedOther, counts };
}

interface JudgeContext {
  matcher: TestMatcher;
  changedSet: ReadonlySet<string>;
  isExempt: (path: string) => boolean;
  inline: ReadonlySet<string> | undefined;
  stubs: ReadonlySet<string> | undefined;
}

function judge(path: string, match: TestMatch, ctx: JudgeContext): SourceTestResult {
  const changed = match.tests.filter((t) => ctx.changedSet.has(t));
  const tests = [...changed, ...match.tests.filter((t) => !ctx.changedSet.has(t))];
  const convention = match.convention === undefined ? {} : { convention: match.convention };
  if (ctx.isExempt(path)) return { path, verdict: 'exempt', tests, ...convention };
  if (ctx.inline?.has(path)) return { path, verdict: 'covered', tests: [path, ...tests], convention: RUST_INLINE_CONVENTION };
  const written = ctx.stubs ? changed.filter((t) => !ctx.stubs?.has(t)) : changed;
  if (written.length > 0) return { path, verdict: 'covered', tests, ...convention };
  // Creating a test file is not testing: an untouched stub leaves its source without tests.
  if (changed.length > 0) return { path, verdict: 'missing', tests, unwrittenStub: changed[0] as string, ...convention };
  if (tests.length > 0) return { path, verdict: 'stale', tests, ...convention };
  const suggestion = ctx.matcher.suggest(path);
  return suggestion
    ? { path, verdict: 'missing', tests: [], suggestedTest: suggestion.path, convention: suggestion.convention }
    : { path, verdict: 'missing', tests: [] };
}

/**
 * Where a new test for `source` belongs in a tree (for "Create Test File"
 * on a file the last check did not cover), and the tests it already has,
 * by the same tree index and matcher as the check.
 */
export function suggestTestFor(source: string, tree: readonly string[], policy: TestPolicy): { tests: string[]; suggestedTest?: string } {
  const { matcher } = buildTreeIndex({
    tree,
    deleted: new Set(),
    newTests: [],
    isTest: createClassifier(policy).isTest,
    conventions: { conventions: policy.conventions, builtIn: policy.builtInConventions },
  });
  const suggestion = matcher.suggest(source);
  return { tests: matcher.find(source).tests, ...(suggestion ? { suggestedTest: suggestion.path } : {}) };
}
