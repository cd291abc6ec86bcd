/**
 * The change the matching-tests check looks at: files changed on the
 * branch since its merge-base with the base branch, plus staged, unstaged
 * and untracked (not ignored) files, and the tree (`git ls-files`, read
 * once). Three git processes run in parallel; output is NUL-separated
 * (`-z`) so any file name survives.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { SimpleGit } from 'simple-git';
import { ChangeControlError } from '../core/errors';
import type { ChangedFile } from '../core/testMatching/checkTests';
import { gitCall, openGit } from './git';

/** Git's empty tree: the base of a repository without commits. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export interface ReadChangeOptions {
  /** The policy's base branch (`branch.base`). */
  baseBranch: string;
  /** An explicit base revision (`--base REF`); wins over the branch. */
  baseRef?: string;
  remote?: string;
  signal?: AbortSignal;
}

export interface RepositoryChange {
  /** The ref the change is measured against (`origin/main`). */
  baseRef: string;
  /** Merge-base commit of HEAD and the base ref. */
  mergeBase: string;
  changes: ChangedFile[];
  /** Tracked paths (`git ls-files`). */
  tree: string[];
  /** Changed `.rs` files holding a `#[cfg(test)]` module. */
  inlineTests: Set<string>;
}

async function commitExists(git: SimpleGit, ref: string): Promise<boolean> {
  try {
    const out = await git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    return out.trim() !== '';
  } catch {
    // rev-parse --verify exits non-zero for a missing ref: not an error here.
    return false;
  }
}

/** The remote base if it exists, else the local one, else master or the remote's HEAD. */
export async function resolveBaseRef(git: SimpleGit, baseBranch: string, remote = 'origin'): Promise<string | undefined> {
  const candidates = [`${remote}/${baseBranch}`, baseBranch, `${remote}/HEAD`, `${remote}/master`, 'master', `${remote}/main`, 'main'];
  for (const ref of [...new Set(candidates)]) if (await commitExists(git, ref)) return ref;
  return undefined;
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

export function parseNulList(output: string): string[] {
  return output.split('\0').filter((s) => s !== '');
}

async function mergeBaseOf(git: SimpleGit, baseRef: string): Promise<string> {
  if (!(await commitExists(git, 'HEAD'))) return EMPTY_TREE;
  return (await gitCall('Find the merge-base', () => git.raw(['merge-base', 'HEAD', baseRef]))).trim();
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

async function resolveBase(git: SimpleGit, options: ReadChangeOptions): Promise<string> {
  if (options.baseRef !== undefined) {
    if (await commitExists(git, options.baseRef)) return options.baseRef;
    throw new ChangeControlError('git.baseNotFound', `The base revision "${options.baseRef}" does not exist.`, { hint: 'Pass a branch, tag or commit that exists.' });
  }
  const found = await resolveBaseRef(git, options.baseBranch, options.remote);
  if (found !== undefined) return found;
  throw new ChangeControlError('git.baseNotFound', `Neither "${options.baseBranch}", master nor the remote's HEAD exists.`, {
    hint: 'Fetch the base branch, set branch.base in the policy, or pass --base REF.',
  });
}

/**
 * Reads the change of the repository at `root` against its base branch.
 * The tree and the untracked files are listed while the base is resolved.
 */
export async function readChange(root: string, options: ReadChangeOptions): Promise<RepositoryChange> {
  const git = openGit(root, options.signal ? { signal: options.signal } : {});
  const tracked = gitCall('List the tree', () => git.raw(['ls-files', '-z']));
  const untracked = gitCall('List untracked files', () => git.raw(['ls-files', '-z', '--others', '--exclude-standard']));
  // Settle both listings even when the base fails, so no rejection goes unhandled.
  const listings = Promise.allSettled([tracked, untracked]);
  let baseRef: string;
  let diff: string;
  let mergeBase: string;
  try {
    baseRef = await resolveBase(git, options);
    mergeBase = await mergeBaseOf(git, baseRef);
    diff = await gitCall('List changed files', () => git.raw(['-c', 'core.quotePath=off', 'diff', '-z', '--name-status', '-M', '--no-ext-diff', mergeBase, '--']));
  } finally {
    await listings;
  }
  const changes = parseNameStatus(diff);
  for (const file of parseNulList(await untracked)) changes.push({ path: file, status: 'untracked' });
  return { baseRef, mergeBase, changes, tree: parseNulList(await tracked), inlineTests: await inlineTestsOf(root, changes) };
}

/** Tracked paths of the repository at `root` (`git ls-files -z`). */
export async function listTree(root: string): Promise<string[]> {
  return parseNulList(await gitCall('List the tree', () => openGit(root).raw(['ls-files', '-z'])));
}
