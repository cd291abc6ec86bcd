import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { buildChangeTree, renderChangeTreeText } from '../../../src/core/changeTree';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { assessReadiness } from '../../../src/core/readiness';
import { readChangeSnapshot } from '../../../src/app/changeStatus';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client';
import { removeDir, testEnv } from '../cli/cliHarness';
import { BRANCH, makeChange, REPO, type ChangeFixture } from './changeRepo';

describe('change status against the fake GitHub', function () {
  this.timeout(30_000);
  let fx: ChangeFixture;
  let client: GitHubClient;
  const [owner, repo] = REPO.split('/') as [string, string];

  beforeEach(async () => {
    fx = await makeChange();
    client = createGitHubClient({ baseUrl: fx.fake.url, token: 'ghp_test000000000000000000000000000000', tuning: { retries: 0, retryBaseMs: 1, requestTimeoutMs: 5000 } });
  });

  afterEach(async () => {
    await fx?.fake.stop();
    assert.deepEqual(fx?.fake.violations, [], 'the fake saw no contract violations');
    removeDir(fx?.dir);
  });

  const read = () => readChangeSnapshot(fx.root, { policy: defaultPolicy(), remote: 'origin', github: { octokit: client.octokit, repo: { owner, repo } } });

  it('reads a ready change: ticket, branch, commits, tests, review, checks and back-link', async () => {
    const snapshot = await read();
    const readiness = assessReadiness(snapshot);
    assert.deepEqual(readiness.blockers, []);
    assert.equal(readiness.ready, true);
    assert.equal(snapshot.ticket.details?.approved, true);
    assert.equal(snapshot.branch.unpushed, 0);
    assert.equal(snapshot.branch.baseRef, 'origin/main');
    assert.equal(snapshot.commits.length, 1);
    assert.ok(snapshot.github.status === 'ok' && snapshot.github.pullRequest);
    assert.equal(snapshot.github.pullRequest.ticketBackLink, true);
    assert.deepEqual(snapshot.github.pullRequest.checks.map((c) => [c.name, c.state]).sort(), [['build', 'passed'], ['ci/lint', 'passed']]);
    process.stdout.write(`\n      Ready change:\n${renderChangeTreeText(buildChangeTree(snapshot, readiness), '        ')}`);
  });

  it('answers a second refresh with nothing changed by 304s for every REST request, and one GraphQL request', async () => {
    await read();
    const first = client.requestLog.snapshot();
    const fakeFirst = { ...fx.fake.counters, byRoute: { ...fx.fake.counters.byRoute } };
    const pointsFirst = fx.fake.graphqlBudget.used;
    assert.equal(first.notModified, 0);
    await read();
    const second = client.requestLog.snapshot();
    const sent = second.requests - first.requests;
    const notModified = second.notModified - first.notModified;
    const graphql = (fx.fake.counters.byRoute['POST /graphql'] ?? 0) - (fakeFirst.byRoute['POST /graphql'] ?? 0);
    const rest = sent - graphql;
    assert.equal(graphql, 1, 'the review conversations cost one GraphQL request per refresh');
    assert.ok(rest >= 7, `expected every REST read again, got ${rest}`);
    assert.equal(notModified, rest, `all ${rest} REST requests of the second refresh should be 304s`);
    assert.equal(fx.fake.counters.notModified - fakeFirst.notModified, rest, 'the fake saw the same 304s');
    // GitHub does not count 304s against the REST limit; the GraphQL query costs 1 point of 5,000 an hour.
    const points = fx.fake.graphqlBudget.used - pointsFirst;
    assert.equal(points, 1);
    process.stdout.write(`      second refresh: ${rest} REST requests, ${notModified} answered 304 Not Modified (0 points); 1 GraphQL request, ${points} point\n`);
  });

  it('lists the open review conversations from GraphQL and blocks until they are resolved', async () => {
    const s = fx.fake.state;
    const open = s.addReviewThread(REPO, fx.prNumber, { path: 'src/audit.ts', line: 14, body: 'What happens when the log is empty?\nAn empty file?', user: 'erin' });
    const done = s.addReviewThread(REPO, fx.prNumber, { path: 'src/audit.ts', line: 3, body: 'Typo', user: 'erin' });
    s.resolveThread(REPO, fx.prNumber, done.id, 'octocat');
    const snapshot = await read();
    const readiness = assessReadiness(snapshot);
    assert.deepEqual(readiness.blockers, ['1 review conversation open']);
    const text = renderChangeTreeText(buildChangeTree(snapshot, readiness));
    assert.match(text, /Conversations — 1 open, 1 resolved\n\s+✗ src\/audit\.ts:14 — erin: What happens when the log is empty\? <http[^>]+#discussion_r\d+>\n/);
    s.resolveThread(REPO, fx.prNumber, open.id, 'octocat');
    const after = await read();
    assert.deepEqual(assessReadiness(after).blockers, []);
    assert.ok(after.github.status === 'ok' && after.github.pullRequest?.threads && !('status' in after.github.pullRequest.threads));
    assert.deepEqual(after.github.pullRequest.threads.map((t) => [t.path, t.line, t.isResolved, t.resolvedBy]), [['src/audit.ts', 14, true, 'octocat'], ['src/audit.ts', 3, true, 'octocat']]);
  });

  it('fails closed when GraphQL cannot answer', async () => {
    fx.fake.state.addReviewThread(REPO, fx.prNumber, { path: 'src/audit.ts', line: 1, body: 'Hm', user: 'erin' });
    fx.fake.inject({ method: 'POST', path: /^\/graphql$/, fault: { kind: 'status', status: 403, message: 'Resource not accessible by integration' } });
    const readiness = assessReadiness(await read());
    assert.equal(readiness.ready, false);
    assert.match(readiness.blockers.join('\n'), /^review conversations not checked: /m);
  });

  it('shows a review added on GitHub after the next refresh', async () => {
    assert.equal(assessReadiness(await read()).ready, true);
    fx.fake.state.addReview(REPO, fx.prNumber, { user: 'gus', state: 'CHANGES_REQUESTED' });
    fx.fake.state.addCheckRun(REPO, fx.headSha, { name: 'e2e', conclusion: 'failure' });
    const snapshot = await read();
    const readiness = assessReadiness(snapshot);
    assert.deepEqual(readiness.blockers, ['changes requested by gus', '1 check failing']);
    const reviewers = buildChangeTree(snapshot, readiness).find((n) => n.id === 'pr')?.children?.find((n) => n.id === 'pr/reviews')?.children;
    assert.deepEqual(reviewers?.map((r) => [r.label, r.description]), [['erin', 'approved'], ['gus', 'changes requested']]);
    process.stdout.write(`\n      Blocked change:\n${renderChangeTreeText(buildChangeTree(snapshot, readiness), '        ')}`);
  });

  it('counts only the latest review per reviewer and ignores dismissed ones', async () => {
    fx.fake.state.addReview(REPO, fx.prNumber, { user: 'erin', state: 'DISMISSED' });
    const readiness = assessReadiness(await read());
    assert.deepEqual(readiness.blockers, ['needs 1 more approval']);
  });

  it('reports no pull request yet and a missing back-link', async () => {
    const pr = fx.fake.state.pull(REPO, fx.prNumber);
    pr.head.ref = 'elsewhere';
    let readiness = assessReadiness(await read());
    assert.deepEqual(readiness.blockers, ['no pull request yet']);
    pr.head.ref = 'feature/1-audit-log';
    fx.fake.state.issue(REPO, 1).comments.length = 0;
    readiness = assessReadiness(await read());
    assert.deepEqual(readiness.blockers, ['ticket does not link to the pull request']);
  });

  it('finds the back-link past the first page of a busy ticket', async () => {
    const comments = fx.fake.state.issue(REPO, 1).comments;
    const link = comments.splice(0)[0]!;
    for (let i = 1; i <= 120; i++) fx.fake.state.addComment(REPO, 1, `Discussion ${i}`, 'pm');
    comments.push(link);
    const snapshot = await read();
    assert.ok(snapshot.github.status === 'ok' && snapshot.github.pullRequest?.ticketBackLink === true);
  });

  it('says a ticket that does not exist on GitHub was not found', async () => {
    execFileSync('git', ['config', `branch.${BRANCH}.changeTicket`, '#99'], { cwd: fx.root, env: testEnv });
    const snapshot = await read();
    assert.equal(snapshot.ticket.lookup?.status, 'notFound');
    assert.ok(assessReadiness(snapshot).blockers.includes('ticket #99 not found'));
  });

  it('turns a GitHub failure into an error section, keeping the local sections', async () => {
    fx.fake.inject({ path: /\/pulls$/, fault: { kind: 'status', status: 500 }, times: 5 });
    const snapshot = await read();
    assert.equal(snapshot.github.status, 'error');
    assert.equal(snapshot.commits.length, 1);
    assert.equal(assessReadiness(snapshot).ready, false);
  });
});
