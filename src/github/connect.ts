/**
 * From a repository and a token source to a GitHub client and the
 * repository's identity on GitHub (owner/name from the remote).
 */
import { Octokit } from '@octokit/rest';
import { ChangeControlError } from '../core/errors';
import type { Logger, TokenSource } from '../core/ports';
import { remoteUrl } from '../git/pullRequestGit';
import type { RepoRef } from '../tickets/githubTicketProvider';

export interface ConnectOptions {
  root: string;
  remote: string;
  /** Explicit API base URL ('' = derive from the remote's host). */
  apiUrl: string;
  token: TokenSource;
  logger: Logger;
}

export interface GitHubConnection {
  octokit: Octokit;
  repo: RepoRef;
  host: string;
  baseUrl: string;
  /** The signed-in user's login (one request, then cached). */
  login(): Promise<string | undefined>;
}

export async function connectGitHub(options: ConnectOptions): Promise<GitHubConnection> {
  const url = await remoteUrl(options.root, options.remote);
  if (!url) {
    throw new ChangeControlError('git.noRemote', `The repository has no remote "${options.remote}".`, { hint: 'Add the GitHub remote (git remote add origin URL) or set changeControl.github.remote.' });
  }
  const parsed = parseRemote(url);
  if (!parsed) {
    throw new ChangeControlError('github.noRepository', `Remote "${options.remote}" does not point to a GitHub repository.`, { hint: 'Use a GitHub remote (https or ssh).' });
  }
  const baseUrl = options.apiUrl.replace(/\/+$/, '') || apiUrlFor(parsed.host);
  const token = await options.token();
  const octokit = new Octokit({ baseUrl, ...(token ? { auth: token } : {}), log: quiet(options.logger) });
  let login: Promise<string | undefined> | undefined;
  return {
    octokit,
    repo: { owner: parsed.owner, repo: parsed.repo },
    host: parsed.host,
    baseUrl,
    login: () => (login ??= octokit.rest.users.getAuthenticated().then((r) => r.data.login)),
  };
}

function parseRemote(url: string): { host: string; owner: string; repo: string } | undefined {
  const m = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)(?::\d+)?[/:]([^/]+)\/([^/]+?)(?:\.git)?\/?$/i.exec(url.trim());
  return m ? { host: m[1]!.toLowerCase(), owner: m[2]!, repo: m[3]! } : undefined;
}

function apiUrlFor(host: string): string {
  if (host === 'github.com') return 'https://api.github.com';
  if (host.endsWith('.ghe.com')) return `https://api.${host}`;
  return `https://${host}/api/v3`;
}

function quiet(logger: Logger): { debug: (m: string) => void; info: (m: string) => void; warn: (m: string) => void; error: (m: string) => void } {
  return { debug: (m) => logger.debug(m), info: (m) => logger.debug(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) };
}
