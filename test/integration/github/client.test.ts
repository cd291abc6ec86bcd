import assert from 'node:assert/strict';
import { ChangeControlError, describeError, type ErrorCode } from '../../../src/core/errors';
import { createGitHubClient } from '../../../src/github/client';
import { EtagCache } from '../../../src/github/etagCache';
import { FakeGitHub } from '../../github-fake';
import { TOKEN, makeClient } from './helpers';

const R = { owner: 'acme', repo: 'api' };

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, message: RegExp): Promise<ChangeControlError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ChangeControlError, `expected ChangeControlError, got ${String(err)}`);
    assert.equal(err.code, code, describeError(err));
    assert.match(describeError(err), message);
    assert.doesNotMatch(`${describeError(err)} ${JSON.stringify(err.detail ?? {})}`, new RegExp(TOKEN));
    return err;
  }
  assert.fail(`expected ${code}`);
}

describe('GitHub client against the fake GitHub', function () {
  this.timeout(20_000);
  let fake: FakeGitHub;

  before(() => {
    FakeGitHub.warmUp();
  });

  beforeEach(async () => {
    fake = await new FakeGitHub().start();
    fake.state.addRepo('acme/api');
    fake.state.addLabel('acme/api', 'Approved', { color: '0e8a16', description: 'Change approved' });
  });

  afterEach(async () => {
    const violations = [...fake.violations];
    await fake.stop();
    assert.deepEqual(violations, [], 'the fake saw contract violations');
  });

  it('pages issues through Link headers and counts every request', async () => {
    for (let i = 1; i <= 5; i++) fake.state.addIssue('acme/api', { title: `Ticket ${i}`, assignees: i % 2 ? ['octocat'] : [] });
    const { client } = makeClient(fake.url);
    const issues = await client.octokit.paginate(client.octokit.rest.issues.listForRepo, { ...R, state: 'open', per_page: 2 });
    assert.deepEqual(issues.map((i) => i.title).sort(), ['Ticket 1', 'Ticket 2', 'Ticket 3', 'Ticket 4', 'Ticket 5']);
    const mine = await client.octokit.rest.issues.listForRepo({ ...R, assignee: 'octocat' });
    assert.equal(mine.data.length, 3);
    assert.equal(fake.counters.byRoute['GET /repos/{owner}/{repo}/issues'], 4);
    assert.equal(client.requestLog.snapshot().requests, 4);
    // octokit.paginate requests absolute URLs: logged by path, never with the query.
    assert.deepEqual(client.requestLog.snapshot().byRoute, { 'GET /repos/acme/api/issues': 3, 'GET /repos/{owner}/{repo}/issues': 1 });
  });

  it('answers a repeated GET from the ETag cache (304) and sees later changes', async () => {
    const issue = fake.state.addIssue('acme/api', { title: 'Add audit log' });
    const { client } = makeClient(fake.url);
    const first = await client.octokit.rest.issues.get({ ...R, issue_number: issue.number });
    const second = await client.octokit.rest.issues.get({ ...R, issue_number: issue.number });
    assert.deepEqual(second.data, first.data);
    assert.equal(fake.counters.notModified, 1);
    assert.equal(client.requestLog.snapshot().notModified, 1);
    fake.state.labelIssue('acme/api', issue.number, 'Approved', 'lead');
    const third = await client.octokit.rest.issues.get({ ...R, issue_number: issue.number });
    assert.deepEqual(third.data.labels.map((l) => (typeof l === 'string' ? l : l.name)), ['Approved']);
    assert.equal(fake.counters.notModified, 1);
    const events = await client.octokit.rest.issues.listEvents({ ...R, issue_number: issue.number });
    const labeled = events.data.find((e) => e.event === 'labeled');
    assert.ok(labeled && 'label' in labeled);
    assert.equal(labeled.actor?.login, 'lead');
    assert.ok(labeled.created_at);
  });

  it('shows reviews added between polls and reports merge fields', async () => {
    const pull = fake.state.addPull('acme/api', { head: 'feature/audit', base: 'main', title: 'Add audit log', user: 'dev' });
    const { client } = makeClient(fake.url);
    const before = await client.octokit.rest.pulls.listReviews({ ...R, pull_number: pull.number });
    assert.equal(before.data.length, 0);
    fake.state.addReview('acme/api', pull.number, { user: 'lead', state: 'APPROVED' });
    const after = await client.octokit.rest.pulls.listReviews({ ...R, pull_number: pull.number });
    assert.deepEqual(after.data.map((r) => [r.user?.login, r.state]), [['lead', 'APPROVED']]);
    fake.state.mergePull('acme/api', pull.number, 'lead');
    const merged = await client.octokit.rest.pulls.get({ ...R, pull_number: pull.number });
    assert.equal(merged.data.merged, true);
    assert.equal(merged.data.merged_by?.login, 'lead');
    assert.match(merged.data.merge_commit_sha ?? '', /^[0-9a-f]{40}$/);
    fake.state.setStatus('acme/api', 'feature/audit', { context: 'ci/build', state: 'success' });
    fake.state.addCheckRun('acme/api', 'feature/audit', { name: 'test', conclusion: 'failure' });
    const status = await client.octokit.rest.repos.getCombinedStatusForRef({ ...R, ref: 'feature/audit' });
    assert.equal(status.data.state, 'success');
    const checks = await client.octokit.rest.checks.listForRef({ ...R, ref: 'feature/audit' });
    assert.deepEqual(checks.data.check_runs.map((c) => [c.name, c.conclusion]), [['test', 'failure']]);
  });

  it('translates 401 into "sign in" and never logs the token', async () => {
    fake.state.tokens.set('ghp_someoneElse000000000000000000000000', 'other');
    const { client, logger } = makeClient(fake.url);
    const err = await rejectsWith(client.octokit.rest.users.getAuthenticated(), 'github.unauthorized', /Sign in to GitHub/);
    assert.equal(err.detail?.status, 401);
    assert.ok(logger.lines.length > 0);
    assert.doesNotMatch(logger.lines.join('\n'), new RegExp(TOKEN));
  });

  it('says "not signed in" without sending anything when there is no token', async () => {
    const client = createGitHubClient({ baseUrl: fake.url, token: async () => undefined });
    await rejectsWith(client.octokit.rest.issues.listForRepo(R), 'github.unauthorized', /not signed in to GitHub\. Sign in to GitHub/);
    assert.equal(fake.counters.total, 0);
  });

  it('scrubs the token when GitHub echoes it in an error', async () => {
    fake.inject({ path: /^\/user$/, fault: { kind: 'status', status: 403, message: `Token ${TOKEN} lacks the repo scope` } });
    const { client, logger } = makeClient(fake.url);
    const err = await rejectsWith(client.octokit.rest.users.getAuthenticated(), 'github.forbidden', /refused the request \(403\)/);
    assert.match(err.message, /\[REDACTED\] lacks the repo scope/);
    assert.doesNotMatch(logger.lines.join('\n'), new RegExp(TOKEN));
  });

  it('waits out a short primary rate limit, then succeeds', async () => {
    fake.inject({ path: /^\/repos\/acme\/api$/, fault: { kind: 'rateLimit', resetInSeconds: 1 } });
    const { client, logger } = makeClient(fake.url);
    const repo = await client.octokit.rest.repos.get(R);
    assert.equal(repo.data.full_name, 'acme/api');
    assert.equal(fake.counters.byRoute['GET /repos/{owner}/{repo}'], 2);
    assert.match(logger.lines.join('\n'), /rate limit hit on GET \/repos\/\{owner\}\/\{repo\}; retrying in \d+ s/);
  });

  it('reports a long primary rate limit with its reset time instead of waiting', async () => {
    fake.inject({ path: /^\/repos\/acme\/api$/, fault: { kind: 'rateLimit', status: 429, resetInSeconds: 1800 } });
    const { client } = makeClient(fake.url);
    await rejectsWith(client.octokit.rest.repos.get(R), 'github.rateLimited', /rate limit is used up; it resets at .* \(in (29|30) minutes\)/);
    assert.equal(fake.counters.total, 1);
  });

  it('retries after a secondary rate limit, and reports it when it persists', async () => {
    fake.inject({ method: 'POST', path: /\/comments$/, fault: { kind: 'secondaryRateLimit', retryAfterSeconds: 1 } });
    const issue = fake.state.addIssue('acme/api', { title: 'T' });
    const { client, logger } = makeClient(fake.url);
    await client.octokit.rest.issues.createComment({ ...R, issue_number: issue.number, body: 'Pull request: #2' });
    assert.equal(fake.state.issue('acme/api', issue.number).comments.length, 1);
    assert.match(logger.lines.join('\n'), /secondary rate limit hit/);
    fake.inject({ method: 'POST', path: /\/comments$/, times: 5, fault: { kind: 'secondaryRateLimit', retryAfterSeconds: 1 } });
    await rejectsWith(client.octokit.rest.issues.createComment({ ...R, issue_number: issue.number, body: 'again' }), 'github.rateLimited', /secondary rate limit.*Wait 1 seconds/);
    assert.equal(fake.state.issue('acme/api', issue.number).comments.length, 1);
  });

  it('names the missing repository or issue on 404', async () => {
    const { client } = makeClient(fake.url);
    await rejectsWith(client.octokit.rest.repos.get({ owner: 'acme', repo: 'nope' }), 'github.notFound', /repository acme\/nope/);
    await rejectsWith(client.octokit.rest.issues.get({ ...R, issue_number: 99 }), 'github.notFound', /issue #99 in acme\/api/);
  });

  it('surfaces GitHub validation messages (422)', async () => {
    const { client } = makeClient(fake.url);
    const pr = await client.octokit.rest.pulls.create({ ...R, head: 'feature/x', base: 'main', title: 'Add X' });
    await rejectsWith(client.octokit.rest.pulls.create({ ...R, head: 'feature/x', base: 'main', title: 'Add X' }), 'github.validation', /A pull request already exists for acme:feature\/x.*Open the existing pull request/);
    fake.state.setCommitsBetween('acme/api', 'main', 'feature/empty', []);
    await rejectsWith(client.octokit.rest.pulls.create({ ...R, head: 'feature/empty', base: 'main', title: 'Empty' }), 'github.validation', /No commits between main and feature\/empty/);
    await rejectsWith(client.octokit.rest.pulls.requestReviewers({ ...R, pull_number: pr.data.number, reviewers: ['octocat'] }), 'github.validation', /Review cannot be requested from pull request author/);
    await client.octokit.rest.pulls.requestReviewers({ ...R, pull_number: pr.data.number, reviewers: ['lead'] });
    const requested = await client.octokit.rest.pulls.listRequestedReviewers({ ...R, pull_number: pr.data.number });
    assert.deepEqual(requested.data.users.map((u) => u.login), ['lead']);
    const found = await client.octokit.rest.pulls.list({ ...R, head: 'acme:feature/x', state: 'open' });
    assert.deepEqual(found.data.map((p) => p.number), [pr.data.number]);
  });

  it('retries 5xx then succeeds, and reports a server error after the retries', async () => {
    fake.inject({ path: /^\/user$/, times: 2, fault: { kind: 'status', status: 502 } });
    const { client } = makeClient(fake.url);
    const me = await client.octokit.rest.users.getAuthenticated();
    assert.equal(me.data.login, 'octocat');
    assert.equal(fake.counters.byRoute['GET /user'], 3);
    fake.inject({ path: /^\/user$/, times: 10, fault: { kind: 'status', status: 503 } });
    await rejectsWith(client.octokit.rest.users.getAuthenticated(), 'github.server', /server error \(503\), even after retrying/);
    assert.equal(fake.counters.byRoute['GET /user'], 6);
  });

  it('retries a reset connection, and reports a network error when it persists', async () => {
    fake.inject({ path: /^\/user$/, fault: { kind: 'reset' } });
    const { client } = makeClient(fake.url);
    assert.equal((await client.octokit.rest.users.getAuthenticated()).data.login, 'octocat');
    fake.inject({ path: /^\/user$/, times: 10, fault: { kind: 'reset' } });
    await rejectsWith(client.octokit.rest.users.getAuthenticated(), 'github.network', /could not be reached/);
    assert.ok(client.requestLog.snapshot().failed >= 4);
  });

  it('times out a request the server never answers', async () => {
    fake.inject({ path: /^\/user$/, times: 10, fault: { kind: 'hang' } });
    const { client } = makeClient(fake.url, { requestTimeoutMs: 150, retries: 1 });
    const started = Date.now();
    await rejectsWith(client.octokit.rest.users.getAuthenticated(), 'github.timeout', /did not answer in time/);
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 300 && elapsed < 5000, `took ${elapsed} ms`);
    assert.equal(fake.requests.filter((r) => r.status === 'hang').length, 2);
  });

  it('never retries a write that timed out or lost its connection', async () => {
    const issue = fake.state.addIssue('acme/api', { title: 'T' });
    fake.inject({ method: 'POST', path: /\/comments$/, times: 1, fault: { kind: 'hang' } });
    const { client } = makeClient(fake.url, { requestTimeoutMs: 150, retries: 2 });
    const timedOut = await rejectsWith(client.octokit.rest.issues.createComment({ ...R, issue_number: issue.number, body: 'x' }), 'github.timeout', /did not answer a change in time; it was not retried.*Check on GitHub/);
    assert.equal(timedOut.detail?.interruptedWrite, true);
    assert.equal(fake.requests.filter((r) => r.status === 'hang').length, 1);
    fake.inject({ method: 'POST', path: /\/comments$/, times: 1, fault: { kind: 'reset' } });
    await rejectsWith(client.octokit.rest.issues.createComment({ ...R, issue_number: issue.number, body: 'x' }), 'github.network', /connection to GitHub dropped during a change/);
    assert.equal(fake.requests.filter((r) => r.status === 'reset').length, 1);
    assert.equal(fake.state.issue('acme/api', issue.number).comments.length, 0, 'no retry posted it behind our back');
  });

  it('reports no network when nothing listens', async () => {
    const closed = await new FakeGitHub().start();
    const url = closed.url;
    await closed.stop();
    const { client } = makeClient(url, { retries: 0 });
    await rejectsWith(client.octokit.rest.users.getAuthenticated(), 'github.network', /ECONNREFUSED/);
  });

  it('honours a caller cancellation signal', async () => {
    fake.inject({ path: /^\/user$/, fault: { kind: 'hang' } });
    const { client } = makeClient(fake.url);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await rejectsWith(client.octokit.rest.users.getAuthenticated({ request: { signal: controller.signal } }), 'cancelled', /cancelled/);
  });
});

