/**
 * Repository identity from a git remote URL: https (with or without `.git`
 * and credentials, which are stripped and never kept), `ssh://` with a
 * port, scp-like `git@host:owner/repo.git`, GitHub Enterprise hosts. It
 * says which host a remote names, never where a token goes: a remote is
 * the repository's to choose, so githubTarget.ts decides that from the
 * user's configuration. Also maps a configured host to its REST API URL.
 */
export interface GitHubRepository {
  /** Host name as in the remote, lower-case, without credentials (may carry a port for http remotes). */
  host: string;
  owner: string;
  repo: string;
  /** The remote's scheme (`https:`, `http:`, `ssh:`; `ssh:` for scp-like remotes). */
  protocol: string;
}

/**
 * The REST API of a host the user configured as GitHub: api.github.com;
 * `*.ghe.com` (Enterprise Cloud with data residency) → `https://api.HOST`;
 * any other host is GitHub Enterprise Server → `PROTOCOL//HOST/api/v3`.
 * Never call it with a host taken from a remote alone.
 */
export function apiBaseUrlForHost(host: string, protocol = 'https:'): string {
  const h = host.toLowerCase();
  if (h === 'github.com' || h === 'www.github.com' || h === 'ssh.github.com') return 'https://api.github.com';
  if (h.endsWith('.ghe.com')) return `https://api.${h.replace(/^api\./, '')}`;
  return `${protocol === 'http:' ? 'http:' : 'https:'}//${h}/api/v3`;
}

/** Parse a remote URL, or undefined when it does not name a GitHub-style owner/repo. */
export function parseRemoteUrl(raw: string): GitHubRepository | undefined {
  const text = raw.trim();
  let host: string;
  let path: string;
  let protocol = 'https:';
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.+)$/.exec(text);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined; // Not a URL: the caller reports "no GitHub repository".
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(url.protocol)) return undefined;
    protocol = url.protocol;
    const isHttp = protocol === 'http:' || protocol === 'https:';
    // ssh ports (ssh://git@host:2222/) are the ssh daemon's, not the web server's.
    host = isHttp && url.port ? `${url.hostname}:${url.port}` : url.hostname;
    path = url.pathname;
  } else if (scp) {
    host = scp[1] ?? '';
    path = scp[2] ?? '';
    protocol = 'ssh:';
  } else {
    return undefined;
  }
  const parts = path.replace(/^\/+|\/+$/g, '').replace(/\.git$/i, '').split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  const [owner, repo] = parts.map((p) => decodeURIComponent(p)) as [string, string];
  host = host.toLowerCase();
  if (host === 'ssh.github.com' || host === 'www.github.com') host = 'github.com';
  return { host, owner, repo, protocol };
}
