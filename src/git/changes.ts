/**
 * The change the matching-tests check looks at: files changed on the
 * branch since its merge-base with the base branch, plus staged, unstaged
 * and untracked (not ignored) files, and the tree (`git ls-files`, read
 * once). Git processes run side by side; output is NUL-separated (`-z`)
 * so any file name survives. Scanning the work tree costs one lstat per
 * tracked file (≈ 0.3 s at 100,000 files), so a caller that already
 * knows the staged, unstaged and untracked files passes them in and git
 * only diffs the branch's commits as trees.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { SimpleGit } from 'simple-git';
import { ChangeControlError } from '../core/errors';
import { combineChangeLayers } from '../core/testMatching/changeLayers';
import { createClassifier } from '../core/testMatching/classify';
import { STUB_SCAN_CHARS, isUnwrittenStub } from '../core/testMatching/skeleton';
import type { ChangedFile } from '../core/testMatching/checkTests';
import type { TreeIndexMemo } from '../core/testMatching/treeIndex';
import type { ChangeBaseOptions, RepositoryChange } from '../core/ports';
import { commitExists, gitCall, openGit, parseNulList } from './git';
import type { TreeListingMemo } from './treeListing';
import { readWorkTreeHeads } from './workTreeFile';

/** Git's empty tree: the base of a repository without commits. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export interface ReadChangeOptions extends ChangeBaseOptions {
  /** Hands back the same tree array while `git ls-files` prints the same. */
  treeMemo?: TreeListingMemo;
}

/** What lets a check skip work it already has, kept per repository by the editor. */
export interface ChangeShortcuts extends Pick<ReadChangeOptions, 'localChanges' | 'treeMemo'> {
  /** Reuses the check's tree index (for checkTests; readChange ignores it). */
  indexMemo?: TreeIndexMemo;
}

/**
 * The remote base if it exists, else the local one, else master or the
 * remote's HEAD. One `git for-each-ref` lists which candidates exist (a
 * broken symbolic ref is left out by git itself).
 */
export async function resolveBaseRef(git: SimpleGit, baseBranch: string, remote = 'origin'): Promise<string | undefined> {
  const candidates = [...new Set([`${remote}/${baseBranch}`, baseBranch, `${remote}/HEAD`, `${remote}/master`, 'master', `${remote}/main`, 'main'])];
  const fullName = (ref: string): string => (ref.startsWith(`${remote}/`) ? `refs/remotes/${ref}` : `refs/heads/${ref}`);
  const out = await gitCall('Find the base branch', () => git.raw(['for-each-ref', '--format=%(refname)%00%(objecttype)', '--', ...candidates.map(fullName)]));
  const commits = new Set(
    out
      .split('\n')
      .map((line) => line.split('\0'))
      .filter(([, type]) => type === 'commit')
      .map(([name]) => name),
  );
  return candidates.find((ref) => commits.has(fullName(ref)));
}

/** Splits `git diff -z --name-status` output. Renames and copies carry two paths. */
export function parseNameStatus(output: string): ChangedFile[] {
  const fields = output.split('\0');
  const out: ChangedFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++] ?? '';
    if (code === '') continue;
    const letter = code[0];
    if (letter === 'R' || letter === 'C') {
      const oldPath = fields[i++] ?? '';
      const newPath = fields[i++] ?? '';
      out.push(letter === 'R' ? { path: newPath, status: 'renamed', oldPath } : { path: newPath, status: 'added' });
      continue;
    }
    const file = fields[i++] ?? '';
    out.push({ path: file, status: letter === 'D' ? 'deleted' : letter === 'A' ? 'added' : 'modified' });
  }
  return out;
}

/** `git diff -z --name-status -M` between revisions (or one and the work tree), parsed. */
async function diffNames(git: SimpleGit, context: string, revisions: string[]): Promise<ChangedFile[]> {
  return parseNameStatus(await gitCall(context, () => git.raw(['-c', 'core.quotePath=off', 'diff', '-z', '--name-status', '-M', '--no-ext-diff', ...revisions, '--'])));
}

/** Tracked paths (`git ls-files -z`). */
async function listTracked(git: SimpleGit): Promise<string[]> {
  return parseNulList(await gitCall('List the tree', () => git.raw(['ls-files', '-z'])));
}

async function mergeBaseOf(git: SimpleGit, baseRef: string): Promise<string> {
  if (!(await commitExists(git, 'HEAD'))) return EMPTY_TREE;
  return (await gitCall('Find the merge-base', () => git.raw(['merge-base', 'HEAD', baseRef]))).trim();
}

/**
 * What the branch committed since it left the base, and the merge-base:
 * two git processes side by side (`diff base...HEAD` diffs from the
 * merge-base as trees, so no work-tree file is touched). On an unborn
 * branch nothing is committed and the base is the empty tree.
 */
