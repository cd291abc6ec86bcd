/**
 * A hung GitHub (the repro: 31 to 95 s before giving up): with a short
 * configured bound (CHANGE_CONTROL_TIMEOUT_SECONDS), every command that
 * talks to GitHub ends well within a generous bound and says what it had
 * already done. The GitHub is a listener on 127.0.0.1 that accepts and
 * never answers, or the fake GitHub hanging one step of `pr`.
 */
import { strict as assert } from 'node:assert';
import { main } from '../../../src/cli/main';
import { buildCli, removeDir, runCliAsync, tempDir, testEnv } from '../cli/cliHarness';
import { makeChange, type ChangeFixture } from '../sidebar/changeRepo';
import { setUp, startAndCommit, TOKEN as PR_TOKEN, type Env } from '../pullRequest/harness';
import { silentListener, type Listener } from './listeners';

const TOKEN = 'ghp_deadlineCliToken00000000000000000000';
/** Far below the old 31–95 s, far above the 1 s bound: a command that waits per attempt or per retry fails it. */
const GENEROUS_MS = 12_000;

describe('every GitHub command ends at its bound on a hung GitHub (built CLI)', function () {
  this.timeout(120_000);
  let cliDir: string;
  let cli: string;
  let fx: ChangeFixture;
  let hung: Listener;

  before(async () => {
    cliDir = tempDir('cc-deadline-cli-');
    cli = await buildCli(cliDir);
  });
  after(() => removeDir(cliDir));
  beforeEach(async () => {
    fx = await makeChange();
    hung = await silentListener();
  });
  afterEach(async () => {
    await hung?.close();
    await fx?.fake.stop();
    removeDir(fx?.dir);
  });

  const env = (): NodeJS.ProcessEnv => ({ ...testEnv, GITHUB_TOKEN: TOKEN, GH_TOKEN: '', CHANGE_CONTROL_GITHUB_API_URL: hung.url, CHANGE_CONTROL_TIMEOUT_SECONDS: '1' });

  async function timed(argv: string[]): Promise<{ code: number; out: string; ms: number }> {
    const started = performance.now();
    const r = await runCliAsync(cli, argv, fx.root, env(), 60_000);
    return { code: r.code, out: `${r.stdout}${r.stderr}`, ms: performance.now() - started };
  }

  it('status shows the local sections and says GitHub did not answer within 1 s', async () => {
    const r = await timed(['status']);
    assert.ok(r.ms < GENEROUS_MS, `took ${Math.round(r.ms)} ms:\n${r.out}`);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /✓ Commits — 1, all follow the policy/);
    assert.match(r.out, /GitHub did not answer within 1 s \(the command's bound\)/);
    assert.ok(hung.requests.length > 0, 'GitHub was asked');
  });

  it('verify stops and says the pull request was not judged', async () => {
    const r = await timed(['verify', '--pr', '2']);
    assert.ok(r.ms < GENEROUS_MS, `took ${Math.round(r.ms)} ms:\n${r.out}`);
    assert.equal(r.code, 2, `an environment error exits 2\n${r.out}`);
    assert.match(r.out, /change-control verify: GitHub did not answer within 1 s \(the command's bound\)\. Done so far: pull request #2 not judged\./);
  });

  it('evidence stops and says no evidence was written', async () => {
    const r = await timed(['evidence', '--pr', '2']);
    assert.ok(r.ms < GENEROUS_MS, `took ${Math.round(r.ms)} ms:\n${r.out}`);
    assert.equal(r.code, 2, `an environment error exits 2\n${r.out}`);
    assert.match(r.out, /GitHub did not answer within 1 s \(the command's bound\)\. Done so far: no evidence written\./);
  });

  it('takes the bound from --timeout over CHANGE_CONTROL_TIMEOUT_SECONDS', async () => {
    const started = performance.now();
    const r = await runCliAsync(cli, ['verify', '--pr', '2', '--timeout', '1'], fx.root, { ...env(), CHANGE_CONTROL_TIMEOUT_SECONDS: '600' }, 60_000);
    const ms = performance.now() - started;
    assert.ok(ms < GENEROUS_MS, `took ${Math.round(ms)} ms:\n${r.stdout}${r.stderr}`);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /GitHub did not answer within 1 s \(the command's bound\)\. Done so far: pull request #2 not judged\./);
  });

  it('refuses a bound that is not a number of seconds (exit 2)', async () => {
    const r = await runCliAsync(cli, ['status'], fx.root, { ...env(), CHANGE_CONTROL_TIMEOUT_SECONDS: 'soon' }, 30_000);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /CHANGE_CONTROL_TIMEOUT_SECONDS must be a number of seconds/);
  });
});

describe('pr on a GitHub that hangs while linking the ticket (fake GitHub, in process)', function () {
  this.timeout(60_000);
  let env: Env;
  beforeEach(async () => {
    env = await setUp();
    await startAndCommit(env, '#1', 'Export the audit log as CSV');
  });
  afterEach(async () => {
    await env.dispose();
  });

  it('stops at the bound and names what was done: pushed the branch, created the pull request', async () => {
    env.fake.inject({ method: 'POST', path: /\/issues\/1\/comments$/, times: Infinity, fault: { kind: 'hang' } });
    const out: string[] = [];
    const started = performance.now();
    const code = await main({
      argv: ['pr', '--yes'], cwd: env.fx.work,
      env: { GH_TOKEN: PR_TOKEN, CHANGE_CONTROL_GITHUB_API_URL: env.fake.url, CHANGE_CONTROL_TIMEOUT_SECONDS: '5' },
      stdout: (t) => out.push(t), stderr: (t) => out.push(t), readStdin: async () => '',
    });
    const ms = performance.now() - started;
    const text = out.join('');
    assert.ok(ms < GENEROUS_MS, `took ${Math.round(ms)} ms:\n${text}`);
    assert.equal(code, 2, `an environment error exits 2\n${text}`);
    const pr = env.pulls()[0];
    assert.ok(pr, 'the pull request was created before the hang');
    assert.match(text, new RegExp(`failed while linking the pull request from the ticket: GitHub did not answer a change within 5 s .*Already done: pushed feature/1-export-the-audit-log-as-csv, PR #${pr.number} created\\.`));
    assert.deepEqual(env.fake.violations, []);
  });
});
