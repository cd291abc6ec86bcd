/**
 * Update Branch from Base: merges the remote base (`origin/main`) into the
 * feature branch, only when nothing is staged or modified, so no work is
 * ever mixed into the merge or put at risk. A conflict leaves git's own
 * merge state for the user to resolve or abort; nothing is reset.
 */
import { ChangeControlError } from '../core/errors';
import { gitCall, openGit } from './git';
import { parseStatus } from './gitRepository';

/** `git merge --no-edit <baseRef>` on a clean work tree (untracked files are fine). */
export async function mergeBaseInto(root: string, baseRef: string): Promise<void> {
  if (baseRef.startsWith('-')) throw new ChangeControlError('usage', `"${baseRef}" is not a branch.`);
  const git = openGit(root, { timeoutMs: 120_000 });
  const changes = parseStatus(await gitCall('Read status', () => git.raw(['status', '--porcelain=v1', '-z', '--untracked-files=no'])));
  const dirty = [...new Set([...changes.staged, ...changes.unstaged, ...changes.conflicted])];
  if (dirty.length > 0) {
    throw new ChangeControlError('git.dirtyWorkTree', `${dirty.length === 1 ? `${dirty[0]} has` : `${dirty.length} files have`} uncommitted changes, so ${baseRef} was not merged; nothing was changed.`, {
      hint: 'Commit your changes first, then update the branch again.',
    });
  }
  await gitCall(`Merge ${baseRef}`, () => git.raw(['merge', '--no-edit', '--end-of-options', baseRef]));
}
