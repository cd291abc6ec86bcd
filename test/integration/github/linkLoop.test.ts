/**
 * A Link header that never ends: a page that names itself as `next`,
 * pages in a cycle, or page numbers that go on for ever. Every paginated
 * read (octokit.paginate and its iterator, through the client factory)
 * stops with a clear error after a bounded number of requests, and a
 * `next` on another host is never sent the token.
 */
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import { isChangeControlError } from '../../../src/core/errors';
import { FakeGitHub } from '../../github-fake';
import { makeClient, TOKEN } from './helpers';
import { recordingListener } from './listeners';

describe('GitHub client: Link headers that never end', function () {
  this.timeout(30_000);
  let fake: FakeGitHub;

  before(() => FakeGitHub.warmUp());
  beforeEach(async () => {
    fake = await new FakeGitHub().start();
    fake.state.addRepo('acme/api');
    for (let i = 0; i < 5; i++) fake.state.addLabel('acme/api', `label-${i}`);
  });
  afterEach(async () => {
    await fake.stop();
    assert.deepEqual(fake.violations, []);
  });

  const labels = { owner: 'acme', repo: 'api', per_page: 2 };

  async function loopError(read: Promise<unknown>): Promise<Error> {
    const err = await read.then(() => undefined, (e: unknown) => e);
    assert.ok(isChangeControlError(err, 'github.server'), `a github.server error, not ${String(err)}`);
    return err;
  }

  it('stops at once when a page names itself as next', async () => {
    fake.inject({ path: /\/labels$/, times: Infinity, fault: { kind: 'linkLoop', mode: 'self' } });
    const { client } = makeClient(fake.url);
    const err = await loopError(client.octokit.paginate(client.octokit.rest.issues.listLabelsForRepo, labels));
    assert.match(err.message, /pages of GET \/repos\/\{owner\}\/\{repo\}\/labels do not end: page 1 links back to a page already read/);
    assert.equal(fake.counters.total, 1);
  });

  it('stops when pages link in a cycle', async () => {
    fake.inject({ path: /\/labels$/, times: Infinity, fault: { kind: 'linkLoop', mode: 'cycle' } });
    const { client } = makeClient(fake.url);
    const err = await loopError(client.octokit.paginate('GET /repos/{owner}/{repo}/labels', labels));
    assert.match(err.message, /links back to a page already read/);
    assert.ok(fake.counters.total <= 3, `${fake.counters.total} requests`);
  });

  it('stops at the page cap when every next is new', async () => {
    fake.inject({ path: /\/labels$/, times: Infinity, fault: { kind: 'linkLoop', mode: 'endless' } });
    const { client } = makeClient(fake.url, { maxPages: 7 });
    const err = await loopError(client.octokit.paginate(client.octokit.rest.issues.listLabelsForRepo, labels));
    assert.match(err.message, /has more than 7 pages/);
    assert.equal(fake.counters.total, 7);
  });

  it('guards the iterator too, and a caller that stops early sees no error', async () => {
    fake.inject({ path: /\/labels$/, times: Infinity, fault: { kind: 'linkLoop', mode: 'self' } });
    const { client } = makeClient(fake.url);
    for await (const page of client.octokit.paginate.iterator(client.octokit.rest.issues.listLabelsForRepo, labels)) {
      assert.equal(page.data.length, 2);
      break;
    }
    const pages: number[] = [];
    const read = (async () => {
      for await (const page of client.octokit.paginate.iterator(client.octokit.rest.issues.listLabelsForRepo, labels)) pages.push(page.data.length);
    })();
    await loopError(read);
    assert.deepEqual(pages, [2]);
    assert.equal(fake.counters.total, 2);
  });

  it('still reads every page of a list that ends, with a map function and early exit', async () => {
    const { client } = makeClient(fake.url);
    const all = await client.octokit.paginate(client.octokit.rest.issues.listLabelsForRepo, labels);
    assert.deepEqual(all.map((l) => l.name), ['label-0', 'label-1', 'label-2', 'label-3', 'label-4']);
    const firstTwoPages = await client.octokit.paginate(client.octokit.rest.issues.listLabelsForRepo, labels, (r, done) => {
      if (r.data.some((l) => l.name === 'label-3')) done();
      return r.data.map((l) => l.name);
    });
    assert.deepEqual(firstTwoPages, ['label-0', 'label-1', 'label-2', 'label-3']);
  });

  it('never follows a next link to another host with the token', async () => {
    const foreign = await recordingListener();
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', link: `<${foreign.url}/repos/acme/api/labels?page=2>; rel="next"` }).end('[]');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    try {
      assert.ok(address && typeof address === 'object');
      const { client } = makeClient(`http://127.0.0.1:${address.port}`);
      const err = await client.octokit.paginate('GET /repos/{owner}/{repo}/labels', labels).then(() => undefined, (e: unknown) => e);
      assert.ok(isChangeControlError(err, 'github.server'), String(err));
      assert.match(err.message, /another host .*it was not sent/);
      assert.equal(foreign.requests.length, 0, 'the other host got nothing');
      assert.ok(!JSON.stringify(foreign.requests).includes(TOKEN));
    } finally {
      await foreign.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
