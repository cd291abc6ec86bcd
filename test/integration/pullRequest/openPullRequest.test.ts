import { strict as assert } from 'node:assert';
import { backLinkMarker, bodyMarker } from '../../../src/core/pullRequest';
import { main } from '../../../src/cli/main';
import { advanceRemote, commitFile, git } from '../startChange/repos';
import { open, prepare, setUp, startAndCommit, ticketProvider, TOKEN, type Env } from './harness';

describe('Open Pull Request end to end (real git, bare remote, fake GitHub)', () => {
  let env: Env;
  beforeEach(async () => (env = await setUp()));
  afterEach(async () => {
    assert.deepEqual(env.fake.violations, [], 'every request conforms to the GitHub contract');
    await env.dispose();
  });

  it('picks a ticket, starts the change, commits, opens the PR, requests review and links the ticket once', async () => {
    const tickets = await ticketProvider(env).listOpen();
    assert.deepEqual(tickets.map((t) => t.id), ['#2', '#4', '#1'], 'mine first, then most recently updated; no pull requests, no closed tickets');
    const ticket = tickets.find((t) => t.id === '#1')!;
    assert.equal(ticket.approved, true);
    const branch = await startAndCommit(env, ticket.id, ticket.title);
    assert.equal(git(env.fx.work, ['config', `branch.${branch}.changeTicket`]).trim(), '#1');

    const before = env.fake.requests.length;
    const routesBefore = { ...env.fake.counters.byRoute };
    const prepared = await prepare(env);
    assert.deepEqual(prepared.preflight, { blockers: [], warnings: [] });
    assert.equal(prepared.title, 'Export the audit log as CSV (#1)');
    const steps: string[] = [];
    const result = await open(env, prepared, { steps });
    const flowRequests = env.fake.requests.slice(before);
    const flowRoutes = Object.entries(env.fake.counters.byRoute).filter(([route, n]) => n !== (routesBefore[route] ?? 0)).map(([route, n]) => `${route} ×${n - (routesBefore[route] ?? 0)}`);

    assert.deepEqual(steps, ['push', 'find', 'create', 'reviewers', 'comment']);
    assert.equal(result.created, true);
    assert.deepEqual(result.reviewers.skipped, [{ reviewer: 'dev', reason: 'is the author and cannot review their own pull request' }]);
    const pulls = env.pulls();
    assert.equal(pulls.length, 1);
    const pr = pulls[0]!;
    assert.deepEqual([pr.head.ref, pr.base.ref, pr.title, pr.draft, pr.user], [branch, 'main', 'Export the audit log as CSV (#1)', false, 'dev']);
    assert.equal(result.pr.number, pr.number);
    assert.match(pr.body ?? '', /\*\*Change ticket:\*\* \[#1\]\(http:\/\/127\.0\.0\.1:\d+\/acme\/app\/issues\/1\) — Export the audit log as CSV/);
    assert.match(pr.body ?? '', /\*\*Type:\*\* Feature/);
    assert.match(pr.body ?? '', /- Add CSV export of the audit log\n- Test the CSV export/);
    assert.match(pr.body ?? '', /Changed source files: 1 \(1 covered/);
    assert.match(pr.body ?? '', /## Reviewer checklist/);
    assert.ok((pr.body ?? '').includes(bodyMarker('#1')));
    assert.deepEqual(pr.requestedReviewers, ['alice']);
    const comments = env.comments(1);
    assert.equal(comments.length, 1);
    assert.ok(comments[0]!.includes(backLinkMarker(result.pr.url)));
    assert.equal(git(env.fx.remote, ['rev-parse', branch]), git(env.fx.work, ['rev-parse', 'HEAD']));
    // The request budget of creating a PR end to end (reported in the issue note).
    assert.deepEqual(flowRoutes, [
      'GET /repos/{owner}/{repo}/issues/{issue_number} ×1',
      'GET /repos/{owner}/{repo}/pulls ×1',
      'POST /repos/{owner}/{repo}/pulls ×1',
      'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers ×1',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments ×1',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments ×1',
    ]);
    assert.equal(flowRequests.length, 6, 'six requests create a PR end to end');
    // The fake only accepts the one registered token: every request was authenticated with it.
    assert.ok(flowRequests.every((r) => r.status !== 401));

    // Re-running changes nothing on the server: no POST, same state.
    const posts = env.posts().length;
    const state = JSON.stringify([env.pulls(), env.comments(1)]);
    let requestsBefore = env.fake.requests.length;
    const again = await open(env, await prepare(env));
    assert.deepEqual(env.fake.requests.slice(requestsBefore).map((r) => r.method), ['GET', 'GET', 'GET'], 'a re-run is three GETs: ticket, open PR, ticket comments');
    // Once nothing changes, those GETs are conditional: 304s do not count against the rate limit.
    requestsBefore = env.fake.requests.length;
    await open(env, await prepare(env));
    assert.deepEqual(env.fake.requests.slice(requestsBefore).map((r) => r.status), [304, 304, 304]);
    assert.equal(again.created, false);
    assert.equal(again.pr.number, result.pr.number);
    assert.equal(again.commented, false);
    assert.equal(again.reviewersRequested, false);
    assert.equal(env.posts().length, posts, 'no POST the second time');
    assert.equal(JSON.stringify([env.pulls(), env.comments(1)]), state);
    assert.match(again.done.join(', '), /already pushed, found open PR #\d+, ticket #1 already linked/);
  });

  it('finds its back-link on a later page of a busy ticket and does not comment twice', async () => {
    for (let i = 1; i <= 120; i++) env.fake.state.addComment('acme/app', 1, `Discussion ${i}`, 'pm');
    await startAndCommit(env, '#1', 'Export the audit log as CSV');
    const first = await open(env, await prepare(env));
    assert.equal(first.commented, true);
    const pages = (): number => env.fake.counters.byRoute['GET /repos/{owner}/{repo}/issues/{issue_number}/comments'] ?? 0;
    const before = pages();
    const again = await open(env, await prepare(env));
    assert.equal(again.commented, false, 'the link on page 2 was found');
    assert.equal(pages() - before, 2, 'both pages were read');
    assert.equal(env.comments(1).length, 121);
  });

  it('uses the repository template and names a defect from the branch', async () => {
    const branch = await startAndCommit(env, '#2', 'Fix the session timeout', 'defect');
    git(env.fx.work, ['checkout', '-q', branch]);
    commitFile(env.fx.work, '.github/pull_request_template.md', '## Team checklist\n- [ ] Security reviewed\n', 'Add the pull request template');
    const prepared = await prepare(env);
    assert.equal(prepared.template?.path, '.github/pull_request_template.md');
    assert.match(prepared.body, /\*\*Type:\*\* Defect/);
    assert.match(prepared.body, /## Team checklist\n- \[ \] Security reviewed/);
    assert.doesNotMatch(prepared.body, /Reviewer checklist/);
  });

  it('finds the ticket in the commit messages when the branch has none recorded', async () => {
    git(env.fx.work, ['checkout', '-q', '-b', 'feature/no-config']);
    commitFile(env.fx.work, 'src/a.ts', 'export const a = 1;\n', 'Add the session timeout fix\n\nRefs #2');
    const prepared = await prepare(env);
    assert.equal(prepared.ticketId, '#2');
    assert.equal(prepared.ticket?.title, 'Fix the session timeout');
    assert.equal(prepared.title, 'Fix the session timeout (#2)');
  });

  it('the CLI exits 1 on blockers, and on warnings unless --yes', async () => {
    const out: string[] = [];
    const run = (argv: string[]): Promise<number> => main({
      argv, cwd: env.fx.work, env: { GH_TOKEN: TOKEN, CHANGE_CONTROL_GITHUB_API_URL: env.fake.url },
      stdout: (t) => out.push(t), stderr: (t) => out.push(t), readStdin: async () => '',
    });
    assert.equal(await run(['pr']), 1);
    assert.match(out.join(''), /✖ You are on the base branch "main"/);
    assert.match(out.join(''), /blocked; fix the items marked ✖/);
    await startAndCommit(env, '#1', 'Export the audit log as CSV');
    advanceRemote(env.fx);
    out.length = 0;
    assert.equal(await run(['pr']), 1);
    assert.match(out.join(''), /⚠ The branch is 1 commit behind main/);
    assert.match(out.join(''), /run again with --yes/);
    assert.equal(env.posts().length, 0, 'nothing was sent without --yes');
    assert.equal(await run(['pr', '--yes', '--draft', '--reviewer', 'alice']), 0);
    assert.equal(env.pulls()[0]!.draft, true);
    assert.equal(await run(['pr', '--yes']), 0);
    assert.match(out.join(''), /Already open: http/);
    assert.equal(env.pulls().length, 1);
  });

  it('blocks a closed or unapproved ticket and the base branch before touching anything', async () => {
    const onMain = await prepare(env);
    assert.match(onMain.preflight.blockers.map((b) => b.message).join('\n'), /on the base branch "main"/);
    await assert.rejects(open(env, onMain), /blocked/);
    await startAndCommit(env, '#4', 'Unapproved idea');
    const unapproved = await prepare(env);
    assert.match(unapproved.preflight.blockers[0]!.message, /#4 is not approved \(no "Approved" label\)/);
    env.policy.tracker.requireApproval = false;
    assert.deepEqual((await prepare(env)).preflight.warnings.map((w) => w.id), ['approval']);
    git(env.fx.work, ['config', `branch.${git(env.fx.work, ['branch', '--show-current']).trim()}.changeTicket`, '#5']);
    assert.match((await prepare(env)).preflight.blockers[0]!.message, /#5 is closed/);
    assert.equal(env.posts().length, 0, 'nothing was sent');
    assert.equal(git(env.fx.remote, ['branch', '--list']).trim(), '* main', 'nothing was pushed');
  });
});