describe('fake GitHub contract validation', function () {
  this.timeout(20_000);

  it('records a request that breaks the contract as a violation', async () => {
    const fake = await new FakeGitHub().start();
    try {
      fake.state.addRepo('acme/api');
      const post = await fetch(`${fake.url}/repos/acme/api/pulls`, { method: 'POST', headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'no head', base: 7 }) });
      assert.equal(post.status, 422);
      const query = await fetch(`${fake.url}/repos/acme/api/issues?per_page=many&colour=red`, { headers: { authorization: `token ${TOKEN}` } });
      assert.equal(query.status, 422);
      const unknown = await fetch(`${fake.url}/repos/acme/api/branches`, { headers: { authorization: `token ${TOKEN}` } });
      assert.equal(unknown.status, 404);
      const text = fake.violations.join('\n');
      assert.match(text, /POST \/repos\/\{owner\}\/\{repo\}\/pulls request body: \(root\) must have required property 'head'/);
      assert.match(text, /request body: \/base must be string/);
      assert.match(text, /query parameter per_page: \(root\) must be integer/);
      assert.match(text, /query parameter "colour" is not in the contract/);
      assert.match(text, /GET \/repos\/acme\/api\/branches: not an operation of the contract subset/);
    } finally {
      await fake.stop();
    }
  });

  it('records a response that breaks the contract as a violation', async () => {
    const fake = await new FakeGitHub().start();
    try {
      fake.state.addRepo('acme/api');
      // State the types forbid (a numeric title) must come out as a response violation.
      const pull = fake.state.addPull('acme/api', { head: 'feature/x', title: 'X' });
      (pull as { title: unknown }).title = 42;
      await fetch(`${fake.url}/repos/acme/api/pulls/${pull.number}`, { headers: { authorization: `token ${TOKEN}` } });
      assert.match(fake.violations.join('\n'), /GET \/repos\/\{owner\}\/\{repo\}\/pulls\/\{pull_number\} response 200: \/title must be string/);
    } finally {
      await fake.stop();
    }
  });
});

