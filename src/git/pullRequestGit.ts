/**
 * What Open Pull Request reads from git: the base fetched, how far behind
 * it the branch is, the remote's URL and the repository's PR templates.
 */
import type { BaseState } from '../core/ports';
import { gitCall, openGit } from './git';
import { PR_TEMPLATE_DIRS, PR_TEMPLATE_PATHS } from '../core/pullRequest';

/** Fetches the base branch (best effort) and counts how far behind HEAD is. */
export async function readBaseState(root: string, remote: string, base: string, signal?: AbortSignal): Promise<BaseState> {
  const git = openGit(root, { ...(signal ? { signal } : {}), timeoutMs: 60_000 });
  let note: string | undefined;
  // "+": a remote-tracking ref follows the remote even after a forced update, like git's default refspec.
  try {
    await gitCall(`Fetch ${base} from ${remote}`, () => git.raw(['fetch', '--quiet', '--no-tags', remote, `+refs/heads/${base}:refs/remotes/${remote}/${base}`]));
  } catch (err) {
    note = `fetching ${base} from ${remote} failed (${err instanceof Error ? err.message : String(err)}); using the last known copy`;
  }
  for (const ref of [`refs/remotes/${remote}/${base}`, `refs/heads/${base}`]) {
    try {
      const count = await git.raw(['rev-list', '--count', `HEAD..${ref}`, '--']);
      const baseRef = ref.replace(/^refs\/(remotes|heads)\//, '');
      return { baseRef, behind: Number(count.trim()), ...(note ? { note } : {}) };
    } catch {
      // This copy of the base does not exist here: try the next one.
    }
  }
  return { baseRef: base, behind: undefined, note: note ?? `${base} was found neither on ${remote} nor locally` };
}

/**
 * The configured URL of `remote` (before `insteadOf` rewriting, which only
 * says where git connects, not which GitHub repository it is), or
 * undefined when there is no such remote.
 */
export async function remoteUrl(root: string, remote: string): Promise<string | undefined> {
  try {
    return (await openGit(root).raw(['config', '--get', `remote.${remote}.url`])).trim() || undefined;
  } catch {
    // No such remote: the caller says which remote is missing.
    return undefined;
  }
}

/** Tracked paths that may be pull request templates (matched case-insensitively, as GitHub does). */
export async function listTemplateCandidates(root: string): Promise<string[]> {
  const specs = [...PR_TEMPLATE_PATHS, ...PR_TEMPLATE_DIRS.map((d) => `${d}/*.md`)].map((p) => `:(icase,glob)${p}`);
  const out = await gitCall('List pull request templates', () => openGit(root).raw(['ls-files', '-z', '--', ...specs]));
  return out.split('\0').filter(Boolean);
}

/** A tracked file's text as staged (the index), so uncommitted edits elsewhere do not matter. */
export async function readTrackedFile(root: string, path: string): Promise<string> {
  return gitCall(`Read ${path}`, () => openGit(root).raw(['show', `:${path}`]));
}
