/** `change-control merge`, the built CLI, against the fake GitHub and a real repository with a bare origin. */
import { strict as assert } from 'node:assert';
import { buildCli, removeDir, runCliAsync as runCli, tempDir, testEnv } from '../cli/cliHarness';
import { git, makeMergeFixture, REPO, type MergeFixture } from './mergeRepo';

describe('change-control merge (built CLI, fake GitHub)', function () {
  this.timeout(90_000);
  const TOKEN = 'ghp_mergeclitoken00000000000000000000000';
  let cliDir: string;
  let cli: string;
  let fx: MergeFixture;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    cliDir = tempDir('cc-merge-cli-');
    cli = await buildCli(cliDir);
  });
  after(() => removeDir(cliDir));
  beforeEach(async () => {
    fx = await makeMergeFixture();
    env = { ...testEnv, GITHUB_TOKEN: TOKEN, GH_TOKEN: '', CHANGE_CONTROL_GITHUB_API_URL: fx.fake.url };
  });
  afterEach(async () => {
    await fx?.fake.stop();
    assert.deepEqual(fx?.fake.violations, [], 'the fake saw no contract violations');
    removeDir(fx?.dir);
  });

  it('merges a ready change, prints the steps, and exits 0', async () => {
    const r = await runCli(cli, ['merge'], fx.root, env);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /Merging pull request #2 \(merge\) at [0-9a-f]{12}…/);
    assert.match(r.stdout, /Done: merged PR #2 as [0-9a-f]{12}, deleted feature\/1-audit-log on GitHub, change record on ticket #1, switched to main/);
    assert.equal(git(fx.root, 'rev-parse', 'HEAD'), fx.fake.state.pull(REPO, 2).mergeCommitSha);
    assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN));
  });

  it('exits 1 and merges nothing while the gate blocks', async () => {
    fx.fake.state.addReview(REPO, 2, { user: 'erin', state: 'CHANGES_REQUESTED' });
    const r = await runCli(cli, ['merge'], fx.root, env);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /Not merged: the gate blocks it\. .*changes requested by erin/);
    assert.equal(fx.fake.state.merges.length, 0);
  });

  it('exits 2 on a method it does not know', async () => {
    const r = await runCli(cli, ['merge', '--method', 'octopus'], fx.root, env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--method must be one of "merge", "squash" or "rebase", not "octopus"/);
  });
});
