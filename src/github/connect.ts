/**
 * From a repository and a token source to a GitHub client (the shared
 * factory: retries, throttling, timeouts, one logging funnel) and the
 * repository's identity on GitHub (owner/name from the remote).
 */
import type { Octokit } from '@octokit/rest';
import { ChangeControlError } from '../core/errors';
import type { Logger, TokenSource } from '../core/ports';
import type { SecretRegistry } from '../core/redact';
import { remoteUrl } from '../git/pullRequestGit';
import type { RepoRef } from '../tickets/githubTicketProvider';
import { createGitHubClient, type GitHubTuning } from './client';
import type { EtagCache } from './etagCache';
import { parseRemoteUrl } from './remote';
import type { RequestLog } from './requestLog';

export interface ConnectOptions {
  root: string;
  remote: string;
  /** Explicit API base URL ('' = derive from the remote's host). */
  apiUrl: string;
  token: TokenSource;
  logger: Logger;
  secrets?: SecretRegistry;
  cache?: EtagCache;
  tuning?: Partial<GitHubTuning>;
}

export interface GitHubConnection {
  octokit: Octokit;
  repo: RepoRef;
  host: string;
  baseUrl: string;
  /** Every request made through this connection, counted. */
  requestLog: RequestLog;
  /** The signed-in user's login (one request, then cached). */
  login(): Promise<string | undefined>;
}

export async function connectGitHub(options: ConnectOptions): Promise<GitHubConnection> {
  // The configured URL, not `git remote -v`: an insteadOf rewrite says where git connects, not which repository it is.
  const url = await remoteUrl(options.root, options.remote);
  if (!url) {
    throw new ChangeControlError('git.noRemote', `The repository has no remote "${options.remote}".`, { hint: 'Add the GitHub remote (git remote add origin URL) or set changeControl.github.remote.' });
  }
  const parsed = parseRemoteUrl(url);
  if (!parsed) {
    throw new ChangeControlError('github.noRepository', `Remote "${options.remote}" does not point to a GitHub repository.`, { hint: 'Use a remote such as https://github.com/OWNER/REPO.git.' });
  }
  const client = createGitHubClient({
    baseUrl: options.apiUrl.replace(/\/+$/, '') || parsed.apiBaseUrl,
    token: options.token,
    logger: options.logger,
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.tuning ? { tuning: options.tuning } : {}),
  });
  const { octokit } = client;
  let login: Promise<string | undefined> | undefined;
  return {
    octokit,
    repo: { owner: parsed.owner, repo: parsed.repo },
    host: parsed.host,
    baseUrl: client.baseUrl,
    requestLog: client.requestLog,
    login: () => (login ??= octokit.rest.users.getAuthenticated().then((r) => r.data.login)),
  };
}

export type AuthProviderId = 'github' | 'github-enterprise';

/**
 * Which VS Code authentication provider serves a remote: `github-enterprise`
 * when the remote's host is the host of the `github-enterprise.uri`
 * setting, else `github`.
 */
export function authProviderForRemote(url: string | undefined, enterpriseUri: string): AuthProviderId {
  const host = url ? parseRemoteUrl(url)?.host.replace(/:\d+$/, '') : undefined;
  if (!host || !enterpriseUri.trim()) return 'github';
  let enterpriseHost: string;
  try {
    enterpriseHost = new URL(enterpriseUri.includes('://') ? enterpriseUri : `https://${enterpriseUri}`).hostname.toLowerCase();
  } catch {
    // An unparsable github-enterprise.uri names no enterprise host.
    return 'github';
  }
  return host === enterpriseHost ? 'github-enterprise' : 'github';
}
