/**
 * `extends: "owner/repo/path@ref"` with the built CLI against the fake
 * GitHub (contract-checked): the policy is read through the contents API
 * with the user's GITHUB_TOKEN, from the host the user configured; a
 * repeated read is answered 304 from the ETag cache; offline, the last
 * copy applies and the output says so; and a gate refuses when the
 * policy cannot be read and no copy was ever fetched.
 */
import { strict as assert } from 'node:assert';
import { githubEnv, runCliAsync as runCli, useBuiltCli, useChangeFixtures } from '../cli/cliHarness';
import { makeChange, type ChangeFixture } from '../sidebar/changeRepo';
import { FakeGitHub } from '../../github-fake';

const POLICY = '.github/change-control.json';
const ORG = 'acme/policies';
const EXTENDS = 'acme/policies/change-control.json@v1';
const CONTENTS = 'GET /repos/{owner}/{repo}/contents/{path}';
const TOKEN = 'ghp_extendsGitHubToken000000000000000000';
const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

describe('extends a GitHub file (built CLI, fake GitHub, real git)', function () {
  this.timeout(120_000);
  const h = useBuiltCli('cc-extends-github-');
  const changes = useChangeFixtures(makeChange);
  before(() => FakeGitHub.warmUp());

  /** A change whose base policy extends the organisation's file, which requires 2 approvals; only TOKEN is accepted. */
  async function change(org: Record<string, unknown> | null = { review: { requiredApprovals: 2 } }): Promise<{ fx: ChangeFixture; env: NodeJS.ProcessEnv }> {
    const fx = await changes.make({ main: { [POLICY]: json({ extends: EXTENDS }) } });
    fx.fake.state.tokens.set(TOKEN, 'octocat');
    fx.fake.state.addRepo(ORG);
    if (org) fx.fake.state.putFile(ORG, 'change-control.json', json(org), 'v1');
    return { fx, env: githubEnv(fx.fake.url, TOKEN, { CHANGE_CONTROL_TIMEOUT_SECONDS: '20' }) };
  }
  const contentReads = (fake: FakeGitHub): (number | string)[] => fake.requests.filter((r) => r.path === '/repos/acme/policies/contents/change-control.json').map((r) => r.status);

  it('status and verify apply the organisation policy, fetched with GITHUB_TOKEN; a repeat is answered 304', async () => {
    const { fx, env } = await change();
    const status = await runCli(h.cli, ['status'], fx.root, env);
    assert.equal(status.code, 1, status.stdout + status.stderr);
    assert.match(status.stdout, /Approvals — 1 of 2 required/);
    assert.ok(contentReads(fx.fake).includes(200), `fetched: ${JSON.stringify(fx.fake.requests)}`);
    assert.ok(!`${status.stdout}${status.stderr}`.includes(TOKEN));

    const reads = fx.fake.counters.byRoute[CONTENTS] ?? 0;
    const notModified = fx.fake.counters.notModified;
    const before = contentReads(fx.fake).length;
    const verify = await runCli(h.cli, ['verify', '--pr', String(fx.prNumber)], fx.root, env);
    assert.equal(verify.code, 1, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /Approvals: 1 of 2 required/);
    assert.deepEqual(contentReads(fx.fake).slice(before), [304], 'the second run reads the policy once, answered 304');
    assert.equal(fx.fake.counters.byRoute[CONTENTS], reads + 1);
    assert.ok(fx.fake.counters.notModified > notModified);
  });

  it('evidence judges the pull request by its base policy with what it extends', async () => {
    const { fx, env } = await change();
    const r = await runCli(h.cli, ['evidence', '--pr', String(fx.prNumber), '--format', 'json'], fx.root, env);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as { policy: { requiredApprovals: number; source: string }; changes: { findings: { id: string }[]; pullRequest: { approvals: { required: number } } }[] };
    assert.equal(doc.policy.requiredApprovals, 2, 'the organisation policy applies, not the default 1');
    assert.equal(doc.policy.source, `main (${fx.baseSha.slice(0, 12)}), extending ${EXTENDS}`);
    assert.equal(doc.changes[0]!.pullRequest.approvals.required, 2);
    assert.deepEqual(contentReads(fx.fake), [200]);
    const again = await runCli(h.cli, ['evidence', '--pr', String(fx.prNumber)], fx.root, env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /Policy: 2 required approvals/);
    assert.deepEqual(contentReads(fx.fake), [200, 304], 'the policy read shares the evidence\'s ETag cache');
  });

  it('with another token the read is refused (401), and the gate refuses to decide', async () => {
    const { fx, env } = await change();
    const status = await runCli(h.cli, ['status'], fx.root, { ...env, GITHUB_TOKEN: 'ghp_someoneElse0000000000000000000000000' });
    assert.equal(status.code, 2, status.stdout + status.stderr);
    assert.match(status.stderr, /policy invalid[\s\S]*extends acme\/policies\/change-control\.json@v1 cannot be read/);
    assert.deepEqual(contentReads(fx.fake), [401]);
  });

  it('offline, the last copy applies and the output says so', async () => {
    const { fx, env } = await change();
    const online = await runCli(h.cli, ['policy', '--explain', '--format', 'json'], fx.root, env);
    assert.equal(online.code, 0, online.stderr);
    const first = JSON.parse(online.stdout) as { policy: { review: { requiredApprovals: number } }; sources: Record<string, string>; notes: string[] };
    assert.equal(first.policy.review.requiredApprovals, 2);
    assert.equal(first.sources['review.requiredApprovals'], `extended policy ${EXTENDS}`);
    await fx.fake.stop();
    const offline = await runCli(h.cli, ['policy', '--explain', '--format', 'json'], fx.root, env);
    assert.equal(offline.code, 0, offline.stdout + offline.stderr);
    const doc = JSON.parse(offline.stdout) as typeof first;
    assert.equal(doc.policy.review.requiredApprovals, 2, 'the cached copy applies');
    assert.ok(doc.notes.some((n) => /^GitHub could not be reached \(.+\); the copy of acme\/policies\/change-control\.json@v1 fetched at \d{4}-\d\d-\d\dT[\d:.]+Z applies\.$/.test(n)), doc.notes.join('\n'));
    const text = await runCli(h.cli, ['policy'], fx.root, env);
    assert.match(text.stdout + text.stderr, /GitHub could not be reached .*the copy of acme\/policies\/change-control\.json@v1 fetched at/);
    // The gate decides on the copy too (and says so), then reports GitHub as unreachable for the ticket and pull request.
    const status = await runCli(h.cli, ['status'], fx.root, env);
    assert.equal(status.code, 1, status.stdout + status.stderr);
    assert.match(status.stderr, /^change-control: GitHub could not be reached \(.+\); the copy of acme\/policies\/change-control\.json@v1 fetched at .+ applies\.$/m);
    assert.doesNotMatch(status.stderr, /policy invalid/);
  });

  it('status and verify refuse when the policy cannot be read and no copy was fetched (missing file, GitHub down)', async () => {
    const { fx, env } = await change(null);
    for (const args of [['status'], ['verify', '--pr', String(fx.prNumber)]]) {
      const r = await runCli(h.cli, args, fx.root, env);
      assert.equal(r.code, 2, `${args[0]}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /policy invalid[\s\S]*extends acme\/policies\/change-control\.json@v1 cannot be read/);
    }
    assert.ok(contentReads(fx.fake).every((s) => s === 404) && contentReads(fx.fake).length >= 2);
    await fx.fake.stop();
    const status = await runCli(h.cli, ['status'], fx.root, env);
    assert.equal(status.code, 2, `status offline: ${status.stdout}${status.stderr}`);
    assert.match(status.stderr, /policy invalid[\s\S]*extends acme\/policies\/change-control\.json@v1 cannot be read: GitHub could not be reached/);
    assert.equal(status.stdout, '', 'no verdict is printed');
    // verify reads the pull request first: offline it stops there, still without a verdict.
    const verify = await runCli(h.cli, ['verify', '--pr', String(fx.prNumber)], fx.root, env);
    assert.equal(verify.code, 2, `verify offline: ${verify.stdout}${verify.stderr}`);
    assert.equal(verify.stdout, '');
  });
});
