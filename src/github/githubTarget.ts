/**
 * Where a repository's GitHub token may go, decided from what the user
 * configured and never from the repository alone. A remote URL is the
 * repository's to choose (a hostile one names any host), so it only says
 * which of the user's GitHub hosts the repository is on:
 * - github.com (and www./ssh.) → https://api.github.com;
 * - the host of the configured API URL (the machine-scoped
 *   `changeControl.github.apiUrl` or `CHANGE_CONTROL_GITHUB_API_URL`) → that
 *   URL; it also serves github.com remotes (a GitHub Enterprise Server
 *   mirror, a proxy, a test double: the user chose it);
 * - the host of VS Code's `github-enterprise.uri` (user level, editor only)
 *   → its REST API (`https://api.HOST` for `*.ghe.com`, else `/api/v3`);
 * - anything else is not GitHub: no token, no request.
 * Plain http is accepted only to this machine (loopback addresses). Pure:
 * unit-tested without git, network or VS Code.
 */
import { ChangeControlError } from '../core/errors';
import { apiBaseUrlForHost, parseRemoteUrl } from './remote';

export type AuthProviderId = 'github' | 'github-enterprise';

/** What the user configured (settings at user or machine level, the environment): never a workspace value. */
export interface GitHubHostConfig {
  /** Explicit REST API base URL; '' = none. */
  apiUrl: string;
  /** Where `apiUrl` came from, for messages (a setting or variable name). */
  apiUrlSource?: string;
  /** VS Code's `github-enterprise.uri` at user level (editor); '' or absent = none. */
  enterpriseUri?: string;
  /**
   * 'editor': the token is a VS Code sign-in, which belongs to one host
   * (github.com, or the github-enterprise.uri host); a configured API URL
   * on another host must not receive it. 'environment' (CLI): the user's
   * GITHUB_TOKEN is meant for whatever API they configured.
   */
  tokenFrom: 'editor' | 'environment';
}

export interface GitHubTarget {
  owner: string;
  repo: string;
  /** The remote's host (lower-case, `github.com` for www./ssh.; with the port of an http remote). */
  host: string;
  /** The REST API base URL the token goes to, no trailing slash. */
  baseUrl: string;
  /** Which VS Code sign-in provides the token (the CLI ignores it). */
  provider: AuthProviderId;
  /** Web URL of the repository. */
  webUrl: string;
}

interface ConfiguredHost {
  hostname: string;
  port: string;
  baseUrl: string;
  webOrigin: string;
}

/** One setting as VS Code's `inspect()` reports it, level by level. */
export interface SettingLevels<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * The editor's GitHub hosts from the settings: only the user/machine level
 * (`globalValue`) of `changeControl.github.apiUrl` and `github-enterprise.uri`
 * counts, since a repository can ship workspace values in
 * .vscode/settings.json; then CHANGE_CONTROL_GITHUB_API_URL.
 */
export function editorHostConfig(input: { apiUrl?: SettingLevels<unknown>; enterpriseUri?: SettingLevels<unknown>; envApiUrl?: string }): GitHubHostConfig {
  const setting = typeof input.apiUrl?.globalValue === 'string' ? input.apiUrl.globalValue.trim() : '';
  const enterprise = typeof input.enterpriseUri?.globalValue === 'string' ? input.enterpriseUri.globalValue.trim() : '';
  return {
    apiUrl: setting || input.envApiUrl?.trim() || '',
    apiUrlSource: setting ? 'changeControl.github.apiUrl' : 'CHANGE_CONTROL_GITHUB_API_URL',
    enterpriseUri: enterprise,
    tokenFrom: 'editor',
  };
}

const NOT_GITHUB = 'This remote is not on GitHub: the GitHub features are off';

/** 127.0.0.0/8, ::1 and localhost: plain http to them never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * The target of the remote named `remoteName` whose URL is `remoteUrl`, or
 * a ChangeControlError: `github.noRepository` ("This remote is not on
 * GitHub: the GitHub features are off") for any host the user did not
 * configure, `usage` for a configured plain-http URL that is not loopback.
 */
