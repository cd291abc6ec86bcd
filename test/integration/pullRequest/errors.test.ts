import { strict as assert } from 'node:assert';
import { main } from '../../../src/cli/main';
import { describeError, isChangeControlError, type ChangeControlError } from '../../../src/core/errors';
import { connectGitHub } from '../../../src/app/connect';
import { git } from '../startChange/repos';
import { FAST, open, prepare, REPO, setUp, startAndCommit, TOKEN, type Env } from './harness';

/** Everything a user or a log could see of an error. */
function visible(err: unknown): string {
  const e = err as ChangeControlError;
  return [describeError(err), e.hint ?? '', JSON.stringify(e.detail ?? {}), e.stack ?? ''].join('\n');
}

function expectCode(code: string, pattern: RegExp): (err: unknown) => boolean {
  return (err) => {
    assert.ok(isChangeControlError(err), `a ChangeControlError, got ${String(err)}`);
    assert.equal(err.code, code, describeError(err));
    assert.match(describeError(err), pattern);
    assert.ok(!visible(err).includes(TOKEN), 'the token never appears in an error');
    return true;
  };
}

describe('Open Pull Request errors (fake GitHub faults)', () => {
  let env: Env;
  let branch: string;
  beforeEach(async () => {
    env = await setUp();
    branch = await startAndCommit(env, '#1', 'Export the audit log as CSV');
  });
  afterEach(async () => {
    assert.deepEqual(env.fake.violations, []);
    assert.ok(!env.logs.join('\n').includes(TOKEN), 'the token never appears in the log');
    await env.dispose();
  });

  const pushedOnRemote = (): boolean => git(env.fx.remote, ['branch', '--list', branch]).trim() !== '';

  it('401: says to sign in, and nothing was pushed or sent', async () => {
    env.fake.inject({ method: 'GET', path: /\/issues\/1$/, fault: { kind: 'status', status: 401, message: 'Bad credentials' } });
    await assert.rejects(prepare(env), expectCode('github.unauthorized', /did not accept your credentials \(401\)\. Sign in to GitHub/));
    assert.equal(pushedOnRemote(), false);
    assert.equal(env.posts().length, 0);
  });

  it('403 without permission while creating: says what is already done', async () => {
    env.fake.inject({ method: 'POST', path: /\/pulls$/, fault: { kind: 'status', status: 403, message: 'Resource not accessible by integration' } });
    await assert.rejects(open(env, await prepare(env)), expectCode('github.forbidden', /failed while creating the pull request: GitHub refused the request \(403\).*Already done: pushed feature\/1-export-the-audit-log-as-csv\. Ask for access/));
    assert.equal(pushedOnRemote(), true, 'the push that happened is reported, not undone');
    assert.equal(env.pulls().length, 0);
  });

  it('rate limit: says when it resets', async () => {
    env.fake.inject({ method: 'GET', path: /\/pulls$/, times: 5, fault: { kind: 'rateLimit', resetInSeconds: 3600 } });
    await assert.rejects(open(env, await prepare(env)), expectCode('github.rateLimited', /rate limit is used up; it resets at .*\(in \d+ minutes\)\. Already done: pushed/));
  });

  it('secondary rate limit: says how long to wait, nothing created', async () => {
    env.fake.inject({ method: 'POST', path: /\/pulls$/, times: 5, fault: { kind: 'secondaryRateLimit', retryAfterSeconds: 120 } });
    await assert.rejects(open(env, await prepare(env)), expectCode('github.rateLimited', /secondary rate limit.*Already done: pushed .*Wait 120 seconds/));
    assert.equal(env.pulls().length, 0);
  });

  it('404 ticket: a pre-flight blocker, not a crash; 404 repository: says to check access', async () => {
    git(env.fx.work, ['config', `branch.${branch}.changeTicket`, '#404']);
    const prepared = await prepare(env);
    assert.match(prepared.preflight.blockers[0]!.message, /Ticket #404 was not found in the tracker/);
    git(env.fx.work, ['config', `branch.${branch}.changeTicket`, '#1']);
    env.fake.inject({ method: 'GET', path: /\/pulls$/, fault: { kind: 'status', status: 404, message: 'Not Found' } });
    await assert.rejects(open(env, await prepare(env)), expectCode('github.notFound', /could not find repository acme\/app .*\(404\).*Check the name/));
  });

  it('422 PR already exists (created meanwhile): uses it instead of failing or duplicating', async () => {
    const prepared = await prepare(env);
    let colleague: number | undefined;
    // A colleague opens the PR for this branch right after our look-up found none.
    env.github.octokit.hook.after('request', (_response, options) => {
      if (options.method === 'GET' && String(options.url).endsWith('/pulls') && colleague === undefined) {
        colleague = env.fake.state.addPull(REPO, { head: branch, title: 'Opened meanwhile', user: 'alice' }).number;
      }
    });
    const result = await open(env, prepared);
    assert.equal(result.pr.number, colleague);
    assert.equal(result.created, false);
    assert.equal(env.pulls().length, 1);
    assert.equal(env.comments(1).length, 1);
  });

  it('422 no commits between the branches: says to commit', async () => {
    env.fake.state.setCommitsBetween(REPO, 'main', branch, []);
    await assert.rejects(open(env, await prepare(env)), expectCode('github.validation', /GitHub sees no commits between main and feature\/1-export.*Commit your change/));
  });

  it('422 reviewer is the author: skipped with a warning before GitHub refuses', async () => {
    const result = await open(env, await prepare(env), { reviewers: ['DEV'] });
    assert.deepEqual(result.reviewers.skipped, [{ reviewer: 'DEV', reason: 'is the author and cannot review their own pull request' }]);
    assert.equal(env.fake.requests.filter((r) => r.path.endsWith('/requested_reviewers')).length, 0);
    assert.match(env.logs.join('\n'), /\[warn\] Reviewer DEV is the author/);
  });

  it('does not ask someone who already reviewed the open pull request again', async () => {
    const first = await open(env, await prepare(env));
    env.fake.state.addReview(REPO, first.pr.number, { user: 'alice', state: 'APPROVED' });
    assert.deepEqual(env.fake.state.pull(REPO, first.pr.number).requestedReviewers, [], 'reviewing left the requested list');
    const posts = env.posts().length;
    const again = await open(env, await prepare(env));
    assert.deepEqual(again.reviewers.skipped.map((s) => `${s.reviewer} ${s.reason}`), ['dev is the author and cannot review their own pull request', 'alice has already reviewed']);
    assert.equal(env.posts().length, posts, 'no POST: alice is not re-requested');
  });

  it('5xx while linking the ticket: reports what is done; a re-run finishes without duplicates', async () => {
    env.fake.inject({ method: 'POST', path: /\/comments$/, times: 3, fault: { kind: 'status', status: 502, message: 'Bad Gateway' } });
    await assert.rejects(open(env, await prepare(env)), expectCode('github.server', /failed while linking the pull request from the ticket: GitHub had a server error \(502\), even after retrying\..*Already done: pushed .*, PR #\d+ created, reviewers requested \(alice\)\..*Run Open Pull Request again/));
    const result = await open(env, await prepare(env));
    assert.equal(result.created, false);
    assert.equal(result.commented, true);
    assert.equal(env.pulls().length, 1);
    assert.equal(env.comments(1).length, 1);
  });

  it('no network: says GitHub could not be reached, nothing pushed', async () => {
    const port = Number(new URL(env.fake.url).port);
    await env.fake.stop();
    const offline = await connectGitHub({ root: env.fx.work, remote: 'origin', apiUrl: `http://127.0.0.1:${port}`, token: async () => TOKEN, logger: env.logger });
    env.github = offline;
    await assert.rejects(prepare(env), expectCode('github.network', /could not be reached.*Check your network/));
    assert.equal(pushedOnRemote(), false);
  });

  it('timeout: retried, then reported with what is done', async () => {
    const prepared = await prepare(env);
    env.github = await connectGitHub({ root: env.fx.work, remote: 'origin', apiUrl: env.fake.url, token: async () => TOKEN, logger: env.logger, tuning: { ...FAST, requestTimeoutMs: 150, retries: 1 } });
    env.fake.inject({ method: 'GET', path: /\/pulls$/, times: 2, fault: { kind: 'hang' } });
    await assert.rejects(open(env, prepared), expectCode('github.timeout', /failed while looking for an existing pull request: GitHub did not answer in time, even after retrying\. Already done: pushed/));
    assert.equal(env.fake.requests.filter((r) => r.status === 'hang').length, 2, 'one retry after the timeout');
    assert.equal(env.posts().length, 0);
  });

  it('cancelled: stops before the next step and says what is done', async () => {
    const abort = new AbortController();
    const prepared = await prepare(env);
    abort.abort();
    await assert.rejects(open(env, prepared, { signal: abort.signal }), expectCode('cancelled', /cancelled\. Nothing was changed/));
    assert.equal(pushedOnRemote(), false);
  });

  it('the CLI run of a failing flow (401, then 500) never prints the token', async () => {
    const out: string[] = [];
    const run = (argv: string[]): Promise<number> => main({
      argv, cwd: env.fx.work, env: { GITHUB_TOKEN: TOKEN, CHANGE_CONTROL_GITHUB_API_URL: env.fake.url, CHANGE_CONTROL_DEBUG: '1' },
      stdout: (t) => out.push(t), stderr: (t) => out.push(t), readStdin: async () => '',
    });
    env.fake.inject({ method: 'GET', path: /\/issues\/1$/, fault: { kind: 'status', status: 401, message: `Bad credentials for token ${TOKEN}` } });
    assert.equal(await run(['pr', '--yes']), 2, 'a GitHub error is an environment error');
    assert.match(out.join(''), /did not accept your credentials \(401\)\. Sign in to GitHub/);
    env.fake.inject({ method: 'POST', path: /\/pulls$/, times: 3, fault: { kind: 'status', status: 500, message: 'Server Error' } });
    assert.equal(await run(['pr', '--yes', '--reviewer', 'alice']), 2);
    const text = out.join('');
    assert.match(text, /Pre-flight:\n  ✔ Ready/);
    assert.match(text, /failed while creating the pull request: GitHub had a server error \(500\), even after retrying\..*Already done: pushed/);
    assert.ok(env.fake.requests.some((r) => r.status === 200), 'the fake accepts only this token: it was really used');
    assert.ok(!text.includes(TOKEN), 'no line printed contains the token');
    out.length = 0;
    assert.equal(await run(['pr', '--yes', '--description', 'Adds the CSV export.']), 0);
    assert.match(out.join(''), /Created: http:\/\/127\.0\.0\.1:\d+\/acme\/app\/pull\/\d+\n/);
    assert.match(env.pulls()[0]!.body ?? '', /## Description\n\nAdds the CSV export\./);
  });
});
