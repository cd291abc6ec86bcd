// A git smart-HTTP server on 127.0.0.1 (git's own `git http-backend` as CGI), so the temp
// repository's remote looks like a hosted one: http://127.0.0.1:PORT/<owner>/<name>.git.
// Owner and name parse from the URL the way they do for GitHub; pushes and fetches are real.
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';

const backend = `${execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim()}/git-http-backend`;

/** Serves the bare repositories under `projectRoot`. Returns { url, close() }. */
export async function startGitHttpServer(projectRoot) {
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://127.0.0.1');
    const cgi = spawn(backend, [], {
      env: { PATH: process.env.PATH, GIT_PROJECT_ROOT: projectRoot, GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method, PATH_INFO: decodeURIComponent(u.pathname), QUERY_STRING: u.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '', CONTENT_LENGTH: req.headers['content-length'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '', GIT_PROTOCOL: req.headers['git-protocol'] ?? '',
        REMOTE_ADDR: '127.0.0.1', REMOTE_USER: 'e2e' },   // REMOTE_USER enables receive-pack (push)
      stdio: ['pipe', 'pipe', 'ignore'] });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headerDone = false;
    cgi.stdout.on('data', (chunk) => {
      if (headerDone) { res.write(chunk); return; }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headerDone = true;
      let status = 200;
      const headers = {};
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const i = line.indexOf(':');
        const k = line.slice(0, i).trim(); const v = line.slice(i + 1).trim();
        if (/^status$/i.test(k)) status = Number.parseInt(v, 10); else headers[k] = v;
      }
      res.writeHead(status, headers);
      res.write(head.subarray(end + 4));
    });
    cgi.stdout.on('end', () => { if (!headerDone) res.writeHead(502); res.end(); });
    cgi.on('error', () => { if (!res.headersSent) res.writeHead(500); res.end(); });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
