/**
 * The fake GitHub's GraphQL endpoint: it validates every query against
 * GitHub's published schema (a wrong field or argument type is a violation
 * and a GitHub-shaped error), answers from the same state as REST with
 * cursor pagination, states the cost in rate-limit points, and the real
 * client's `octokit.graphql` reaches it at the client's baseUrl (github.com
 * and Enterprise Server layouts).
 */
import assert from 'node:assert/strict';
import { FakeGitHub } from '../../github-fake';
import { makeClient } from './helpers';

const REPO = 'acme/api';

const THREADS = `query Threads($owner: String!, $name: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      headRefOid
      reviewThreads(first: 2, after: $after) {
        nodes {
          id isResolved isOutdated path line originalLine
          resolvedBy { login }
          comments(first: 5) { nodes { author { login } body createdAt url } }
        }
        pageInfo { hasNextPage endCursor }
      }
      latestReviews(first: 10) { nodes { author { login } state commit { oid } } }
    }
  }
  rateLimit { cost remaining resetAt }
}`;

interface ThreadsAnswer {
  repository: { pullRequest: {
    headRefOid: string;
    reviewThreads: { nodes: { id: string; isResolved: boolean; isOutdated: boolean; path: string; line: number | null; originalLine: number | null; resolvedBy: { login: string } | null; comments: { nodes: { author: { login: string }; body: string; createdAt: string; url: string }[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    latestReviews: { nodes: { author: { login: string }; state: string; commit: { oid: string } }[] };
  } };
  rateLimit: { cost: number; remaining: number; resetAt: string };
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; type?: string; locations?: unknown[] }[] } }> {
  const res = await fetch(url, { method: 'POST', headers: { authorization: 'token ghp_test', 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as never };
}

describe('fake GitHub GraphQL endpoint', function () {
  this.timeout(30_000);
  let fake: FakeGitHub;
  let pr: number;
  let olderSha: string;

  before(() => FakeGitHub.warmUp());

  beforeEach(async () => {
    fake = await new FakeGitHub().start();
    const s = fake.state;
    s.setTime('2025-03-01T10:00:00Z');
    s.addRepo(REPO);
    const older = s.commit('Add the audit log', 'dana-dev');
    olderSha = older.sha;
    const pull = s.addPull(REPO, { head: 'feature/12-audit', title: 'Add the audit log (#12)', user: 'dana-dev', commits: [older, s.commit('Fix the review remarks', 'dana-dev')] });
    pr = pull.number;
    s.addReview(REPO, pr, { user: 'erin', state: 'COMMENTED', commitId: older.sha });
    s.addReview(REPO, pr, { user: 'erin', state: 'APPROVED', commitId: older.sha });
    const open = s.addReviewThread(REPO, pr, { path: 'src/audit.ts', line: 14, body: 'Handle the empty log?', user: 'erin' });
    s.replyToThread(REPO, pr, open.id, 'Good point, will do.', 'dana-dev');
    const done = s.addReviewThread(REPO, pr, { path: 'src/audit.ts', line: 3, body: 'Typo in the name', user: 'erin' });
    s.resolveThread(REPO, pr, done.id, 'dana-dev');
    s.addReviewThread(REPO, pr, { path: 'README.md', line: 8, body: 'Old remark', user: 'riley', outdated: true });
  });

  afterEach(async () => {
    await fake.stop();
  });

  it('answers a valid query from the same state as REST, with cursor pagination and its cost', async () => {
    const first = await post(`${fake.url}/graphql`, THREADS, { owner: 'acme', name: 'api', number: pr });
    assert.equal(first.status, 200);
    assert.equal(first.body.errors, undefined);
    const data = first.body.data as ThreadsAnswer;
    const pull = data.repository.pullRequest;
    assert.equal(pull.headRefOid, fake.state.pull(REPO, pr).head.sha);
    assert.deepEqual(pull.reviewThreads.nodes.map((t) => [t.path, t.line, t.isResolved, t.resolvedBy?.login ?? null]), [['src/audit.ts', 14, false, null], ['src/audit.ts', 3, true, 'dana-dev']]);
    assert.deepEqual(pull.reviewThreads.nodes[0]?.comments.nodes.map((c) => [c.author.login, c.body]), [['erin', 'Handle the empty log?'], ['dana-dev', 'Good point, will do.']]);
    assert.equal(pull.reviewThreads.nodes[0]?.comments.nodes[0]?.createdAt, '2025-03-01T10:00:00Z');
    assert.match(pull.reviewThreads.nodes[0]?.comments.nodes[0]?.url ?? '', /\/acme\/api\/pull\/\d+#discussion_r\d+$/);
    assert.deepEqual(pull.latestReviews.nodes.map((r) => [r.author.login, r.state, r.commit.oid]), [['erin', 'APPROVED', olderSha]]);
    assert.equal(pull.reviewThreads.pageInfo.hasNextPage, true);
    // Only the fields asked for: no extra keys in the answer.
    assert.deepEqual(Object.keys(pull).sort(), ['headRefOid', 'latestReviews', 'reviewThreads']);
    // GitHub's cost formula: 1 (reviewThreads) + 2 (comments per thread) + 1 (latestReviews) = 4 requests → 1 point.
    assert.equal(data.rateLimit.cost, 1);
    assert.equal(data.rateLimit.remaining, 4999);

    const second = await post(`${fake.url}/api/graphql`, THREADS, { owner: 'acme', name: 'api', number: pr, after: pull.reviewThreads.pageInfo.endCursor });
    const page2 = (second.body.data as ThreadsAnswer).repository.pullRequest.reviewThreads;
    assert.deepEqual(page2.nodes.map((t) => [t.path, t.isOutdated, t.line, t.originalLine]), [['README.md', true, null, 8]]);
    assert.equal(page2.pageInfo.hasNextPage, false);
    assert.equal((second.body.data as ThreadsAnswer).rateLimit.remaining, 4998);
    assert.deepEqual(fake.violations, []);
  });

  it('follows state changes between requests (a thread resolved later shows resolved)', async () => {
    const [open] = fake.state.pull(REPO, pr).threads;
    fake.state.resolveThread(REPO, pr, open?.id ?? 0, 'erin');
    const answer = await post(`${fake.url}/graphql`, THREADS, { owner: 'acme', name: 'api', number: pr });
    const nodes = (answer.body.data as ThreadsAnswer).repository.pullRequest.reviewThreads.nodes;
    assert.deepEqual([nodes[0]?.isResolved, nodes[0]?.resolvedBy?.login], [true, 'erin']);
    assert.deepEqual(fake.violations, []);
  });

  it('rejects a field the schema does not have, with a GitHub-shaped error and a violation', async () => {
    const answer = await post(`${fake.url}/graphql`, 'query { repository(owner: "acme", name: "api") { pullRequest(number: 1) { reviewThreads(first: 1) { nodes { isResolvd } } } } }');
    assert.equal(answer.status, 200);
    assert.equal(answer.body.data, undefined);
    assert.match(answer.body.errors?.[0]?.message ?? '', /Cannot query field "isResolvd" on type "PullRequestReviewThread"/);
    assert.ok(answer.body.errors?.[0]?.locations);
    assert.equal(fake.violations.length, 1);
    assert.match(fake.violations[0] ?? '', /GraphQL query invalid: Cannot query field "isResolvd"/);
    fake.violations.length = 0;
  });

  it('rejects an argument of the wrong type, and a connection without first or last', async () => {
    const wrongType = await post(`${fake.url}/graphql`, 'query { repository(owner: "acme", name: "api") { pullRequest(number: "1") { headRefOid } } }');
    assert.match(wrongType.body.errors?.[0]?.message ?? '', /Int cannot represent non-integer value: "1"/);
    const unbounded = await post(`${fake.url}/graphql`, 'query { repository(owner: "acme", name: "api") { pullRequest(number: 1) { reviewThreads { totalCount } } } }');
    assert.equal(unbounded.body.errors?.[0]?.type, 'MISSING_PAGINATION_BOUNDARIES');
    const tooMany = await post(`${fake.url}/graphql`, 'query { repository(owner: "acme", name: "api") { pullRequest(number: 1) { reviewThreads(first: 101) { totalCount } } } }');
    assert.equal(tooMany.body.errors?.[0]?.type, 'EXCESSIVE_PAGINATION');
    assert.equal(fake.violations.length, 3);
    fake.violations.length = 0;
  });

  it('answers NOT_FOUND for an unknown pull request without a violation (a valid question)', async () => {
    const answer = await post(`${fake.url}/graphql`, 'query { repository(owner: "acme", name: "api") { pullRequest(number: 99) { headRefOid } } }');
    assert.equal(answer.body.errors?.[0]?.type, 'NOT_FOUND');
    assert.deepEqual(answer.body.data, { repository: { pullRequest: null } });
    assert.deepEqual(fake.violations, []);
  });

  it('reports a schema field the fake does not model instead of a silent null', async () => {
    await post(`${fake.url}/graphql`, 'query { repository(owner: "acme", name: "api") { forkCount } }');
    assert.equal(fake.violations[0], 'GraphQL: the fake does not implement Repository.forkCount (add it to test/github-fake/graphqlModel.ts)');
    fake.violations.length = 0;
  });

  for (const layout of ['github.com', 'Enterprise Server'] as const) {
    it(`is reachable with the real client's octokit.graphql at its baseUrl (${layout})`, async () => {
      const { client } = makeClient(layout === 'github.com' ? fake.url : `${fake.url}/api/v3`);
      const data = await client.octokit.graphql<ThreadsAnswer>(THREADS, { owner: 'acme', name: 'api', number: pr });
      assert.equal(data.repository.pullRequest.reviewThreads.nodes.length, 2);
      assert.equal(data.rateLimit.cost, 1);
      assert.deepEqual(fake.requests.map((r) => [r.method, r.path, r.status]), [['POST', '/graphql', 200]]);
      await assert.rejects(client.octokit.graphql('query { viewer { loginn } }'), /Cannot query field "loginn" on type "User"/);
      assert.equal(fake.violations.length, 1);
      fake.violations.length = 0;
    });
  }
});
