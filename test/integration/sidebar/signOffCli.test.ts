/**
 * The sign-off rules of the policy, end to end: the built CLI's `status`
 * against the fake GitHub (contract-checked), with the policy on the base
 * branch. LGTM comments (review.signOff), approvals of the latest commit
 * (review.requireApprovalOfLatestCommit), the ticket's approver
 * (tracker.approvers) and the pull request's description.
 */
import { strict as assert } from 'node:assert';
import { buildCli, removeDir, runCliAsync as runCli, tempDir, testEnv } from '../cli/cliHarness';
import { makeChange, REPO, type ChangeFixture } from './changeRepo';

const POLICY = '.github/change-control.json';

describe('change-control status: sign-off rules (built CLI, fake GitHub)', function () {
  this.timeout(60_000);
  const TOKEN = 'ghp_signoffclitoken000000000000000000000';
  let cliDir: string;
  let cli: string;
  let fx: ChangeFixture | undefined;

  before(async () => {
    cliDir = tempDir('cc-signoff-cli-');
    cli = await buildCli(cliDir);
  });
  after(() => removeDir(cliDir));
  afterEach(async () => {
    if (!fx) return;
    await fx.fake.stop();
    assert.deepEqual(fx.fake.violations, [], 'the fake saw no contract violations');
    removeDir(fx.dir);
    fx = undefined;
  });

  async function change(policy: unknown): Promise<{ fx: ChangeFixture; status: () => Promise<{ code: number | null; stdout: string; stderr: string }> }> {
    fx = await makeChange({ main: { [POLICY]: `${JSON.stringify(policy)}\n` } });
    const env = { ...testEnv, GITHUB_TOKEN: TOKEN, GH_TOKEN: '', CHANGE_CONTROL_GITHUB_API_URL: fx.fake.url };
    const f = fx;
    return { fx: f, status: () => runCli(cli, ['status'], f.root, env) };
  }

  it('an LGTM comment counts only with "approval-or-lgtm"', async () => {
    for (const [signOff, code] of [['approval', 1], ['approval-or-lgtm', 0]] as const) {
      const { fx: f, status } = await change({ review: { signOff } });
      const pr = f.fake.state.pull(REPO, f.prNumber);
      pr.reviews = [];
      f.fake.state.addComment(REPO, f.prNumber, 'Looks good to me', 'erin');
      const r = await status();
      assert.equal(r.code, code, r.stdout + r.stderr);
      if (code === 0) assert.match(r.stdout, /erin — signed off: LGTM/);
      else assert.match(r.stdout, /Blocked: needs 1 more approval\n$/);
      await f.fake.stop();
      assert.deepEqual(f.fake.violations, []);
      removeDir(f.dir);
      fx = undefined;
    }
  });

  it('an approval of an older commit does not count with requireApprovalOfLatestCommit', async () => {
    const { fx: f, status } = await change({ review: { requireApprovalOfLatestCommit: true } });
    const pr = f.fake.state.pull(REPO, f.prNumber);
    pr.reviews = [];
    f.fake.state.addReview(REPO, f.prNumber, { user: 'erin', state: 'APPROVED', commitId: f.baseSha });
    const blocked = await status();
    assert.equal(blocked.code, 1, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout, new RegExp(`erin — approved an earlier commit \\(${f.baseSha.slice(0, 7)}\\), does not count`));
    assert.match(blocked.stdout, /Blocked: needs 1 more approval \(1 approval is of an earlier commit\)\n$/);
    f.fake.state.addReview(REPO, f.prNumber, { user: 'erin', state: 'APPROVED' });
    const ready = await status();
    assert.equal(ready.code, 0, ready.stdout + ready.stderr);
  });

  it('a non-approver\'s label blocks status naming the actor; an approver\'s relabel unblocks it', async () => {
    const { fx: f, status } = await change({ tracker: { approvers: ['cto'] } });
    const s = f.fake.state;
    s.unlabelIssue(REPO, 1, 'Approved', 'octocat');
    s.labelIssue(REPO, 1, 'Approved', 'dana-dev');
    const blocked = await status();
    assert.equal(blocked.code, 1, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout, /Approval — approved by dana-dev, who is not an approver/);
    assert.match(blocked.stdout, /Blocked: ticket #1 approved by dana-dev, who is not an approver\n$/);
    assert.doesNotMatch(blocked.stdout, /Hint: anyone who can label/);
    s.unlabelIssue(REPO, 1, 'Approved', 'cto');
    s.labelIssue(REPO, 1, 'Approved', 'cto');
    const ready = await status();
    assert.equal(ready.code, 0, ready.stdout + ready.stderr);
    assert.match(ready.stdout, /Approval — approved by cto\n/);
  });

  it('without approvers, status passes and prints a one-line hint', async () => {
    const { status } = await change({});
    const r = await status();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /\nHint: anyone who can label issues can approve a ticket; list who may in tracker\.approvers \(\.github\/change-control\.json\)\.\nReady to merge\n$/);
  });

  it('editing the ticket and the kind out of the pull request body blocks it again', async () => {
    const { fx: f, status } = await change({});
    f.fake.state.pull(REPO, f.prNumber).body = 'Some words about it.';
    const r = await status();
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /Blocked: pull request description lacks the ticket #1, the kind \(feature or defect\)\n$/);
  });
});
