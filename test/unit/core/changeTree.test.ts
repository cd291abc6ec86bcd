import { strict as assert } from 'node:assert';
import { buildChangeTree, renderChangeTreeText, type ChangeTreeNode } from '../../../src/core/changeTree';
import { check, finding, prOf, readySnapshot, review } from './changeSnapshotFixture';

function find(nodes: readonly ChangeTreeNode[], id: string): ChangeTreeNode {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = n.children ? findOrUndefined(n.children, id) : undefined;
    if (inner) return inner;
  }
  throw new Error(`no node ${id}`);
}

function findOrUndefined(nodes: readonly ChangeTreeNode[], id: string): ChangeTreeNode | undefined {
  try {
    return find(nodes, id);
  } catch {
    return undefined; // not in this subtree
  }
}

function allIds(nodes: readonly ChangeTreeNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...allIds(n.children ?? [])]);
}

describe('buildChangeTree', () => {
  it('puts readiness on top, then ticket, branch, commits, tests and pull request', () => {
    const tree = buildChangeTree(readySnapshot());
    assert.deepEqual(tree.map((n) => n.id), ['readiness', 'ticket', 'branch', 'commits', 'tests', 'pr']);
    assert.equal(tree[0].label, 'Ready to merge');
    assert.equal(tree[0].status, 'ok');
  });

  it('gives every node a unique, stable id', () => {
    const s = readySnapshot();
    prOf(s).checks = [check('build', 'passed'), check('build', 'failed')];
    const ids = allIds(buildChangeTree(s));
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(allIds(buildChangeTree(s)), ids);
  });

  it('lists the blockers under a blocked readiness line', () => {
    const s = readySnapshot();
    s.policy.review.requiredApprovals = 2;
    s.ticket.details = { ...s.ticket.details!, approved: false };
    const top = buildChangeTree(s)[0];
    assert.equal(top.label, 'Blocked');
    assert.equal(top.status, 'error');
    assert.deepEqual(top.children?.map((c) => c.label), ['ticket not approved', 'needs 1 more approval']);
    assert.match(top.tooltip ?? '', /- needs 1 more approval/);
  });

  it('offers to link a ticket when the branch has none', () => {
    const s = readySnapshot();
    s.ticket = {};
    const ticket = find(buildChangeTree(s), 'ticket');
    assert.equal(ticket.description, 'none linked');
    assert.equal(ticket.contextValue, 'ticket.none');
    assert.deepEqual(ticket.action, { kind: 'command', command: 'changeControl.linkTicket', args: ['/repo'] });
  });

  it('shows the ticket with its approval and opens it in the browser', () => {
    const s = readySnapshot();
    s.ticket.details = { ...s.ticket.details!, approved: false };
    const tree = buildChangeTree(s);
    const ticket = find(tree, 'ticket');
    assert.equal(ticket.label, '#12 Add audit log export');
    assert.equal(ticket.description, 'open, awaiting approval');
    assert.deepEqual(ticket.action, { kind: 'openUrl', url: 'https://github.com/acme/app/issues/12' });
    assert.match(ticket.contextValue ?? '', /hasUrl/);
    assert.equal(find(tree, 'ticket/approval').status, 'error');
    assert.equal(find(tree, 'ticket/assignees').description, 'dana');
  });

  it('expands a failing commit to its problems', () => {
    const s = readySnapshot();
    s.commits[0].findings = [finding('Use the imperative: “Add”, not “Added”.')];
    const tree = buildChangeTree(s);
    const commits = find(tree, 'commits');
    assert.equal(commits.description, '2, 1 failing');
    assert.equal(commits.expanded, true);
    const failing = find(tree, `commits/${'a'.repeat(40)}`);
    assert.equal(failing.status, 'error');
    assert.equal(failing.expanded, true);
    assert.deepEqual(failing.children?.map((c) => [c.label, c.description]), [['Use the imperative: “Add”, not “Added”.', 'line 1 · present-tense']]);
    assert.equal(find(tree, `commits/${'b'.repeat(40)}`).children, undefined);
  });

  it('shows tests per source with create and open actions', () => {
    const s = readySnapshot();
    s.tests = { base: 'origin/main', changedTests: [], changedOther: [], counts: { covered: 1, stale: 1, missing: 1, exempt: 0 },
      sources: [
        { path: 'src/a.ts', verdict: 'missing', tests: [], suggestedTest: 'test/a.test.ts' },
        { path: 'src/b.ts', verdict: 'stale', tests: ['test/b.test.ts'] },
        { path: 'src/c.ts', verdict: 'covered', tests: ['test/c.test.ts'] },
      ] };
    const tree = buildChangeTree(s);
    assert.equal(find(tree, 'tests').description, '1 covered, 1 stale, 1 missing');
    const missing = find(tree, 'tests/src/a.ts');
    assert.equal(missing.contextValue, 'test.missing');
    assert.deepEqual(missing.action, { kind: 'command', command: 'changeControl.createTestFile', args: ['/repo', 'src/a.ts', 'test/a.test.ts'] });
    const stale = find(tree, 'tests/src/b.ts');
    assert.equal(stale.status, 'warning');
    assert.deepEqual(stale.action, { kind: 'command', command: 'changeControl.openTest', args: ['/repo', 'test/b.test.ts'] });
    assert.equal(find(tree, 'tests/src/c.ts').status, 'ok');
  });

  it('offers to open a pull request when there is none', () => {
    const s = readySnapshot();
    s.github = { status: 'ok', repository: 'acme/app' };
    const pr = find(buildChangeTree(s), 'pr');
    assert.equal(pr.description, 'none yet');
    assert.deepEqual(pr.action, { kind: 'command', command: 'changeControl.createPullRequest', args: ['/repo'] });
  });

  it('shows each reviewer with the current state and approvals against the policy', () => {
    const s = readySnapshot();
    s.policy.review.requiredApprovals = 2;
    prOf(s).reviews = [review(1, 'erin', 'APPROVED', 1), review(2, 'erin', 'CHANGES_REQUESTED', 2), review(3, 'finn', 'APPROVED', 3),
      review(4, 'dana', 'APPROVED', 4), review(5, 'gus', 'DISMISSED', 5)];
    prOf(s).requestedReviewers = ['hal'];
    const tree = buildChangeTree(s);
    assert.equal(find(tree, 'pr/reviews').description, '1 of 2 required');
    assert.equal(find(tree, 'pr/reviews').status, 'error');
    const rows = find(tree, 'pr/reviews').children?.map((c) => [c.label, c.description, c.status]);
    assert.deepEqual(rows, [
      ['erin', 'changes requested', 'error'],
      ['finn', 'approved', 'ok'],
      ['dana', 'approved, author: does not count', 'warning'],
      ['gus', 'review dismissed', 'info'],
      ['hal', 'review requested', 'pending'],
    ]);
  });

  it('shows checks with their details URL, pending and failing', () => {
    const s = readySnapshot();
    prOf(s).checks = [check('build', 'failed'), check('ci/lint', 'pending', 'status'), { name: 'deploy', state: 'passed', source: 'checkRun' }];
    const tree = buildChangeTree(s);
    const checks = find(tree, 'pr/checks');
    assert.equal(checks.description, '1 failing, 1 pending, 1 passed');
    assert.equal(checks.status, 'error');
    const build = checks.children![0];
    assert.deepEqual(build.action, { kind: 'openUrl', url: 'https://ci.example/build' });
    assert.equal(build.contextValue, 'check hasUrl');
    assert.equal(checks.children![1].status, 'pending');
    assert.equal(checks.children![2].action, undefined);
  });

  it('shows merged, closed and draft pull requests with their state', () => {
    for (const [state, icon] of [['merged', 'git-merge'], ['closed', 'git-pull-request-closed'], ['draft', 'git-pull-request-draft']] as const) {
      const s = readySnapshot();
      prOf(s).pr.state = state;
      const pr = find(buildChangeTree(s), 'pr');
      assert.equal(pr.description, state);
      assert.equal(pr.icon, icon);
    }
  });

  it('marks a missing ticket back-link', () => {
    const s = readySnapshot();
    prOf(s).ticketBackLink = false;
    const link = find(buildChangeTree(s), 'pr/backlink');
    assert.equal(link.status, 'error');
    assert.equal(link.description, 'missing: #12 does not link to #34');
  });

  it('shows a skipped GitHub as a sign-in item and a failure as an error item', () => {
    const s = readySnapshot();
    s.github = { status: 'skipped', reason: 'not signed in to GitHub' };
    let pr = find(buildChangeTree(s), 'pr');
    assert.equal(pr.description, 'sign in to GitHub to see it');
    assert.deepEqual(pr.action, { kind: 'command', command: 'changeControl.signIn', args: ['/repo'] });
    s.github = { status: 'skipped', reason: 'no GitHub remote' };
    pr = find(buildChangeTree(s), 'pr');
    assert.equal(pr.description, 'GitHub skipped: no GitHub remote');
    s.github = { status: 'error', reason: 'GitHub API rate limit reached' };
    pr = find(buildChangeTree(s), 'pr');
    assert.equal(pr.status, 'error');
    assert.equal(pr.contextValue, 'github.error');
  });

  it('shows the branch against its remote base and unpushed commits', () => {
    const s = readySnapshot();
    s.branch = { ...s.branch, ahead: 3, behind: 2, unpushed: 1 };
    const tree = buildChangeTree(s);
    assert.equal(find(tree, 'branch').label, 'feature/12-audit-log');
    assert.equal(find(tree, 'branch/base').description, 'origin/main: 3 ahead, 2 behind');
    assert.equal(find(tree, 'branch/upstream').description, 'origin/feature/12-audit-log, 1 unpushed commit');
  });

  it('offers Start Change on the base branch', () => {
    const s = readySnapshot();
    s.branch.name = 'main';
    const branch = find(buildChangeTree(s), 'branch');
    assert.equal(branch.status, 'error');
    assert.deepEqual(branch.action, { kind: 'command', command: 'changeControl.startChange', args: ['/repo'] });
  });

  it('renders the same content as indented text with status marks', () => {
    const text = renderChangeTreeText(buildChangeTree(readySnapshot()));
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], '✓ Ready to merge');
    assert.ok(lines.includes('✓ #12 Add audit log export — open, approved <https://github.com/acme/app/issues/12>'), text);
    assert.ok(lines.includes('  ✓ Approvals — 1 of 1 required'), text);
    assert.ok(lines.includes('    ✓ erin — approved <https://github.com/acme/app/pull/34/files>'), text);
  });
});
