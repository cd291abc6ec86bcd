import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { HOOK_MARKER } from '../../../src/core/hook';
import { buildCli, git, makeRepo, removeDir, run, tempDir } from '../cli/cliHarness';

describe('commit-msg hook (real git)', function () {
  this.timeout(60_000);
  let work: string;
  let cli: string;
  let repo: string;

  before(async () => {
    work = tempDir('cc-hook-');
    cli = await buildCli(path.join(work, 'bin'));
  });
  after(() => removeDir(work));

  beforeEach(() => {
    repo = path.join(work, `repo-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
    mkdirSync(repo);
    makeRepo(repo);
  });

  const commit = (message: string) => run('git', ['commit', '--allow-empty', '-m', message], repo);

  it('rejects "Added x" with the present-tense message and accepts "Add x"', () => {
    const install = run('node', [cli, 'install-hook'], repo);
    assert.equal(install.status, 0, install.stderr);
    assert.match(install.stdout, /Installed the commit-msg hook/);

    const rejected = commit('Added x');
    assert.notEqual(rejected.status, 0, 'the commit should be rejected');
    const said = rejected.stdout + rejected.stderr;
    assert.match(said, /error present-tense: .*"Add".*"Added"/);
    assert.match(said, /git commit -e -F/);
    assert.equal(git(repo, 'log', '-1', '--format=%s').trim(), 'Add the readme');

    const accepted = commit('Add x');
    assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
    assert.equal(git(repo, 'log', '-1', '--format=%s').trim(), 'Add x');
  });

  it('applies the repository policy inside the hook (git sets GIT_DIR and friends there)', () => {
    mkdirSync(path.join(repo, '.github'));
    writeFileSync(path.join(repo, '.github', 'change-control.json'), '{ "commit": { "requireTicket": true } }');
    assert.equal(run('node', [cli, 'install-hook'], repo).status, 0);
    const rejected = commit('Add x');
    assert.notEqual(rejected.status, 0);
    assert.match(rejected.stdout + rejected.stderr, /error ticket-reference: /);
    assert.equal(commit('Add x\n\nRefs #7').status, 0);
  });

  it('installs idempotently, honours core.hooksPath, and uninstalls', () => {
    git(repo, 'config', 'core.hooksPath', '.githooks');
    assert.equal(run('node', [cli, 'install-hook'], repo).status, 0);
    const hook = path.join(repo, '.githooks', 'commit-msg');
    const first = readFileSync(hook, 'utf8');
    assert.ok(first.includes(HOOK_MARKER));
    assert.ok(first.includes(path.join(path.dirname(cli), 'hook.js')), 'the hook runs hook.js beside the CLI by its absolute path');
    const again = run('node', [cli, 'install-hook'], repo);
    assert.equal(again.status, 0);
    assert.match(again.stdout, /Already up to date/);
    assert.equal(readFileSync(hook, 'utf8'), first);
    assert.notEqual(commit('Fixes y').status, 0);

    const removed = run('node', [cli, 'install-hook', '--uninstall'], repo);
    assert.equal(removed.status, 0, removed.stderr);
    assert.equal(existsSync(hook), false);
    assert.equal(commit('Fixes y').status, 0, 'no hook, no check');
  });

  it('refuses a foreign hook without --force, backs it up with it, restores it on uninstall', () => {
    const hooks = path.join(repo, '.git', 'hooks');
    mkdirSync(hooks, { recursive: true });
    const foreign = '#!/bin/sh\necho team hook\n';
    writeFileSync(path.join(hooks, 'commit-msg'), foreign, { mode: 0o755 });

    const refused = run('node', [cli, 'install-hook'], repo);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /did not write already exists/);
    assert.match(refused.stderr, /--force/);
    assert.equal(readFileSync(path.join(hooks, 'commit-msg'), 'utf8'), foreign);

    const forced = run('node', [cli, 'install-hook', '--force'], repo);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(readFileSync(path.join(hooks, 'commit-msg.backup-1'), 'utf8'), foreign);
    assert.ok(readFileSync(path.join(hooks, 'commit-msg'), 'utf8').includes(HOOK_MARKER));

    const restored = run('node', [cli, 'install-hook', '--uninstall'], repo);
    assert.equal(restored.status, 0, restored.stderr);
    assert.equal(readFileSync(path.join(hooks, 'commit-msg'), 'utf8'), foreign);
    assert.equal(existsSync(path.join(hooks, 'commit-msg.backup-1')), false);
  });

  it('installs into a linked worktree through the common hooks folder', () => {
    const wt = path.join(work, `wt-${Date.now()}`);
    git(repo, 'worktree', 'add', '-q', '-b', 'feature/x', wt);
    const install = run('node', [cli, 'install-hook'], wt);
    assert.equal(install.status, 0, install.stderr);
    assert.ok(existsSync(path.join(repo, '.git', 'hooks', 'commit-msg')));
    const rejected = run('git', ['commit', '--allow-empty', '-m', 'Adding y'], wt);
    assert.notEqual(rejected.status, 0);
    assert.match(rejected.stdout + rejected.stderr, /present-tense/);
  });

  it('fails with a clear message when the CLI has moved', () => {
    const moved = path.join(work, `gone-${Date.now()}.js`);
    writeFileSync(moved, readFileSync(cli));
    assert.equal(run('node', [moved, 'install-hook'], repo).status, 0);
    removeDir(moved);
    const r = commit('Add z');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /is missing/);
  });
});
