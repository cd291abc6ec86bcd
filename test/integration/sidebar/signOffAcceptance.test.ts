/**
 * Issue 13's acceptance, end to end: the built CLI's `status` in a real
 * git repository (temp folder) against the stand-in GitHub loaded from
 * test/scenarios/sign-off-blocked.json. Ticket #12 was labelled Approved
 * by a non-approver, pull request #13 has one unresolved conversation and
 * its only approval is of an older commit, with
 * review.requireApprovalOfLatestCommit on: `status` exits 1 naming all
 * three. After the scenario's fixes (an approver relabels, the thread is
 * resolved, a fresh approval) it exits 0; so does ready.json, the same
 * change with the fixes applied. Zero contract violations, REST and
 * GraphQL; one GraphQL request per run.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FakeGitHub } from '../../github-fake';
import { buildCli, removeDir, runCliAsync as runCli, tempDir, testEnv } from '../cli/cliHarness';

const REPO = 'acme/api';
const BRANCH = 'feature/12-audit-log';
const SCENARIOS = path.join(__dirname, '../../scenarios');
const POLICY = { tracker: { approvers: ['acme/change-approvers'] }, review: { requireApprovalOfLatestCommit: true } };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: testEnv, encoding: 'utf8' }).trim();
}

/** The change's repository: the policy on main, the branch with its source and test pushed, ticket #12 linked. */
function makeRepo(dir: string): string {
  const bare = path.join(dir, 'origin.git');
  const root = path.join(dir, 'work');
  git(dir, 'init', '-q', '--bare', '-b', 'main', bare);
  git(dir, 'init', '-q', '-b', 'main', root);
  mkdirSync(path.join(root, '.github'));
  writeFileSync(path.join(root, '.github/change-control.json'), `${JSON.stringify(POLICY)}\n`);
  writeFileSync(path.join(root, 'README.md'), '# API\n');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'Start the API');
  git(root, 'remote', 'add', 'origin', bare);
  git(root, 'push', '-q', '-u', 'origin', 'main');
  git(root, 'switch', '-q', '-c', BRANCH);
  mkdirSync(path.join(root, 'src'));
  mkdirSync(path.join(root, 'test'));
  writeFileSync(path.join(root, 'src/audit.ts'), 'export const audit = 1;\n');
  writeFileSync(path.join(root, 'test/audit.test.ts'), 'import "../src/audit";\n');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'Add the audit log export\n\nAuditors need the sign-in log as a file.');
  git(root, 'push', '-q', '-u', 'origin', BRANCH);
  git(root, 'config', `branch.${BRANCH}.changeTicket`, '#12');
  git(root, 'remote', 'set-url', 'origin', `https://github.com/${REPO}.git`);
  return root;
}

describe('issue 13 acceptance: status on sign-off-blocked.json (built CLI, real git, stand-in)', function () {
  this.timeout(120_000);
  const TOKEN = 'ghp_acceptancetoken0000000000000000000000';
  let cliDir: string;
  let cli: string;
  let dir: string;
  let root: string;
  let fake: FakeGitHub | undefined;

  before(async () => {
    cliDir = tempDir('cc-accept-cli-');
    cli = await buildCli(cliDir);
    dir = tempDir('cc-accept-');
    root = makeRepo(dir);
  });
  after(() => {
    removeDir(cliDir);
    removeDir(dir);
  });
  afterEach(async () => {
    if (!fake) return;
    await fake.stop();
    assert.deepEqual(fake.violations, [], 'the stand-in saw no contract violations (REST and GraphQL)');
    fake = undefined;
  });

  async function status(f: FakeGitHub): Promise<{ code: number | null; stdout: string; stderr: string; graphql: number }> {
    const before = f.counters.byRoute['POST /graphql'] ?? 0;
    const env = { ...testEnv, GITHUB_TOKEN: TOKEN, GH_TOKEN: '', CHANGE_CONTROL_GITHUB_API_URL: f.url };
    const r = await runCli(cli, ['status'], root, env);
    return { ...r, graphql: (f.counters.byRoute['POST /graphql'] ?? 0) - before };
  }

  it('exits 1 naming all three, and 0 after the scenario\'s fixes', async () => {
    fake = await new FakeGitHub().start({ scenarioFile: path.join(SCENARIOS, 'sign-off-blocked.json') });
    const blocked = await status(fake);
    assert.equal(blocked.code, 1, blocked.stdout + blocked.stderr);
    const line = blocked.stdout.trimEnd().split('\n').at(-1) ?? '';
    // Exactly the three sign-off blockers, in the rule table's order.
    assert.equal(line, 'Blocked: ticket #12 approved by dana-dev, who is not an approver, needs 1 more approval (1 approval is of an earlier commit), 1 review conversation open');
    // The view names each: the label's actor, the stale approval's commit, the open thread's place and remark.
    assert.match(blocked.stdout, /Approval — approved by dana-dev, who is not an approver/);
    assert.match(blocked.stdout, /erin-reviewer — approved an earlier commit \(1111111\), does not count/);
    assert.match(blocked.stdout, /Conversations — 1 open, 1 resolved\n\s+✗ src\/audit\.ts:14 — erin-reviewer: What happens when the log is empty\? <http[^>]+#discussion_r\d+>/);
    assert.equal(blocked.graphql, 1, 'one GraphQL request per status');

    // The fixes: an approver relabels, the thread is resolved, a fresh approval of the head.
    const s = fake.state;
    s.unlabelIssue(REPO, 12, 'Approved', 'casey-cto');
    s.labelIssue(REPO, 12, 'Approved', 'casey-cto');
    const open = s.pull(REPO, 13).threads.find((t) => !t.isResolved);
    assert.ok(open);
    s.replyToThread(REPO, 13, open.id, 'An empty log exports the header row only.', 'dana-dev');
    s.resolveThread(REPO, 13, open.id, 'dana-dev');
    s.addReview(REPO, 13, { user: 'erin-reviewer', state: 'APPROVED', body: 'Looks good to me.' });
    const ready = await status(fake);
    assert.equal(ready.code, 0, ready.stdout + ready.stderr);
    assert.match(ready.stdout, /Approval — approved by casey-cto\n/);
    assert.match(ready.stdout, /Conversations — all 2 resolved\n/);
    assert.match(ready.stdout, /Ready to merge\n$/);
    assert.equal(ready.graphql, 1);
  });

  it('exits 0 on ready.json, the same change with the fixes applied', async () => {
    fake = await new FakeGitHub().start({ scenarioFile: path.join(SCENARIOS, 'ready.json') });
    const r = await status(fake);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /Ready to merge\n$/);
  });
});
