/**
 * After a merge on GitHub, the local side: fetch, fast-forward the base
 * branch to the remote's, switch to it, and delete the merged branch when
 * its tip is exactly what was merged. Nothing is ever forced: the base is
 * moved only forward (`update-ref` with the old value, so a concurrent
 * change makes it fail), the switch keeps uncommitted changes or refuses,
 * and a branch with commits that were not merged stays.
 */
import { ChangeControlError, isChangeControlError } from '../core/errors';
import { commitExists, gitCall, openGit } from './git';

export interface LandOptions {
  remote: string;
  base: string;
  /** The merged branch. */
  branch: string;
  /** The head commit that was merged: the local branch is deleted only when its tip is this one. */
  mergedHeadSha: string;
  deleteLocalBranch: boolean;
  signal?: AbortSignal;
}

export interface LandResult {
  /** The base's commit now, locally. */
  baseSha: string;
  /** HEAD is on the base now. */
  switched: boolean;
  deletedLocalBranch: boolean;
  /** Why something was left as it was (worth telling the user). */
  notes: string[];
}

/** Fetches `remote`, fast-forwards and checks out `base`, and deletes the merged `branch` if asked and safe. */
export async function landMerge(root: string, o: LandOptions): Promise<LandResult> {
  for (const name of [o.remote, o.base, o.branch]) {
    if (name.startsWith('-')) throw new ChangeControlError('usage', `Refusing the git name "${name}": names may not start with "-".`);
  }
  const git = openGit(root, { timeoutMs: 60_000, ...(o.signal ? { signal: o.signal } : {}) });
  const raw = (context: string, args: string[]): Promise<string> => gitCall(context, () => git.raw(args));
  await raw(`Fetch ${o.remote}`, ['fetch', '--prune', o.remote]);
  const remoteRef = `refs/remotes/${o.remote}/${o.base}`;
  const localRef = `refs/heads/${o.base}`;
  const target = (await raw(`Read ${o.remote}/${o.base}`, ['rev-parse', '--verify', '--end-of-options', `${remoteRef}^{commit}`])).trim();
  const current = (await raw('Read HEAD', ['symbolic-ref', '-q', '--short', 'HEAD'])).trim();
  const notes: string[] = [];
  if (await commitExists(git, localRef)) {
    const old = (await raw(`Read ${o.base}`, ['rev-parse', '--verify', '--end-of-options', `${localRef}^{commit}`])).trim();
    const localOnly = Number((await raw(`Compare ${o.base}`, ['rev-list', '--count', `${remoteRef}..${localRef}`])).trim());
    if (localOnly > 0) {
      throw new ChangeControlError('git.notFastForward', `Your local ${o.base} has ${localOnly} commit${localOnly === 1 ? '' : 's'} that ${o.remote}/${o.base} does not have, so it cannot be fast-forwarded.`, {
        hint: `Nothing was changed locally. Move those commits to a branch of their own, then run: git switch ${o.base} && git merge --ff-only ${o.remote}/${o.base}`,
      });
    }
    if (current === o.base) await raw(`Fast-forward ${o.base}`, ['merge', '--ff-only', remoteRef]);
    else if (old !== target) await raw(`Fast-forward ${o.base}`, ['update-ref', '-m', `change-control: fast-forward after merge`, localRef, target, old]);
  } else {
    await raw(`Create ${o.base}`, ['branch', '--track', o.base, remoteRef]);
  }
  let switched = current === o.base;
  if (!switched) {
    try {
      await raw(`Switch to ${o.base}`, ['switch', '--no-guess', o.base]);
      switched = true;
    } catch (err) {
      if (!isChangeControlError(err, 'git.dirtyWorkTree')) throw err;
      notes.push(`stayed on ${current || 'the detached HEAD'}: your uncommitted changes conflict with ${o.base} (${o.base} is up to date; commit or stash them, then switch)`);
    }
  }
  let deletedLocalBranch = false;
  if (o.deleteLocalBranch && switched && o.branch !== o.base && (await commitExists(git, `refs/heads/${o.branch}`))) {
    const tip = (await raw(`Read ${o.branch}`, ['rev-parse', '--verify', '--end-of-options', `refs/heads/${o.branch}^{commit}`])).trim();
    if (tip === o.mergedHeadSha) {
      // Every commit of the branch is in the merged pull request: nothing is lost.
      await raw(`Delete ${o.branch}`, ['branch', '-D', '--', o.branch]);
      deletedLocalBranch = true;
    } else {
      notes.push(`kept the local branch ${o.branch}: it has commits that were not merged`);
    }
  }
  return { baseSha: target, switched, deletedLocalBranch, notes };
}
