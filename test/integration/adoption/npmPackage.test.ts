/**
 * The `change-control` npm package, as a team would use it: `npm run
 * pack:cli` makes the tarball, it is installed with `npm i -D` into a
 * temporary project (offline: the package has no dependencies to fetch),
 * and `npx change-control` runs lint, check-tests and status there.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { git, makeRepo, removeDir, tempDir, testEnv } from '../cli/cliHarness';

const ROOT = path.resolve(__dirname, '../../..');

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = testEnv) {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
}

describe('the change-control npm package (packed, installed, run with npx)', function () {
  this.timeout(180_000);
  let work: string;
  let project: string;
  let tarball: string;
  // npm's own cache stays inside the test's folder: nothing is read from or written to the user's.
  let npmEnv: NodeJS.ProcessEnv;

  before(() => {
    work = tempDir('cc-npm-package-');
    npmEnv = { ...testEnv, npm_config_cache: path.join(work, 'npm-cache'), npm_config_update_notifier: 'false' };
    const packed = sh(process.execPath, [path.join(ROOT, 'scripts/pack-cli.mjs'), '--out', path.join(work, 'dist')], ROOT, npmEnv);
    assert.equal(packed.status, 0, packed.stderr);
    tarball = packed.stdout.trim().split('\n').pop() ?? '';
    assert.ok(existsSync(tarball), `tarball ${tarball} exists`);

    project = path.join(work, 'team-app');
    mkdirSync(project);
    makeRepo(project);
    writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'team-app', private: true }, null, 2)}\n`);
    const installed = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', tarball], project, npmEnv);
    assert.equal(installed.status, 0, installed.stderr);
  });
  after(() => removeDir(work));

  const npx = (args: string[], env: NodeJS.ProcessEnv = npmEnv) =>
    sh('npx', ['--offline', '--', 'change-control', ...args], project, env);

  it('holds only the bundled CLI, the schemas and the docs, and installs no dependency', () => {
    const listed = sh('tar', ['tzf', tarball], work).stdout.trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
    assert.deepEqual(listed, ['CHANGELOG.md', 'LICENSE', 'README.md', 'cli.js', 'package.json',
      'schemas/change-control.schema.json', 'schemas/evidence-v1.schema.json']);
    const manifest = JSON.parse(readFileSync(path.join(project, 'node_modules/change-control/package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.name, 'change-control');
    assert.equal(manifest.dependencies, undefined, 'no dependencies');
    assert.equal(manifest.version, (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    assert.deepEqual(readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['change-control'],
      'nothing but the package itself lands in node_modules');
  });

  it('lints a commit message with npx change-control lint', () => {
    writeFileSync(path.join(project, 'bad.txt'), 'Added the export\n');
    writeFileSync(path.join(project, 'good.txt'), 'Add the export\n');
    const bad = npx(['lint', 'bad.txt']);
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /bad\.txt:1:1: error present-tense: .*"Add"/);
    const good = npx(['lint', 'good.txt']);
    assert.equal(good.status, 0, good.stdout + good.stderr);
  });

  it('checks the tests of a change with npx change-control check-tests', () => {
    git(project, 'checkout', '-q', '-b', 'feature/1-export');
    mkdirSync(path.join(project, 'src'));
    writeFileSync(path.join(project, 'src/export.ts'), 'export const exportLog = () => 1;\n');
    writeFileSync(path.join(project, 'src/parse.ts'), 'export const parse = () => 2;\n');
    writeFileSync(path.join(project, 'src/export.test.ts'), 'import { exportLog } from "./export";\nexportLog();\n');
    const r = npx(['check-tests', '--base', 'main']);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /src\/export\.ts: covered src\/export\.test\.ts/);
    assert.match(r.stdout, /src\/parse\.ts: missing/);
  });

  it('shows the change with npx change-control status, GitHub skipped without a token', () => {
    const r = npx(['status'], { ...npmEnv, GITHUB_TOKEN: '', GH_TOKEN: '' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /feature\/1-export/);
    assert.match(r.stdout, /GitHub skipped: no GITHUB_TOKEN or GH_TOKEN/);
  });
});
