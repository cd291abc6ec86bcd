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

  it('answers a second refresh with nothing changed by 304s only', async () => {
    await read();
    const first = client.requestLog.snapshot();
    const fakeFirst = { ...fx.fake.counters };
    assert.equal(first.notModified, 0);
    await read();
    const second = client.requestLog.snapshot();
    const sent = second.requests - first.requests;
    const notModified = second.notModified - first.notModified;
    assert.ok(sent >= 7, `expected every GitHub read again, got ${sent}`);
    assert.equal(notModified, sent, `all ${sent} requests of the second refresh should be 304s`);
    assert.equal(fx.fake.counters.notModified - fakeFirst.notModified, sent, 'the fake saw the same 304s');
    process.stdout.write(`      second refresh: ${sent} requests, ${notModified} answered 304 Not Modified\n`);
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
