/**
 * Amend Message: rewrite the message of the latest commit, and only when
 * no remote branch holds it yet (a pushed commit is never rewritten).
 * `git commit --amend --only` with no paths changes the message alone:
 * staged changes stay staged. Git runs with argument arrays; the hooks
 * of the repository run as for any commit (the caller checks trust).
 */
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ChangeControlError } from '../core/errors';
import { commitExists, gitCall, openGit } from './git';

export interface LatestCommit {
  sha: string;
  /** Its parent commits. */
  parents: string[];
  message: string;
  /** Remote branches that already hold it (non-empty: pushed, so not amendable). */
  onRemotes: string[];
}

/** The latest commit, its message and the remote branches holding it; undefined on an unborn branch. */
export async function latestCommit(root: string): Promise<LatestCommit | undefined> {
  const git = openGit(root);
  if (!(await commitExists(git, 'HEAD'))) return undefined;
  const [ids, message, remotes] = await Promise.all([
    gitCall('Read the latest commit', () => git.raw(['log', '-1', '--format=%H %P', 'HEAD'])),
    gitCall('Read the latest commit message', () => git.raw(['log', '-1', '--format=%B', 'HEAD'])),
    gitCall('Find remote branches holding the commit', () => git.raw(['for-each-ref', '--contains', 'HEAD', '--format=%(refname:short)', 'refs/remotes'])),
  ]);
  const [sha = '', ...parents] = ids.trim().split(' ');
  return { sha, parents, message: message.replace(/\n+$/, '\n'), onRemotes: remotes.split('\n').filter(Boolean) };
}

/** Where the message being edited is kept: in the git folder, so it is never committed. */
export async function amendMessageFile(root: string): Promise<string> {
  const git = openGit(root);
  const gitDir = (await gitCall('Find the git folder', () => git.raw(['rev-parse', '--absolute-git-dir']))).trim();
  return path.join(gitDir, 'CHANGE_CONTROL_AMEND_MSG');
}

/** Writes the message to edit (with a comment saying how it is used). */
export async function writeAmendMessageFile(file: string, message: string, sha: string): Promise<void> {
  const note = [
    '',
    `# Change Control: save this file to amend the message of the latest commit (${sha.slice(0, 12)}).`,
    '# Lines starting with "#" are left out. Close it without saving to keep the message as it is.',
    '',
  ].join('\n');
  await writeFile(file, `${message.replace(/\n+$/, '')}\n${note}`, 'utf8');
}

/**
 * Amends the message of HEAD from `file`, when HEAD is still `expectedSha`
 * and no remote branch holds it. Returns the new commit.
 */
export async function amendLatestMessage(root: string, file: string, expectedSha: string): Promise<string> {
  const latest = await latestCommit(root);
  if (!latest || latest.sha !== expectedSha) {
    throw new ChangeControlError('git.failed', 'The latest commit changed while its message was being edited; nothing was amended.', { hint: 'Run Amend Message again.' });
  }
  if (latest.onRemotes.length > 0) {
    throw new ChangeControlError('git.failed', `The latest commit is already on ${latest.onRemotes[0]}; Change Control never rewrites a pushed commit.`, { hint: 'Make a new commit instead.' });
  }
  const git = openGit(root);
  await gitCall('Amend the commit message', () => git.raw(['commit', '--amend', '--only', '--cleanup=strip', '--file', file]));
  return (await gitCall('Read the amended commit', () => git.raw(['rev-parse', 'HEAD']))).trim();
}
