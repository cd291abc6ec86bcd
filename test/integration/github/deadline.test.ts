/**
 * A command's deadline bounds all of its GitHub requests together: a
 * GitHub that accepts and never answers, retries after a 5xx, and waits
 * for a rate limit all end when the deadline passes, with a clear
 * `github.timeout` (or the error that stopped the retries). Time bounds
 * are generous: they tell "at the deadline" from "after the waits".
 */
import { strict as assert } from 'node:assert';
import { isChangeControlError } from '../../../src/core/errors';
import { Deadline } from '../../../src/github/deadline';
import { FakeGitHub } from '../../github-fake';
import { makeClient } from './helpers';
import { silentListener, type Listener } from './listeners';

async function failure(p: Promise<unknown>): Promise<{ err: unknown; ms: number }> {
  const started = performance.now();
  const err = await p.then(() => undefined, (e: unknown) => e);
  return { err, ms: performance.now() - started };
}

describe('GitHub client: one deadline over a command', function () {
  this.timeout(30_000);
  let hung: Listener;
  let fake: FakeGitHub;

  before(() => FakeGitHub.warmUp());
  beforeEach(async () => {
    hung = await silentListener();
    fake = await new FakeGitHub().start();
    fake.state.addRepo('acme/api');
  });
  afterEach(async () => {
    await hung.close();
    await fake.stop();
    assert.deepEqual(fake.violations, []);
  });

  it('ends all requests to a GitHub that never answers at the shared deadline (no per-attempt timeout or retry outlasts it)', async () => {
    const { client } = makeClient(hung.url, { requestTimeoutMs: 10_000, retries: 2, retryBaseMs: 1000 }, new Deadline(0.5));
    const { octokit } = client;
    const results = await Promise.all([
      failure(octokit.rest.repos.get({ owner: 'acme', repo: 'api' })),
      failure(octokit.rest.users.getAuthenticated()),
      failure(octokit.paginate(octokit.rest.issues.listLabelsForRepo, { owner: 'acme', repo: 'api' })),
    ]);
    for (const { err, ms } of results) {
      assert.ok(isChangeControlError(err, 'github.timeout'), String(err));
      assert.match(err.message, /GitHub did not answer within 0\.5 s \(the command's bound\)/);
      assert.ok(ms < 5000, `ended after ${Math.round(ms)} ms`);
    }
    assert.equal(hung.requests.length, 3, 'each request was sent once: none was retried');
    const late = await failure(octokit.rest.repos.get({ owner: 'acme', repo: 'api' }));
    assert.ok(isChangeControlError(late.err, 'github.timeout'), 'after the deadline, nothing more is sent');
    assert.equal(hung.requests.length, 3);
  });

  it('does not wait for a retry that would end past the deadline', async () => {
    fake.inject({ path: /^\/repos\/acme\/api$/, times: Infinity, fault: { kind: 'status', status: 502 } });
    const { client } = makeClient(fake.url, { retries: 2, retryBaseMs: 5000 }, new Deadline(2));
    const { err, ms } = await failure(client.octokit.rest.repos.get({ owner: 'acme', repo: 'api' }));
    assert.ok(isChangeControlError(err, 'github.server'), String(err));
    assert.ok(ms < 1500, `ended after ${Math.round(ms)} ms, not after a 5 s retry wait`);
    assert.equal(fake.counters.total, 1);
  });

  it('still retries when the deadline leaves time for it', async () => {
    fake.inject({ path: /^\/repos\/acme\/api$/, times: 1, fault: { kind: 'status', status: 502 } });
    const { client } = makeClient(fake.url, { retries: 2, retryBaseMs: 5 }, new Deadline(10));
    const { data } = await client.octokit.rest.repos.get({ owner: 'acme', repo: 'api' });
    assert.equal(data.full_name, 'acme/api');
    assert.equal(fake.counters.total, 2);
  });

  it('does not sit out a rate limit that resets after the deadline', async () => {
    fake.inject({ path: /^\/repos\/acme\/api$/, fault: { kind: 'secondaryRateLimit', retryAfterSeconds: 20 } });
    const { client, logger } = makeClient(fake.url, { rateLimitUnitMs: 1000, maxRateLimitWaitSeconds: 60 }, new Deadline(3));
    const { err, ms } = await failure(client.octokit.rest.repos.get({ owner: 'acme', repo: 'api' }));
    assert.ok(isChangeControlError(err, 'github.rateLimited'), String(err));
    assert.ok(ms < 2500, `ended after ${Math.round(ms)} ms, not after the 20 s wait`);
    assert.ok(logger.lines.some((l) => /after this command's bound \(3 s\)/.test(l)), logger.lines.join('\n'));
  });

  it('says a change that hit the deadline may have been applied, and does not retry it', async () => {
    const { client } = makeClient(hung.url, { requestTimeoutMs: 10_000, retries: 2 }, new Deadline(0.4));
    const { err } = await failure(client.octokit.rest.issues.createComment({ owner: 'acme', repo: 'api', issue_number: 1, body: 'hello' }));
    assert.ok(isChangeControlError(err, 'github.timeout'), String(err));
    assert.match(err.message, /did not answer a change within 0\.4 s .*may have applied it/);
    assert.equal(hung.requests.length, 1);
  });
});
