/**
 * From a repository and a token source to a GitHub client (the shared
 * factory: retries, throttling, timeouts, a deadline, one logging funnel)
 * and the repository's identity on GitHub. Where the token may go comes
 * from githubTarget.ts: the user's configuration, never the remote alone.
 */
import type { Octokit } from '@octokit/rest';
import { ChangeControlError } from '../core/errors';
import type { Logger, TokenSource } from '../core/ports';
import type { SecretRegistry } from '../core/redact';
import { remoteUrl } from '../git/pullRequestGit';
import type { RepoRef } from '../core/ports';
import { authenticatedLogin, createGitHubClient, type GitHubTuning } from '../github/client';
import type { Deadline } from '../github/deadline';
import type { EtagCache } from '../github/etagCache';
import { resolveGitHubTarget, type GitHubHostConfig, type GitHubTarget } from '../github/githubTarget';
import type { RequestLog } from '../github/requestLog';

export type { AuthProviderId } from '../github/githubTarget';

export interface ConnectOptions {
  root: string;
  remote: string;
  /** The user's configured API URL ('' = none: github.com remotes only). Never a workspace value. */
  apiUrl: string;
  /** The rest of the user's GitHub host configuration (default: environment token, no github-enterprise.uri). */
  hosts?: Partial<Omit<GitHubHostConfig, 'apiUrl'>>;
  /** Resolved already (the editor picks the sign-in from it); else resolved here. */
  target?: GitHubTarget;
  token: TokenSource;
  logger: Logger;
  secrets?: SecretRegistry;
  cache?: EtagCache;
  tuning?: Partial<GitHubTuning>;
  /** The command's overall bound, shared by all its requests. */
  deadline?: Deadline;
}

export interface GitHubConnection {
  octokit: Octokit;
  repo: RepoRef;
  host: string;
  baseUrl: string;
  /** Web URL of the repository. */
  webUrl: string;
  /** Every request made through this connection, counted. */
  requestLog: RequestLog;
  /** The signed-in user's login (one request, then cached). */
  login(): Promise<string | undefined>;
}

/** The target of a repository's remote; throws before any request when the remote is not on a configured GitHub. */
export async function resolveRemoteTarget(root: string, remote: string, hosts: GitHubHostConfig): Promise<GitHubTarget> {
  // The configured URL, not `git remote -v`: an insteadOf rewrite says where git connects, not which repository it is.
  const url = await remoteUrl(root, remote);
  if (!url) {
    throw new ChangeControlError('git.noRemote', `The repository has no remote "${remote}".`, { hint: 'Add the GitHub remote (git remote add origin URL) or set changeControl.github.remote.' });
  }
  return resolveGitHubTarget(url, remote, hosts);
}

export async function connectGitHub(options: ConnectOptions): Promise<GitHubConnection> {
  const target = options.target ?? await resolveRemoteTarget(options.root, options.remote, { tokenFrom: 'environment', ...options.hosts, apiUrl: options.apiUrl });
  const client = createGitHubClient({
    baseUrl: target.baseUrl,
    token: options.token,
    logger: options.logger,
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.tuning ? { tuning: options.tuning } : {}),
    ...(options.deadline ? { deadline: options.deadline } : {}),
  });
  const { octokit } = client;
  let login: Promise<string | undefined> | undefined;
  return {
    octokit,
    repo: { owner: target.owner, repo: target.repo },
    host: target.host,
    baseUrl: client.baseUrl,
    webUrl: target.webUrl,
    requestLog: client.requestLog,
    login: () => (login ??= authenticatedLogin(octokit)),
  };
}
