import { strict as assert } from 'node:assert';
import { buildCli, removeDir, runCliAsync as runCli, tempDir, testEnv } from '../cli/cliHarness';
import { makeChange, REPO, type ChangeFixture } from './changeRepo';


describe('change-control status (built CLI, fake GitHub)', function () {
  this.timeout(60_000);
  const TOKEN = 'ghp_statusclitoken0000000000000000000000';
  let cliDir: string;
  let cli: string;
  let fx: ChangeFixture;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    cliDir = tempDir('cc-status-cli-');
    cli = await buildCli(cliDir);
  });
  after(() => removeDir(cliDir));

  beforeEach(async () => {
    fx = await makeChange();
    env = { ...testEnv, GITHUB_TOKEN: TOKEN, GH_TOKEN: '', CHANGE_CONTROL_GITHUB_API_URL: fx.fake.url };
  });
  afterEach(async () => {
    await fx?.fake.stop();
    assert.deepEqual(fx?.fake.violations, [], 'the fake saw no contract violations');
    removeDir(fx?.dir);
  });

  it('exits 0 on a ready change and prints the sections', async () => {
    const r = await runCli(cli, ['status'], fx.root, env);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /✓ #1 Export the audit log — open, approved/);
    assert.match(r.stdout, /✓ Approvals — 1 of 1 required/);
    assert.match(r.stdout, /\nReady to merge\n$/);
    assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN), 'the token never appears');
  });

  it('exits 1 on a blocked change and names what blocks it', async () => {
    fx.fake.state.addReview(REPO, fx.prNumber, { user: 'erin', state: 'CHANGES_REQUESTED' });
    const r = await runCli(cli, ['status'], fx.root, env);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /Blocked: needs 1 more approval, changes requested by erin\n$/);
  });

  it('reports JSON with the same verdict', async () => {
    const r = await runCli(cli, ['status', '--format', 'json'], fx.root, env);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { ready: boolean; blockers: string[]; snapshot: { github: { status: string } } };
    assert.equal(json.ready, true);
    assert.deepEqual(json.blockers, []);
    assert.equal(json.snapshot.github.status, 'ok');
  });

  it('shows the local sections without a token, says GitHub was skipped, and exits 1', async () => {
    const r = await runCli(cli, ['status'], fx.root, { ...env, GITHUB_TOKEN: '', GH_TOKEN: '' });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /✓ Commits — 1, all follow the policy/);
    assert.match(r.stdout, /GitHub skipped: no GITHUB_TOKEN or GH_TOKEN/);
    assert.equal(fx.fake.counters.total, 0, 'GitHub was not asked');
  });

  it('exits 2 on bad usage', async () => {
    const r = await runCli(cli, ['status', '--format', 'yaml'], fx.root, env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format must be "text" or "json"/);
  });
});
