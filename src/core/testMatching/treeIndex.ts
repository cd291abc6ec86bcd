/**
 * The tree-wide half of the matching-tests check: which files of the tree
 * are tests, their index by stem, and the stems of the other files. It is
 * the costly half (every path of a 100,000-file tree), and it depends only
 * on the tree, the policy's test rules and the change's deleted paths and
 * new test files, so an unchanged tree's index can be kept and reused
 * (TreeIndexMemo), with the matcher that remembers each source's tests.
 */
import type { Policy } from '../policy/schema';
import { TestMatcher, type MatcherOptions } from './pairTests';
import { TestIndex } from './testIndex';

/** What the tree index is built from. */
export interface TreeIndexInput {
  /** Every tracked path (`git ls-files`). */
  tree: readonly string[];
  /** Deleted paths of the change: neither tests nor sources any more. */
  deleted: ReadonlySet<string>;
  /**
   * The change's added, renamed and untracked test files (in the change's
   * order); those the tree does not already hold are appended.
   */
  newTests: readonly string[];
  isTest: (path: string) => boolean;
  /** The policy's conventions, for the matcher kept with the index. */
  conventions: Omit<MatcherOptions, 'hasSourceStem'>;
}

export interface TreeIndex {
  /** The tree's test files (deleted ones left out), then the change's new ones. */
  readonly testFiles: readonly string[];
  readonly index: TestIndex;
  /**
   * True when the tree holds a non-test file with this stem (its name up to
   * the first dot, lower case, `_`, `-` and white space dropped); the set
   * is built on first use, since only a fallback match asks.
   */
  readonly hasSourceStem: (stem: string) => boolean;
  /** A matcher over this index; it remembers each source's answer. */
  readonly matcher: TestMatcher;
}

/** One pass over the tree sorts tests from the rest; the rest feeds the source stems. */
export function buildTreeIndex(input: TreeIndexInput): TreeIndex {
  const { tree, deleted, isTest } = input;
  const testFiles: string[] = [];
  const others: string[] = [];
  const pending = input.newTests.length > 0 ? new Set(input.newTests) : undefined;
  const anyDeleted = deleted.size > 0;
  for (const path of tree) {
    if (anyDeleted && deleted.has(path)) continue;
    if (!isTest(path)) others.push(path);
    else {
      testFiles.push(path);
      pending?.delete(path);
    }
  }
  if (pending) for (const path of pending) testFiles.push(path);
  const index = new TestIndex(testFiles);
  const hasSourceStem = sourceStems(others);
  return { testFiles, index, hasSourceStem, matcher: new TestMatcher(index, { ...input.conventions, hasSourceStem }) };
}

const SEPARATOR = /[_\-\s]/;
const SEPARATORS = /[_\-\s]/g;

function sourceStems(paths: readonly string[]): (stem: string) => boolean {
  let stems: Set<string> | undefined;
  return (stem) => {
    if (!stems) {
      stems = new Set();
      for (const path of paths) {
        const from = path.lastIndexOf('/') + 1;
        const dot = path.indexOf('.', from);
        const name = dot > from ? path.slice(from, dot) : path.slice(from);
        stems.add((SEPARATOR.test(name) ? name.replace(SEPARATORS, '') : name).toLowerCase());
      }
    }
    return stems.has(stem);
  };
}

/** The inputs a memo entry was built from (see TreeIndexMemo for how each is compared). */
export interface TreeIndexKey {
  tree: readonly string[];
  /** The policy's tests section: its globs decide what is a test, its conventions how tests pair. */
  policy: TestRules;
  deleted: ReadonlySet<string>;
  newTests: readonly string[];
}

/** The parts of the policy's tests section the index and matcher depend on. */
export type TestRules = Pick<Policy['tests'], 'testGlobs' | 'otherGlobs' | 'conventions' | 'builtInConventions'>;

/** The test rules as one comparable value (they are small: a few globs and conventions). */
function rulesKey(rules: TestRules): string {
  return JSON.stringify([rules.testGlobs, rules.otherGlobs, rules.conventions, rules.builtInConventions]);
}

interface Entry {
  tree: readonly string[];
  rules: string;
  deleted: ReadonlySet<string>;
  newTests: readonly string[];
  value: TreeIndex;
}

/**
 * Keeps the last tree index so a re-check of an unchanged tree skips the
 * tree-wide work. A hit needs the SAME tree array instance (the git
 * adapter hands back the identical array while `git ls-files` output is
 * unchanged), equal test rules of the policy (by value, since the policy
 * file is read and parsed again for every check: a new object with the
 * same globs and conventions still hits), and equal deleted paths and new
 * test files; anything else rebuilds and replaces the entry. One entry
 * only, so memory stays bounded; one memo per repository.
 */
export class TreeIndexMemo {
  private built = 0;

  private last: Entry | undefined;

  /** How many indexes were built (a miss builds, a hit does not): for tests and logs. */
  get builds(): number {
    return this.built;
  }

  /** The remembered index for `key`, or a new one from `build`, remembered. */
  get(key: TreeIndexKey, build: () => TreeIndex): TreeIndex {
    const rules = rulesKey(key.policy);
    if (this.last && sameInputs(this.last, key, rules)) return this.last.value;
    const value = build();
    this.built++;
    this.last = { tree: key.tree, rules, deleted: new Set(key.deleted), newTests: [...key.newTests], value };
    return value;
  }

  /** Forgets the entry (and with it the tree it holds). */
  clear(): void {
    this.last = undefined;
  }
}

function sameInputs(entry: Entry, key: TreeIndexKey, rules: string): boolean {
  if (entry.tree !== key.tree || entry.rules !== rules) return false;
  if (entry.deleted.size !== key.deleted.size || entry.newTests.length !== key.newTests.length) return false;
  for (const path of key.deleted) if (!entry.deleted.has(path)) return false;
  return entry.newTests.every((path, i) => path === key.newTests[i]);
}