describe('GitHub client ETag cache', function () {
  this.timeout(20_000);

  it('never serves one token’s cached data to another token', async () => {
    const fake = await new FakeGitHub().start();
    try {
      fake.state.tokens.set('ghp_first000000000000000000000000000000', 'first');
      fake.state.tokens.set('ghp_second00000000000000000000000000000', 'second');
      const cache = new EtagCache();
      const a = createGitHubClient({ baseUrl: fake.url, token: 'ghp_first000000000000000000000000000000', cache });
      const b = createGitHubClient({ baseUrl: fake.url, token: 'ghp_second00000000000000000000000000000', cache });
      assert.equal((await a.octokit.rest.users.getAuthenticated()).data.login, 'first');
      assert.equal((await b.octokit.rest.users.getAuthenticated()).data.login, 'second');
      assert.equal((await a.octokit.rest.users.getAuthenticated()).data.login, 'first');
      assert.equal(fake.counters.notModified, 1);
      assert.equal(cache.size, 2);
      assert.deepEqual(fake.violations, []);
    } finally {
      await fake.stop();
    }
  });
});

describe('fake GitHub under the Enterprise Server layout', function () {
  this.timeout(20_000);

  it('serves /api/v3 with URLs that stay under it', async () => {
    const fake = await new FakeGitHub().start();
    try {
      fake.state.addRepo('team/svc');
      const client = createGitHubClient({ baseUrl: `${fake.url}/api/v3`, token: 'ghp_enterprise0000000000000000000000000' });
      const { data } = await client.octokit.rest.repos.get({ owner: 'team', repo: 'svc' });
      assert.equal(data.url, `${fake.url}/api/v3/repos/team/svc`);
      assert.deepEqual(fake.violations, []);
    } finally {
      await fake.stop();
    }
  });
});
