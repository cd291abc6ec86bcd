/**
 * Reads what Amend Message needs to know about HEAD and amends its
 * message. `git commit --amend --only` with no paths changes only the
 * message: whatever is staged stays staged and the work tree is not
 * touched. The message goes through a file in the git directory (not the
 * command line), and the repository's hooks run as on any commit.
 */
import { promises as fs } from 'node:fs';
import type { AmendTarget } from '../core/amendMessage';
import { ChangeControlError } from '../core/errors';
import { gitCall, gitPath, openGit } from './git';

export interface HeadCommit extends AmendTarget {
  message: string;
}

/** HEAD, and `sha` (HEAD when not given): HEAD's message, parents and the remote-tracking refs that contain it. */
export async function readAmendTarget(root: string, wanted?: string): Promise<HeadCommit> {
  if (wanted !== undefined && !/^[0-9a-f]{4,40}$/i.test(wanted)) throw new ChangeControlError('usage', `"${wanted}" is not a commit id.`);
  const git = openGit(root);
  // Exit 1 without output before the first commit: simple-git then resolves with ''.
  const head = (await gitCall('Read HEAD', () => git.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']))).trim() || undefined;
  const sha = wanted ?? head ?? '';
  if (!head) return { sha, headSha: undefined, remoteRefs: [], parents: 0, message: '' };
  const out = await gitCall('Read the commit', () => git.raw(['show', '-s', '--format=%P%x00%B', head]));
  const [parents = '', message = ''] = out.split('\0');
  const refs = await gitCall('Find remote branches with the commit', () => git.raw(['for-each-ref', '--format=%(refname:short)', '--contains', head, 'refs/remotes']));
  return {
    sha,
    headSha: head,
    parents: parents.trim() === '' ? 0 : parents.trim().split(/\s+/).length,
    remoteRefs: refs.split('\n').map((l) => l.trim()).filter((l) => l && !l.endsWith('/HEAD')),
    message: message.replace(/\n+$/, ''),
  };
}

/** Rewrites HEAD's message only (`--only`: the index and the work tree are left alone). */
export async function amendHeadMessage(root: string, message: string): Promise<void> {
  const file = await gitPath(root, 'CHANGE_CONTROL_AMEND_MSG');
  await fs.writeFile(file, message.endsWith('\n') ? message : `${message}\n`, 'utf8');
  try {
    const git = openGit(root, { timeoutMs: 120_000 });
    await gitCall('Amend the commit message', () => git.raw(['commit', '--amend', '--only', '--cleanup=whitespace', '-F', file]));
  } finally {
    await fs.rm(file, { force: true });
  }
}
