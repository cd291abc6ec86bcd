/**
 * Tests changed together with a source in the same package count for it
 * (the labelling rule "a test changed in the same change that exercises
 * the source"), unless the test is another changed source's own test by
 * convention. A test beside its sources (Go's `cobra_test.go`) is in the
 * package of its folder only; a test under a test folder (`__tests__/`,
 * `src/test/`, `tests/`) belongs to the package that holds that folder.
 */
import { isTestFolder } from './classify';
import { normalisePathStem, normaliseStem } from './stem';

/** Helpers and broad suites, never one source's test. */
const GENERIC_STEM = new Set(['helper', 'helpers', 'support', 'setup', 'util', 'utils', 'common', 'base', 'shared', 'mocks', 'fixtures', 'integration', 'e2e', 'all', 'main', 'conftest', 'spechelper', 'testhelper']);
/** Entry points that re-export a package: they never own a co-changed test. */
const AGGREGATOR = /(?:^|\/)(?:index|__init__|mod|main)\.[A-Za-z]+$/;

/** The folder (with trailing slash, '' for the root) whose sources a test may exercise. */
export function testPackage(test: string): { prefix: string; exact: boolean } {
  const segments = test.split('/');
  for (let i = 0; i < segments.length - 1; i++) {
    if (isTestFolder(segments[i] as string)) return { prefix: segments.slice(0, i).map((s) => `${s}/`).join(''), exact: false };
  }
  return { prefix: segments.slice(0, -1).map((s) => `${s}/`).join(''), exact: true };
}

export function inPackage(source: string, test: string): boolean {
  const { prefix, exact } = testPackage(test);
  if (!source.startsWith(prefix)) return false;
  return !exact || !source.slice(prefix.length).includes('/');
}

/** A source with a sibling folder of its name (`lib/gem.rb` beside `lib/gem/`) loads a whole package. */
function isEntryPoint(source: string, folders: ReadonlySet<string>): boolean {
  return AGGREGATOR.test(source) || folders.has(source.replace(/\.[A-Za-z0-9]+$/, ''));
}

/** Every folder that holds one of `paths`, at any depth. */
function foldersOf(paths: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of paths) for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) out.add(p.slice(0, i));
  return out;
}

/**
 * A Go package's own test, named like the package: one lowercase word
 * (Go's package naming) equal to its folder's name, or at the repository
 * root, where the package is the module's and its name is not in the
 * paths (`cobra_test.go`). Go builds every `_test.go` of a folder into
 * one test package, so such a test, changed and no changed source's own,
 * counts for every changed source of its folder, entry points aside.
 */
export function goPackageTestOwners(test: string, sources: Iterable<string>, folders: ReadonlySet<string>): string[] {
  const match = /^(?:(.*)\/)?([a-z][a-z0-9]*)_test\.go$/.exec(test);
  if (!match) return [];
  const dir = match[1] ?? '';
  if (dir !== '' && dir.slice(dir.lastIndexOf('/') + 1) !== match[2]) return [];
  const prefix = dir === '' ? '' : `${dir}/`;
  const out: string[] = [];
  for (const source of sources) {
    const rest = source.slice(prefix.length);
    if (source.startsWith(prefix) && rest.endsWith('.go') && !rest.includes('/') && !isEntryPoint(source, folders)) out.push(source);
  }
  return out;
}

/**
 * True when the test's name is the source's with a qualifier in front,
 * at a word boundary: `DefaultTypeAdaptersTest` for `TypeAdapters`,
 * `legacy_parser_test` for `parser`. Names under five letters never
 * qualify (`IoTest` is no test of `o`).
 */
export function qualifies(test: string, source: string): boolean {
  const sourceFile = source.slice(source.lastIndexOf('/') + 1);
  const testFile = test.slice(test.lastIndexOf('/') + 1);
  const name = sourceFile.slice(0, sourceFile.indexOf('.') > 0 ? sourceFile.indexOf('.') : undefined);
  const own = normaliseStem(sourceFile);
  const stem = normaliseStem(testFile);
  if (own.length < 5 || stem.length <= own.length || !stem.endsWith(own)) return false;
  const at = testFile.lastIndexOf(name);
  return at > 0 && (/[A-Z]/.test(name.charAt(0)) || /[_\-.]/.test(testFile.charAt(at - 1)));
}

/**
 * Co-changed tests: a changed, test-named file that no changed source
 * claims by convention goes to the changed source of its package that has
 * no changed test of its own; with several such sources the change is
 * ambiguous and nothing is paired. A changed test with exactly the
 * source's stem counts wherever it lives (vue-compat's `instance.spec.ts`
 * for runtime-core's `compat/instance.ts`). Helpers, snapshots, fixtures
 * and entry points never pair this way.
 */
export function coChangedTests(
  matched: ReadonlyMap<string, readonly string[]>,
  changedTests: readonly string[],
  isTestNamed: (path: string) => boolean,
): Map<string, string[]> {
  const changed = new Set(changedTests);
  const claimed = new Set<string>();
  const uncovered: string[] = [];
  const folders = foldersOf(matched.keys());
  for (const [source, tests] of matched) {
    for (const test of tests) claimed.add(test);
    if (!tests.some((t) => changed.has(t)) && !isEntryPoint(source, folders)) uncovered.push(source);
  }
  const out = new Map<string, string[]>();
  const give = (owner: string, test: string): void => void out.set(owner, [...(out.get(owner) ?? []), test]);
  for (const test of changedTests) {
    const stem = normalisePathStem(test);
    if (claimed.has(test) || !isTestNamed(test) || GENERIC_STEM.has(stem)) continue;
    const packageWide = goPackageTestOwners(test, matched.keys(), folders);
    if (packageWide.length > 0) {
      for (const owner of packageWide) give(owner, test);
      continue;
    }
    const sameStem = uncovered.filter((source) => normalisePathStem(source) === stem);
    const named = sameStem.length > 0 ? sameStem : uncovered.filter((source) => qualifies(test, source));
    if (named.length === 1) {
      give(named[0] as string, test);
      continue;
    }
    const owners = uncovered.filter((source) => inPackage(source, test));
    if (owners.length === 1) give(owners[0] as string, test);
  }
  return out;
}