export function resolveGitHubTarget(remoteUrl: string, remoteName: string, config: GitHubHostConfig): GitHubTarget {
  const api = config.apiUrl.trim() ? configuredApi(config.apiUrl.trim(), config.apiUrlSource ?? 'the GitHub API URL') : undefined;
  const enterprise = config.enterpriseUri?.trim() ? configuredEnterprise(config.enterpriseUri.trim()) : undefined;
  const parsed = parseRemoteUrl(remoteUrl);
  if (!parsed) throw notOnGitHub(remoteName, hostOf(remoteUrl), 'it does not name an OWNER/REPO repository');
  const { owner, repo, host } = parsed;
  const path = `${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  const dotCom = host === 'github.com';
  const target = (baseUrl: string, provider: AuthProviderId, webOrigin: string): GitHubTarget => ({ owner, repo, host, baseUrl, provider, webUrl: `${webOrigin}/${path}` });
  if (api && (dotCom || sameHost(host, api))) {
    const provider: AuthProviderId = enterprise && api.hostname === enterprise.hostname ? 'github-enterprise' : 'github';
    if (config.tokenFrom === 'editor' && provider === 'github' && api.baseUrl !== 'https://api.github.com' && !isLoopbackHost(api.hostname)) {
      throw new ChangeControlError('usage', `${config.apiUrlSource ?? 'The GitHub API URL'} points to ${api.hostname}, but your GitHub sign-in is for github.com: it is not sent there.`, {
        hint: `Set github-enterprise.uri in your user settings to https://${api.hostname} so that VS Code signs you in to it.`,
      });
    }
    return target(api.baseUrl, provider, dotCom ? 'https://github.com' : api.webOrigin);
  }
  if (enterprise && sameHost(host, enterprise)) return target(enterprise.baseUrl, 'github-enterprise', enterprise.webOrigin);
  if (dotCom) return target('https://api.github.com', 'github', 'https://github.com');
  throw notOnGitHub(remoteName, host, undefined);
}

function notOnGitHub(remoteName: string, host: string | undefined, why: string | undefined): ChangeControlError {
  const shown = host && /^[a-z0-9.:[\]-]{1,253}$/i.test(host) ? host : undefined;
  const where = shown ? `remote "${remoteName}" is on ${shown}` : `remote "${remoteName}"`;
  return new ChangeControlError('github.noRepository', `${NOT_GITHUB} (${where}${why ? `; ${why}` : ''}).`, {
    hint: shown && shown !== 'github.com'
      ? `If ${shown} is your GitHub Enterprise, set changeControl.github.apiUrl in your user settings (or CHANGE_CONTROL_GITHUB_API_URL) to its API URL, such as https://${shown.replace(/:\d+$/, '')}/api/v3.`
      : 'Use a remote such as https://github.com/OWNER/REPO.git, or pick another with changeControl.github.remote (--remote NAME).',
    detail: { remote: remoteName, ...(shown ? { host: shown } : {}) },
  });
}

/** The API URL the user configured: https, or http to a loopback address. */
function configuredApi(raw: string, source: string): ConfiguredHost {
  const url = parseHttpUrl(raw, source);
  const baseUrl = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  // The web host of an API host: api.github.com → github.com, api.X.ghe.com → X.ghe.com, HOST/api/v3 → HOST.
  const hostname = url.hostname === 'api.github.com' ? 'github.com' : /^api\..+\.ghe\.com$/.test(url.hostname) ? url.hostname.slice(4) : url.hostname;
  return { hostname, port: url.port, baseUrl, webOrigin: `${url.protocol}//${hostname}${url.port ? `:${url.port}` : ''}` };
}

/** `github-enterprise.uri` (`https://ghe.acme.com`, or a bare host name) and its REST API. */
function configuredEnterprise(raw: string): ConfiguredHost {
  const url = parseHttpUrl(raw.includes('://') ? raw : `https://${raw}`, 'github-enterprise.uri');
  const hostname = url.hostname.replace(/^api\.(?=.+\.ghe\.com$)/, '');
  const hostPort = `${hostname}${url.port ? `:${url.port}` : ''}`;
  return { hostname, port: url.port, baseUrl: apiBaseUrlForHost(hostPort, url.protocol), webOrigin: `${url.protocol}//${hostPort}` };
}

function parseHttpUrl(raw: string, source: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (err) {
    throw new ChangeControlError('usage', `${source} is not a URL: ${JSON.stringify(raw.slice(0, 200))}.`, { cause: err, hint: 'Use a URL such as https://ghe.example.com/api/v3.' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ChangeControlError('usage', `${source} must be an https URL, not ${url.protocol}.`, { hint: 'Use a URL such as https://ghe.example.com/api/v3.' });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ChangeControlError('usage', `${source} uses plain http to ${url.hostname}: a token is sent over plain http only to this machine (127.0.0.1, ::1, localhost).`, { hint: `Use https://${url.host}${url.pathname}.` });
  }
  url.hostname = url.hostname.toLowerCase();
  return url;
}

/** Same host name, and the same port when both name one (ssh remotes carry none). */
function sameHost(remoteHost: string, configured: ConfiguredHost): boolean {
  const { hostname, port } = splitHostPort(remoteHost);
  return hostname === configured.hostname && (!port || !configured.port || port === configured.port);
}

function splitHostPort(host: string): { hostname: string; port: string } {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  return { hostname: (m?.[1] ?? host).toLowerCase(), port: m?.[2] ?? '' };
}

/** The host a remote names, for the message when it is not an OWNER/REPO URL. */
function hostOf(remoteUrl: string): string | undefined {
  const text = remoteUrl.trim();
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return new URL(text).hostname.toLowerCase() || undefined;
  } catch {
    return undefined; // Not a URL: the message names the remote only.
  }
  return /^(?:[^@/]+@)?([^:/]+):(?!\/\/)/.exec(text)?.[1]?.toLowerCase();
}
