/**
 * The `change-control` npm package, as a team would use it: `npm run
 * pack:cli` makes the tarball, it is installed with `npm i -D` into a
 * temporary project (offline: the package has no dependencies to fetch),
 * and `npx change-control` runs lint, check-tests and status there.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { git, removeDir, tempDir } from '../cli/cliHarness';
import { makeTeamProject, npmEnv, packCli, ROOT, sh } from './teamProject';

describe('the change-control npm package (packed, installed, run with npx)', function () {
  this.timeout(180_000);
  let work: string;
  let project: string;
  let tarball: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    work = tempDir('cc-npm-package-');
    env = npmEnv(work);
    tarball = packCli(work).tarball;
    project = makeTeamProject(work, 'team-app', tarball);
  });
  after(() => removeDir(work));

  const npx = (args: string[], runEnv: NodeJS.ProcessEnv = env) =>
    sh('npx', ['--offline', '--', 'change-control', ...args], project, runEnv);

  it('holds only the bundled CLI, the schemas and the docs, and installs no dependency', () => {
    const listed = sh('tar', ['tzf', tarball], work).stdout.trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
    assert.deepEqual(listed, ['CHANGELOG.md', 'LICENSE', 'README.md', 'cli.js', 'hook-lint.js', 'hook-policy.js', 'hook-re2.js', 'hook.js', 'package.json',
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
    git(project, 'remote', 'add', 'origin', 'https://github.com/acme/team-app.git');
    const r = npx(['status'], { ...env, GITHUB_TOKEN: '', GH_TOKEN: '' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /feature\/1-export/);
    assert.match(r.stdout, /GitHub skipped: no GITHUB_TOKEN or GH_TOKEN/);
  });
});
