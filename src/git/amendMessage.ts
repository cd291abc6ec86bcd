/**
 * The latest commit as the warning after a commit reads it: its parents
 * (was it made on top of the previous HEAD?), its message and the remote
 * branches that hold it (a pushed commit is not offered Amend Message).
 * The amend itself is src/git/amend.ts.
 */
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
