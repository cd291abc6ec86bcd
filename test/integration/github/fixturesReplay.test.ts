/**
 * Replays interactions recorded from the real api.github.com
 * (@octokit/fixtures) through @octokit/fixtures-server on 127.0.0.1, with
 * the production client: proof that it handles real payloads and real
 * error bodies, not only the fake's.
 */
import assert from 'node:assert/strict';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChangeControlError } from '../../../src/core/errors';
import { createGitHubClient } from '../../../src/github/client';
import { fastTuning } from './helpers';

/** The token the recordings were normalised to. */
const FIXTURE_TOKEN = '0000000000000000000000000000000000000001';

interface ExpressApp extends RequestListener {
  use(handler: unknown): void;
}

describe('GitHub client replaying recorded GitHub interactions', function () {
  this.timeout(20_000);
  let server: Server;
  let base: string;

  before(async () => {
    // @ts-expect-error express ships no types here; fixtures-server depends on it.
    const express = (await import('express')).default as unknown as () => ExpressApp;
    const { default: fixturesMiddleware } = (await import('@octokit/fixtures-server')) as unknown as { default: (o: object) => unknown };
    const app = express();
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    app.use(fixturesMiddleware({ fixturesUrl: base, logLevel: 'silent', ttl: 10_000 }));
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function mount(scenario: string): Promise<string> {
    const res = await fetch(`${base}/fixtures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario }) });
    assert.equal(res.status, 201);
    return ((await res.json()) as { url: string }).url;
  }

  it('reads a real repository payload (api.github.com/get-repository)', async () => {
    const client = createGitHubClient({ baseUrl: await mount('get-repository'), token: FIXTURE_TOKEN, tuning: fastTuning });
    const { data } = await client.octokit.rest.repos.get({ owner: 'octokit-fixture-org', repo: 'hello-world' });
    assert.equal(data.full_name, 'octokit-fixture-org/hello-world');
    assert.equal(data.owner.login, 'octokit-fixture-org');
    assert.equal(typeof data.default_branch, 'string');
    assert.equal(client.requestLog.snapshot().requests, 1);
  });

  it('translates a real 422 body (api.github.com/errors)', async () => {
    const client = createGitHubClient({ baseUrl: await mount('errors'), token: FIXTURE_TOKEN, tuning: fastTuning });
    await assert.rejects(
      client.octokit.rest.issues.createLabel({ owner: 'octokit-fixture-org', repo: 'errors', name: 'foo', color: 'invalid' }),
      (err: unknown) => err instanceof ChangeControlError && err.code === 'github.validation' && /Label color invalid/.test(err.message) && !err.message.includes(FIXTURE_TOKEN),
    );
  });
});
