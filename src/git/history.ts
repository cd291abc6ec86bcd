/** Local history facts for audit evidence: first-parent commits and trees. */
import type { EvidenceGit } from '../core/ports';
import { POLICY_FILE } from '../core/policy/schema';
import { parseNulRecords } from './commits';
import { gitCall, openGit } from './git';

export function createEvidenceGit(root: string, signal?: AbortSignal): EvidenceGit {
  const git = openGit(root, signal ? { signal } : {});
  return {
    async firstParentCommits(from, to) {
      const out = await gitCall(`Reading the commits of ${from}..${to}`, () =>
        // NUL-separated (-z): a message may hold any other byte.
        git.raw(['log', '-z', '--first-parent', '--reverse', '--format=%H%x00%P%x00%an%x00%aI%x00%B', `${from}..${to}`, '--']),
      );
      return parseNulRecords(out, 5, `the commits of ${from}..${to}`).map(([sha = '', parents = '', author = '', date = '', message = '']) => ({
        sha,
        parents: parents.split(' ').filter(Boolean),
        author,
        date,
        message,
      }));
    },
    async editsPolicy(sha) {
      const out = await gitCall(`Reading the files of ${sha.slice(0, 12)}`, () =>
        git.raw(['diff-tree', '--no-commit-id', '--name-only', '-r', '-z', '--root', '--no-renames', '--end-of-options', sha, '--', POLICY_FILE]),
      );
      return out.split('\0').includes(POLICY_FILE);
    },
    async treeFiles(sha) {
      try {
        const out = await git.raw(['ls-tree', '-r', '-z', '--name-only', sha]);
        return out.split('\0').filter(Boolean);
      } catch {
        // The commit is not in the local clone (not fetched): tests cannot be judged from here.
        return undefined;
      }
    },
  };
}
