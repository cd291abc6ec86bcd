import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildCli, git, makeRepo, removeDir, run, runCliAsync, tempDir } from '../cli/cliHarness';
import { GIT_ENV, createFeatureRepo, write } from '../../support/featureRepo';

/**
 * Patterns a hostile repository supplies must not hang the hook or the
 * CLI. Each command runs in a child process with a timeout, so a hang
 * fails the test instead of stalling the suite; the time bounds are
 * generous and only prove that nothing backtracks.
 */
describe('hostile repository patterns (real git, built CLI)', function () {
  this.timeout(60_000);
  let work: string;
  let cli: string;

  before(async () => {
    work = tempDir('cc-hostile-');
    cli = await buildCli(path.join(work, 'bin'));
  });
  after(() => removeDir(work));

  function repoWithPolicy(policy: object): string {
    const repo = path.join(work, `repo-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
    mkdirSync(repo);
    makeRepo(repo);
    mkdirSync(path.join(repo, '.github'));
    writeFileSync(path.join(repo, '.github', 'change-control.json'), `${JSON.stringify(policy, null, 2)}\n`);
    assert.equal(run('node', [cli, 'install-hook'], repo).status, 0);
    return repo;
  }

  function timedCommit(repo: string, message: string): { status: number | null; said: string; ms: number } {
    const started = Date.now();
    const r = run('git', ['commit', '--allow-empty', '-m', message], repo);
    return { status: r.status, said: r.stdout + r.stderr, ms: Date.now() - started };
  }

  it('lints quickly with the catastrophic ticket pattern ([\\s\\S]+)+Z and still enforces it', () => {
    const repo = repoWithPolicy({ commit: { requireTicket: true, ticketPattern: '([\\s\\S]+)+Z' } });
    // Before: V8 backtracked and git commit was killed at 20 s.
    const rejected = timedCommit(repo, `Add the retry\n\n${'x'.repeat(60)} ${'y'.repeat(60)}`);
    assert.notEqual(rejected.status, null, 'the hook hung');
    assert.notEqual(rejected.status, 0);
    assert.match(rejected.said, /error ticket-reference: /);
    assert.ok(rejected.ms < 10_000, `took ${rejected.ms} ms`);
    const accepted = timedCommit(repo, `Add the retry\n\n${'x'.repeat(60)} Z`);
    assert.equal(accepted.status, 0, accepted.said);
  });

  it('reports a backreference ticket pattern as a located policy problem and checks nothing on it', () => {
    const repo = repoWithPolicy({ commit: { requireTicket: true, ticketPattern: '(x+)+\\1' } });
    const r = timedCommit(repo, 'Add the retry');
    assert.notEqual(r.status, null, 'the hook hung');
    assert.notEqual(r.status, 0, 'an invalid policy fails closed');
    assert.match(r.said, /\.github[\\/]change-control\.json:4:5: error policy: "commit\.ticketPattern": uses a backreference/);
    assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
  });

  it('runs check-tests quickly with the hostile exempt glob on a long file name', async () => {
    const { dir, work: repo } = createFeatureRepo('cc-hostile-tests-', ['README.md']);
    try {
      write(repo, '.github/change-control.json', JSON.stringify({ tests: { exempt: ['src/*a*a*a*a*a*a*a*a*b.ts'] } }));
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', 'Add the policy');
      git(repo, 'push', '-q', 'origin', 'HEAD:main');
      // 250 characters: as long as a file name may be; picomatch took over 60 s on it.
      const long = `src/${'a'.repeat(246)}.ts`;
      write(repo, long, '// long\n');
      write(repo, 'src/aaaaaaaab.ts', '// exempt\n');
      const started = Date.now();
      const r = await runCliAsync(cli, ['check-tests', '--format', 'json'], repo, GIT_ENV, 20_000);
      const ms = Date.now() - started;
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const result = JSON.parse(r.stdout) as { sources: { path: string; verdict: string }[] };
      assert.deepEqual(result.sources.map((s) => [s.path, s.verdict]), [[long, 'missing'], ['src/aaaaaaaab.ts', 'exempt']]);
      assert.ok(ms < 10_000, `took ${ms} ms`);
    } finally {
      removeDir(dir);
    }
  });
});
