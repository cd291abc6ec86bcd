/**
 * How the CLI reads a policy that `extends` a GitHub file: through the
 * repository's own GitHub host (githubTarget.ts decides where the token
 * may go), with the ETag cache of the git folder (a repeated read is a
 * 304), recording the copy it read. When GitHub cannot be reached, the
 * last copy applies and the note says so; any other failure is a reason,
 * which a gate refuses on.
 */
import { isChangeControlError, describeError } from '../core/errors';
import type { ExtendsReadResult } from '../core/policy/resolveExtends';
import { SecretRegistry } from '../core/redact';
import type { GitHubExtendsRef } from '../git/extendedPolicy';
import { readExtendsCopy, saveExtendsCopy } from '../git/extendsCopies';
import { createGitHubClient } from '../github/client';
import type { Deadline } from '../github/deadline';
import type { EtagCache } from '../github/etagCache';
import { ETAG_CACHE_GIT_PATH, loadEtagCache, saveEtagCache } from '../github/etagCacheFile';
import { gitPath } from '../git/git';
import { fetchPolicyContents } from '../github/policyContents';
import { cliTarget } from './github';
import type { CliIo } from './io';

export interface CliGitHubPolicyOptions {
  root: string;
  remote: string;
  /** The user's token (GITHUB_TOKEN, else GH_TOKEN); without one, nothing is fetched. */
  token: string | undefined;
  deadline?: Deadline;
  /** The command's own ETag cache, which it saves; without one, the git folder's is loaded and saved here. */
  cache?: EtagCache;
}

/** The reader of GitHub policies for one CLI command. */
export function cliGitHubPolicyReader(io: CliIo, o: CliGitHubPolicyOptions): (ref: GitHubExtendsRef) => Promise<ExtendsReadResult> {
  return async (ref) => {
    const shown = `${ref.owner}/${ref.repo}/${ref.path}@${ref.ref}`;
    const token = o.token;
    if (!token) return { ok: false, reason: `no GitHub token to read it with (set GITHUB_TOKEN or GH_TOKEN).` };
    const secrets = new SecretRegistry();
    secrets.add(token);
    try {
      const target = await cliTarget(io, o.root, o.remote);
      const cacheFile = o.cache ? undefined : await gitPath(o.root, ETAG_CACHE_GIT_PATH);
      const cache = o.cache ?? (await loadEtagCache(cacheFile as string));
      const client = createGitHubClient({ baseUrl: target.baseUrl, token, cache, secrets, tuning: { retries: 1, requestTimeoutMs: 15_000 }, ...(o.deadline ? { deadline: o.deadline } : {}) });
      const text = await fetchPolicyContents(client.octokit, ref);
      if (cacheFile) await saveEtagCache(cacheFile, cache, [token]);
      await saveExtendsCopy(o.root, ref, text, new Date().toISOString());
      return { ok: true, label: shown, text };
    } catch (err) {
      const why = secrets.redact(describeError(err));
      if (isChangeControlError(err, 'github.network', 'github.timeout')) {
        const copy = await readExtendsCopy(o.root, ref, (at) => `GitHub could not be reached (${why}); the copy of ${shown} fetched at ${at} applies.`);
        if (copy.ok) return copy;
      }
      return { ok: false, reason: why };
    }
  };
}
