/**
 * The three hook managers teams already use, for real, each in a fresh
 * repository with the npm package installed: husky and lefthook from npm,
 * the pre-commit framework from Debian's `pre-commit` package
 * (scripts/setup-test-tools.sh installs it). In each, a past-tense
 * message is rejected and a present-tense one is committed, with exactly
 * the configuration `change-control install-hook` tells the user to add,
 * and install-hook itself writes nothing into a managed hooks folder.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { recipe } from '../../../src/core/hookManagers';
import { git, makeRepo, removeDir, tempDir } from '../cli/cliHarness';
import { makeTeamProject, npmEnv, packCli, ROOT, sh, type PackedCli } from './teamProject';

const BAD = 'Added the audit export';
const GOOD = 'Add the audit export';

describe('hook managers run the change-control commit-msg check', function () {
  this.timeout(240_000);
  let work: string;
  let packed: PackedCli;
  let env: NodeJS.ProcessEnv;

  before(() => {
    work = tempDir('cc-hook-managers-');
    env = npmEnv(work);
    packed = packCli(work);
  });
  after(() => removeDir(work));

  /** Stage a file and commit with `message`; returns git's exit code and output. */
  function commit(project: string, message: string, file: string, runEnv = env) {
    writeFileSync(path.join(project, file), `${message}\n`);
    git(project, 'add', file);
    return sh('git', ['commit', '-q', '-m', message], project, runEnv);
  }

  function assertGate(project: string, runEnv = env): void {
    const bad = commit(project, BAD, 'bad.txt', runEnv);
    assert.notEqual(bad.status, 0, `the past-tense message is rejected\n${bad.stdout}${bad.stderr}`);
    assert.match(bad.stdout + bad.stderr, /present-tense/);
    assert.equal(git(project, 'log', '-1', '--format=%s').trim(), 'Add the readme', 'nothing was committed');
    const good = commit(project, GOOD, 'good.txt', runEnv);
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.equal(git(project, 'log', '-1', '--format=%s').trim(), GOOD);
  }

  /** `change-control install-hook`, through npx, or through the bundled CLI where no package.json is. */
  function installHook(project: string, viaNpx = true): string {
    const r = viaNpx
      ? sh('npx', ['--offline', '--', 'change-control', 'install-hook'], project, env)
      : sh(process.execPath, [path.join(packed.stage, 'cli.js'), 'install-hook'], project, env);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.ok(!existsSync(path.join(project, '.git/hooks/commit-msg')), 'no hook written into .git/hooks');
    return r.stdout;
  }

  it('husky: .husky/commit-msg runs it', () => {
    const project = makeTeamProject(work, 'with-husky', packed.tarball);
    const init = sh(process.execPath, [path.join(ROOT, 'node_modules/husky/bin.js')], project, env);
    assert.equal(init.status, 0, init.stdout + init.stderr);
    assert.equal(git(project, 'config', 'core.hooksPath').trim(), '.husky/_');
    const said = installHook(project);
    assert.match(said, /managed by husky \(core\.hooksPath=\.husky\/_\)/);
    const { configFile, snippet } = recipe('husky', '');
    assert.ok(said.includes(snippet), said);
    writeFileSync(path.join(project, configFile), snippet);
    assert.ok(!existsSync(path.join(project, '.husky/_/commit-msg')) || !readFileSync(path.join(project, '.husky/_/commit-msg'), 'utf8').includes('change-control'),
      'install-hook did not write into husky\'s folder');
    assertGate(project);
  });

  it('lefthook: a commit-msg command in lefthook.yml runs it', () => {
    const project = makeTeamProject(work, 'with-lefthook', packed.tarball);
    const { configFile, snippet } = recipe('lefthook', '');
    writeFileSync(path.join(project, configFile), '# lefthook\n');
    const said = installHook(project);
    assert.match(said, /managed by lefthook \(lefthook\.yml\)/);
    assert.ok(said.includes(snippet), said);
    writeFileSync(path.join(project, configFile), snippet);
    // lefthook's hook script finds the lefthook binary on PATH, where `npm i -D lefthook` would put it.
    const lefthookEnv = { ...env, PATH: `${path.join(ROOT, 'node_modules/.bin')}${path.delimiter}${env.PATH ?? ''}` };
    const install = sh('lefthook', ['install'], project, lefthookEnv);
    assert.equal(install.status, 0, install.stdout + install.stderr);
    assertGate(project, lefthookEnv);
  });

  it('pre-commit: the repository\'s .pre-commit-hooks.yaml, by try-repo and by an installed hook', () => {
    // The hook repository as a release tag holds it: the hooks file and the bundled CLI in dist/.
    const hookRepo = path.join(work, 'change-control-hooks');
    mkdirSync(path.join(hookRepo, 'dist'), { recursive: true });
    makeRepo(hookRepo);
    copyFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), path.join(hookRepo, '.pre-commit-hooks.yaml'));
    copyFileSync(path.join(packed.stage, 'cli.js'), path.join(hookRepo, 'dist/cli.js'));
    git(hookRepo, 'add', '.');
    git(hookRepo, 'update-index', '--chmod=+x', 'dist/cli.js');
    git(hookRepo, 'commit', '-q', '-m', 'Release v0.1.0');
    const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();

    const project = path.join(work, 'with-pre-commit');
    mkdirSync(project);
    makeRepo(project);
    const preCommitEnv = { ...env, PRE_COMMIT_HOME: path.join(work, 'pre-commit-home') };
    for (const [message, status] of [[BAD, 1], [GOOD, 0]] as const) {
      writeFileSync(path.join(project, 'msg.txt'), `${message}\n`);
      const r = sh('pre-commit', ['try-repo', hookRepo, 'change-control', '--hook-stage', 'commit-msg', '--commit-msg-filename', 'msg.txt'], project, preCommitEnv);
      assert.equal(r.status, status, `${message}: ${r.stdout}${r.stderr}`);
      if (status === 1) assert.match(r.stdout, /present-tense/);
    }

    const { configFile, snippet, activate } = recipe('pre-commit', '');
    writeFileSync(path.join(project, configFile), snippet.replace('https://github.com/change-control/change-control', hookRepo).replace('v0.1.0', rev));
    const said = installHook(project, false);
    assert.match(said, /managed by the pre-commit framework \(\.pre-commit-config\.yaml\)/);
    assert.equal(activate, 'pre-commit install --hook-type commit-msg');
    const install = sh('pre-commit', ['install', '--hook-type', 'commit-msg'], project, preCommitEnv);
    assert.equal(install.status, 0, install.stdout + install.stderr);
    git(project, 'add', configFile);
    git(project, 'commit', '-q', '--no-verify', '-m', 'Add the pre-commit configuration');
    const bad = commit(project, BAD, 'bad.txt', preCommitEnv);
    assert.notEqual(bad.status, 0, bad.stdout + bad.stderr);
    assert.match(bad.stdout + bad.stderr, /present-tense/);
    const good = commit(project, GOOD, 'good.txt', preCommitEnv);
    assert.equal(good.status, 0, good.stdout + good.stderr);
  });
});
