/**
 * The merge GitHub makes, made in a bare repository on disk with git's own
 * plumbing (merge-tree, commit-tree, update-ref with the old value), for
 * the stand-in's merge hook (FakeState.onMerge): after a merge through the
 * API, fetching brings a real merge commit (two parents) or squash (one).
 */
import { execFileSync } from 'node:child_process';
import type { FakeMergeRequest } from '../github-fake';

function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
}

export function mergeInBare(bare: string, request: FakeMergeRequest, env: NodeJS.ProcessEnv = process.env): string {
  const identity = { GIT_AUTHOR_NAME: 'GitHub', GIT_AUTHOR_EMAIL: 'noreply@github.com', GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.com', ...env };
  const ref = `refs/heads/${request.pull.base.ref}`;
  const base = git(bare, identity, 'rev-parse', ref);
  const head = request.pull.head.sha;
  const tree = git(bare, identity, 'merge-tree', '--write-tree', base, head).split('\n')[0]!;
  const message = `${request.title ?? `Merge pull request #${request.pull.number}`}\n\n${request.message ?? ''}`;
  const parents = request.method === 'merge' ? ['-p', base, '-p', head] : ['-p', base];
  const commit = git(bare, identity, 'commit-tree', tree, ...parents, '-m', message);
  git(bare, identity, 'update-ref', ref, commit, base);
  return commit;
}

/** The commit `branch` points at in the bare repository, or undefined when it has no such branch. */
export function branchHead(bare: string, branch: string): string | undefined {
  if (branch.startsWith('-')) return undefined;
  try {
    return execFileSync('git', ['rev-parse', '--verify', '-q', `refs/heads/${branch}^{commit}`], { cwd: bare, encoding: 'utf8' }).trim() || undefined;
  } catch {
    // No such branch: the fake makes up a head, as before.
    return undefined;
  }
}
