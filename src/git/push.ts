/**
 * Pushes the feature branch with its upstream set. Never forces: a
 * rejected push is reported with the next step, and nothing is lost.
 */
import type { PushResult } from '../core/ports';
import { ChangeControlError, isChangeControlError } from '../core/errors';
import { gitCall, openGit } from './git';

export interface PushOptions {
  remote: string;
  branch: string;
  signal?: AbortSignal;
  /** Milliseconds without output before git is stopped. */
  timeoutMs?: number;
}

/** `git push --set-upstream <remote> refs/heads/B:refs/heads/B` (no force, ever). */
export async function pushBranch(root: string, options: PushOptions): Promise<PushResult> {
  const { remote, branch } = options;
  if (branch.startsWith('-') || remote.startsWith('-')) {
    throw new ChangeControlError('usage', `Refusing to push "${remote}" "${branch}": names may not start with "-".`);
  }
  const git = openGit(root, { ...(options.signal ? { signal: options.signal } : {}), timeoutMs: options.timeoutMs ?? 120_000 });
  const refspec = `refs/heads/${branch}:refs/heads/${branch}`;
  try {
    const out = await gitCall(`Push ${branch} to ${remote}`, () => git.raw(['push', '--porcelain', '--set-upstream', remote, refspec]));
    // Porcelain: "=" marks an up-to-date ref; anything else pushed something.
    const line = out.split('\n').find((l) => l.includes(`refs/heads/${branch}`)) ?? '';
    return { updated: !line.startsWith('=') };
  } catch (err) {
    if (isChangeControlError(err, 'git.pushRejected')) {
      throw new ChangeControlError('git.pushRejected', `${remote} rejected the push of ${branch}: its copy of the branch has commits you do not have.`, {
        cause: err,
        hint: `Pull them first (git pull --rebase ${remote} ${branch}), then run Open Pull Request again. Change Control never force-pushes; your commits are safe.`,
      });
    }
    throw err;
  }
}
