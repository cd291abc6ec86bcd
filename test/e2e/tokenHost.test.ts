/**
 * The editor path of "no token to a stranger": a repository whose remote
 * names a listener on 127.0.0.1, and whose .vscode/settings.json names it
 * as the GitHub API and the Enterprise host, gets no request carrying the
 * sign-in token; the Change view says GitHub is off, without a pop-up.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { activateExtension, git, recordErrorMessages, renderTree, signInToFake, treeLines, waitFor, workspaceRoot, type ApiShape } from './support';

describe('the editor sends no token to a host the user did not configure', () => {
  let api: ApiShape;

  before(async () => {
    api = (await activateExtension()).api;
    await signInToFake();
  });

  it('a remote and workspace settings naming a listener get no token; the Change view says GitHub is off', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const root = workspaceRoot();
    const originalRemote = git(['config', 'remote.origin.url']);
    const settingsFile = path.join(root, '.vscode', 'settings.json');
    const originalSettings = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
    const errors = recordErrorMessages();
    try {
      git(['switch', '-q', '-c', 'feature/9-token-host']);
      git(['config', 'remote.origin.url', `${url}/acme/clinic-app.git`]);
      fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
      fs.writeFileSync(settingsFile, JSON.stringify({ 'changeControl.github.apiUrl': url, 'github-enterprise.uri': url }, null, 2));
      const text = await waitFor('the Change view to say GitHub is off', async () => {
        const t = renderTree(await treeLines(api));
        return /not on GitHub: the GitHub features are off/.test(t) ? t : undefined;
      });
      assert.match(text, /Commits/, `the local sections still show:\n${text}`);
      assert.deepEqual(seen.filter((h) => h.authorization !== undefined), [], 'no request carried the token');
      assert.deepEqual(errors.messages, [], 'a state in the view, not a pop-up');
    } finally {
      errors.restore();
      if (originalSettings === undefined) fs.rmSync(settingsFile, { force: true });
      else fs.writeFileSync(settingsFile, originalSettings);
      git(['config', 'remote.origin.url', originalRemote.trim()]);
      git(['switch', '-q', 'main']);
      git(['branch', '-q', '-D', 'feature/9-token-host']);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
