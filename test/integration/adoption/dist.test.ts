/**
 * dist/ is committed, so that a release tag runs as a GitHub Action and as
 * a pre-commit hook with no build step. This test rebuilds it from the
 * sources with the same esbuild options and fails when the committed copy
 * is stale: run `npm run build:dist` and commit dist/.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { removeDir, tempDir } from '../cli/cliHarness';

const ROOT = path.resolve(__dirname, '../../..');

type BuildOptions = (production: boolean, outdir: string) => esbuild.BuildOptions;

describe('the committed dist/ bundles', function () {
  this.timeout(120_000);
  let out: string;
  before(() => {
    out = tempDir('cc-dist-');
  });
  after(() => removeDir(out));

  it('are exactly what the sources build (else: npm run build:dist)', async () => {
    const bundles = (await import(pathToFileURL(path.join(ROOT, 'scripts/lib/bundles.mjs')).href)) as { cliBuild: BuildOptions; actionBuild: BuildOptions };
    await Promise.all([bundles.cliBuild, bundles.actionBuild].map((make) => esbuild.build({ ...make(true, out), absWorkingDir: ROOT, logLevel: 'error' })));
    for (const file of ['cli.js', 'action.js']) {
      const fresh = readFileSync(path.join(out, file));
      const committed = readFileSync(path.join(ROOT, 'dist', file));
      assert.ok(fresh.equals(committed), `dist/${file} is stale: run npm run build:dist and commit it`);
    }
  });

  it('start with a node shebang where a hook runs them directly', () => {
    assert.match(readFileSync(path.join(ROOT, 'dist/cli.js'), 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node\n/);
  });
});