async function committedSinceBase(git: SimpleGit, baseRef: string): Promise<{ mergeBase: string; committed: ChangedFile[] }> {
  const [base, diff] = await Promise.allSettled([
    gitCall('Find the merge-base', () => git.raw(['merge-base', 'HEAD', baseRef])),
    diffNames(git, 'List committed changes', [`${baseRef}...HEAD`]),
  ]);
  if (base.status === 'fulfilled' && diff.status === 'fulfilled') return { mergeBase: base.value.trim(), committed: diff.value };
  if (!(await commitExists(git, 'HEAD'))) return { mergeBase: EMPTY_TREE, committed: [] };
  throw base.status === 'rejected' ? base.reason : (diff as PromiseRejectedResult).reason;
}

async function inlineTestsOf(root: string, changes: readonly ChangedFile[]): Promise<Set<string>> {
  const rust = changes.filter((c) => c.status !== 'deleted' && c.path.endsWith('.rs'));
  const found = await Promise.all(
    rust.map(async (c) => {
      try {
        return /#\[cfg\(test\)\]/.test(await readFile(path.join(root, c.path), 'utf8')) ? c.path : undefined;
      } catch {
        // A file that vanished since git listed it has no inline tests.
        return undefined;
      }
    }),
  );
  return new Set(found.filter((p): p is string => p !== undefined));
}

/**
 * Changed test files that are still Create Test File's stub (their first
 * lines hold the marker): they do not cover their source yet. Only the
 * first STUB_SCAN_CHARS characters of each changed test-looking file are
 * read; links are not followed.
 */
async function stubTestsOf(root: string, changes: readonly ChangedFile[]): Promise<Set<string>> {
  const { isTest } = createClassifier();
  const tests = [...new Set(changes.filter((c) => c.status !== 'deleted' && isTest(c.path)).map((c) => c.path))];
  if (tests.length === 0) return new Set();
  const heads = await readWorkTreeHeads(root, tests, STUB_SCAN_CHARS);
  return new Set(tests.filter((t) => isUnwrittenStub(heads.get(t) ?? '')));
}

async function resolveBase(git: SimpleGit, options: ReadChangeOptions): Promise<string> {
  if (options.baseRef !== undefined) {
    if (await commitExists(git, options.baseRef)) return options.baseRef;
    throw new ChangeControlError('git.baseNotFound', `The base revision "${options.baseRef}" does not exist.`, { hint: 'Pass a branch, tag or commit that exists.' });
  }
  const found = await resolveBaseRef(git, options.baseBranch, options.remote);
  if (found !== undefined) return found;
  throw new ChangeControlError('git.baseNotFound', `Neither "${options.baseBranch}", master nor the remote's HEAD exists.`, {
    hint: 'Fetch the base branch, or set branch.base in the policy.',
    cliHint: 'Fetch the base branch, set branch.base in the policy, or pass --base REF.',
  });
}

/**
 * Reads the change of the repository at `root` against its base branch.
 * The tree (and, without `localChanges`, the untracked files) is listed
 * while the base is resolved.
 */
export async function readChange(root: string, options: ReadChangeOptions): Promise<RepositoryChange> {
  const git = openGit(root, options.signal ? { signal: options.signal } : {});
  const tracked = options.treeMemo ? options.treeMemo.list(git, root) : listTracked(git);
  const local = options.localChanges;
  const untracked = local ? Promise.resolve('') : gitCall('List untracked files', () => git.raw(['ls-files', '-z', '--others', '--exclude-standard']));
  // Settle both listings even when the base fails, so no rejection goes unhandled.
  const listings = Promise.allSettled([tracked, untracked]);
  let baseRef: string;
  let changes: ChangedFile[];
  let mergeBase: string;
  try {
    baseRef = await resolveBase(git, options);
    if (local) {
      const since = await committedSinceBase(git, baseRef);
      mergeBase = since.mergeBase;
      changes = combineChangeLayers([since.committed, local]);
    } else {
      mergeBase = await mergeBaseOf(git, baseRef);
      changes = await diffNames(git, 'List changed files', [mergeBase]);
    }
  } finally {
    await listings;
  }
  for (const file of parseNulList(await untracked)) changes.push({ path: file, status: 'untracked' });
  const [inlineTests, stubTests] = await Promise.all([inlineTestsOf(root, changes), stubTestsOf(root, changes)]);
  return { baseRef, mergeBase, changes, tree: await tracked, inlineTests, stubTests };
}

/** Tracked paths of the repository at `root` (`git ls-files -z`). */
export async function listTree(root: string): Promise<string[]> {
  return listTracked(openGit(root));
}
