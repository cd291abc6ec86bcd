/**
 * The policy that governs a change is its base branch's: a branch that
 * lowers the required approvals still needs the base's in `status` and
 * `verify --pr`, a branch that raises them is held to its own, and a gate
 * with an invalid or unreadable policy refuses to decide.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { githubEnv, runCliAsync as runCli, testEnv, useBuiltCli, useChangeFixtures } from './cliHarness';
import { makeChange, REPO, type ChangeFiles, type ChangeFixture } from '../sidebar/changeRepo';

const POLICY = '.github/change-control.json';
const approvals = (n: number): string => `${JSON.stringify({ review: { requiredApprovals: n } }, null, 2)}\n`;
const NOTE = 'policy changed in this change: applies after merge';

describe('the base branch governs the change (status and verify --pr, built CLI, fake GitHub)', function () {
  this.timeout(90_000);
  const TOKEN = 'ghp_basepolicytoken000000000000000000000';
  const h = useBuiltCli('cc-base-policy-');
  const changes = useChangeFixtures(makeChange);

  async function change(files: ChangeFiles): Promise<{ fx: ChangeFixture; env: NodeJS.ProcessEnv }> {
    const fx = await changes.make(files);
    return { fx, env: githubEnv(fx.fake.url, TOKEN) };
  }

  it('a branch that lowers requiredApprovals to 0 still needs the base\'s 2, and is told its edit applies after merge', async () => {
    const { fx, env } = await change({ main: { [POLICY]: approvals(2) }, branch: { [POLICY]: approvals(0) } });
    const status = await runCli(h.cli, ['status'], fx.root, env);
    assert.equal(status.code, 1, status.stdout + status.stderr);
    assert.match(status.stdout, /✗ Approvals — 1 of 2 required/);
    assert.match(status.stdout, /Blocked: needs 1 more approval\n$/);
    assert.ok(status.stdout.includes(`! Policy — ${NOTE}`), status.stdout);
    assert.match(status.stdout, /review\.requiredApprovals 0 is fewer than the base policy's 2/);

    const json = await runCli(h.cli, ['status', '--format', 'json'], fx.root, env);
    const parsed = JSON.parse(json.stdout) as { ready: boolean; policy: { changed: boolean; note: string; baseRef: string; baseCommit: string } };
    assert.equal(parsed.ready, false);
    assert.deepEqual([parsed.policy.changed, parsed.policy.note, parsed.policy.baseRef, parsed.policy.baseCommit], [true, NOTE, 'origin/main', fx.baseSha]);

    const verify = await runCli(h.cli, ['verify', '--pr', String(fx.prNumber)], fx.root, env);
    assert.equal(verify.code, 1, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /Approvals: 1 of 2 required/);
    assert.match(verify.stdout, /✖ needs 1 more approval/);
    assert.ok(verify.stdout.includes(`⚠ ${NOTE} (the policy of main at ${fx.baseSha.slice(0, 12)} governs this change)`), verify.stdout);

    fx.fake.state.addReview(REPO, fx.prNumber, { user: 'frank', state: 'APPROVED' });
    const twice = await runCli(h.cli, ['verify', '--pr', String(fx.prNumber)], fx.root, env);
    assert.equal(twice.code, 0, twice.stdout + twice.stderr);
    assert.match(twice.stdout, /Approvals: 2 of 2 required/);
  });

  it('evidence judges a pull request by its base\'s policy and says the change edits it (JSON and Markdown)', async () => {
    const { fx, env } = await change({ main: { [POLICY]: approvals(2) }, branch: { [POLICY]: approvals(0) } });
    const json = await runCli(h.cli, ['evidence', '--pr', String(fx.prNumber), '--format', 'json'], fx.root, env);
    assert.equal(json.code, 0, json.stderr);
    const doc = JSON.parse(json.stdout) as { policy: { requiredApprovals: number; source: string }; changes: { policyChanged?: boolean; pullRequest: { approvals: { required: number } } }[] };
    assert.equal(doc.policy.requiredApprovals, 2);
    assert.equal(doc.policy.source, `main (${fx.baseSha.slice(0, 12)})`);
    assert.equal(doc.changes[0]!.policyChanged, true);
    assert.equal(doc.changes[0]!.pullRequest.approvals.required, 2);
    const md = await runCli(h.cli, ['evidence', '--pr', String(fx.prNumber)], fx.root, env);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /Policy: 2 required approvals/);
    assert.match(md.stdout, /Policy changed in this change: applies after merge/);
  });

  it('a branch that raises requiredApprovals is held to its own, stricter number', async () => {
    const { fx, env } = await change({ main: { [POLICY]: approvals(1) }, branch: { [POLICY]: approvals(3) } });
    const status = await runCli(h.cli, ['status'], fx.root, env);
    assert.equal(status.code, 1, status.stdout + status.stderr);
    assert.match(status.stdout, /Approvals — 1 of 3 required/);
    assert.ok(status.stdout.includes(NOTE));
    const verify = await runCli(h.cli, ['verify', '--pr', String(fx.prNumber)], fx.root, env);
    assert.equal(verify.code, 1, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /Approvals: 1 of 3 required/);
  });

  it('a base without a policy file has the defaults as its base, which the branch cannot lower', async () => {
    const { fx, env } = await change({ branch: { [POLICY]: approvals(0) } });
    fx.fake.state.pull(REPO, fx.prNumber).reviews.length = 0;
    const status = await runCli(h.cli, ['status'], fx.root, env);
    assert.equal(status.code, 1, status.stdout + status.stderr);
    assert.match(status.stdout, /Approvals — 0 of 1 required/);
    const verify = await runCli(h.cli, ['verify', '--pr', String(fx.prNumber)], fx.root, env);
    assert.equal(verify.code, 1, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /Approvals: 0 of 1 required/);
  });

  it('an unchanged policy gets no note', async () => {
    const { fx, env } = await change({ main: { [POLICY]: approvals(1) } });
    const status = await runCli(h.cli, ['status'], fx.root, env);
    assert.equal(status.code, 0, status.stdout + status.stderr);
    assert.ok(!status.stdout.includes(NOTE));
    const verify = await runCli(h.cli, ['verify', '--pr', String(fx.prNumber)], fx.root, env);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.ok(!verify.stdout.includes(NOTE));
  });

  it('an invalid policy (issue 11 item 3) makes status and verify exit 2 "policy invalid", naming the problem once', async () => {
    const bad = '{"review":{"requiredApprovals":3},"tests":{"conventions":[{"id":"x","sources":["**/*.ts"]}]}}\n';
    const { fx, env } = await change({ main: { [POLICY]: bad } });
    for (const args of [['status'], ['verify', '--pr', String(fx.prNumber)]]) {
      const r = await runCli(h.cli, args, fx.root, env);
      assert.equal(r.code, 2, `${args[0]}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /policy invalid/);
      assert.match(r.stderr, /change-control\.json:1:\d+ tests\.conventions/);
      assert.ok(!/Ready to merge/.test(r.stdout), 'no verdict on defaults');
      const lines = r.stderr.split('\n').filter((l) => /:1:\d+ tests\.conventions/.test(l));
      assert.equal(lines.length, 1, `the problem is named once: ${r.stderr}`);
    }
  });

  it('a branch cannot make the gate pass by breaking the policy: its own invalid copy is refused too', async () => {
    const { fx, env } = await change({ main: { [POLICY]: approvals(2) }, branch: { [POLICY]: '{"review":{"requiredApprovals":"none"}}\n' } });
    const r = await runCli(h.cli, ['status'], fx.root, env);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /policy invalid/);
    assert.match(r.stderr, /review\.requiredApprovals/);
  });

  it('fails closed when the base commit of the pull request is not in the clone', async () => {
    const { fx, env } = await change({ main: { [POLICY]: approvals(0) } });
    fx.fake.state.pull(REPO, fx.prNumber).base.sha = 'f'.repeat(40);
    const r = await runCli(h.cli, ['verify', '--pr', String(fx.prNumber)], fx.root, env);
    assert.notEqual(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /base commit ffffffffffff of main is not in the local clone/);
    assert.ok(!/Ready to merge/.test(r.stdout));
  });

  it('fails closed when status finds no base branch to read the policy from', async () => {
    const { fx, env } = await change({ main: { [POLICY]: approvals(0) } });
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: fx.root, env: testEnv, encoding: 'utf8' });
    git('branch', '-q', '-D', 'main');
    git('update-ref', '-d', 'refs/remotes/origin/main');
    const r = await runCli(h.cli, ['status'], fx.root, env);
    assert.notEqual(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /the base branch's policy cannot be read/);
  });
});
