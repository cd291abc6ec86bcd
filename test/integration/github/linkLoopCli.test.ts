/**
 * status, verify and evidence against a GitHub whose Link headers never
 * end (the repro: 7,000 to 22,000 requests until killed): each stops with
 * a clear error after a bounded number of requests.
 */
import { strict as assert } from 'node:assert';
import { buildCli, removeDir, runCliAsync, tempDir, testEnv } from '../cli/cliHarness';
import { makeChange, type ChangeFixture } from '../sidebar/changeRepo';

const TOKEN = 'ghp_linkLoopCliToken000000000000000000000';

describe('status, verify and evidence stop on a Link loop (built CLI, fake GitHub)', function () {
  this.timeout(120_000);
  let cliDir: string;
  let cli: string;
  let fx: ChangeFixture;

  before(async () => {
    cliDir = tempDir('cc-linkloop-cli-');
    cli = await buildCli(cliDir);
  });
  after(() => removeDir(cliDir));
  beforeEach(async () => {
    fx = await makeChange();
  });
  afterEach(async () => {
    await fx?.fake.stop();
    assert.deepEqual(fx?.fake.violations, []);
    removeDir(fx?.dir);
  });

  for (const mode of ['self', 'cycle'] as const) {
    for (const argv of [['status'], ['verify', '--pr', '2'], ['evidence', '--pr', '2']]) {
      it(`${argv[0]} with a ${mode} Link loop on every list`, async () => {
        fx.fake.inject({ path: /./, times: Infinity, fault: { kind: 'linkLoop', mode } });
        const env = { ...testEnv, GITHUB_TOKEN: TOKEN, GH_TOKEN: '', CHANGE_CONTROL_GITHUB_API_URL: fx.fake.url };
        const r = await runCliAsync(cli, argv, fx.root, env, 60_000);
        const out = `${r.stdout}${r.stderr}`;
        assert.notEqual(r.code, 0, out);
        assert.match(out, /pages of GET \/repos\/\{owner\}\/\{repo\}\/[a-z_/{}]+ do not end: page \d links back to a page already read/, out);
        assert.ok(fx.fake.counters.total < 60, `${fx.fake.counters.total} requests`);
      });
    }
  }
});
