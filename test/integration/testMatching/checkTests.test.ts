import assert from 'node:assert/strict';
import { renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { readChange, resolveBaseRef } from '../../../src/git/changes';
import { openGit } from '../../../src/git/git';
import { GIT_ENV, createFeatureRepo, git, write } from '../../support/featureRepo';

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { argv, cwd, env: GIT_ENV, stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => '' };
  const code = await main(io);
  return { code, out, err };
}

describe('check-tests on a real repository', function () {
  this.timeout(30000);
  let dir: string;
  let work: string;

  beforeEach(() => {
    ({ dir, work } = createFeatureRepo('cc-tests-', ['src/a.ts', 'src/a.test.ts', 'src/b.ts', 'src/b.test.ts', 'src/c.ts', 'src/old name.ts', 'README.md']));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts committed, staged, unstaged and untracked changes', async () => {
    write(work, 'src/a.ts', '// changed a\n');
    write(work, 'src/a.test.ts', '// changed a test\n');
    git(work, 'commit', '-q', '-am', 'Change a');
    write(work, 'src/b.ts', '// staged b\n');
    git(work, 'add', 'src/b.ts');
    write(work, 'src/c.ts', '// unstaged c\n');
    write(work, 'src/né w.ts', '// untracked\n');
    write(work, 'src/né w.test.ts', '// untracked test\n');
    write(work, 'README.md', 'docs\n');
    const { code, out } = await cli(work, 'check-tests');
    assert.equal(code, 1, out);
    const lines = out.trim().split('\n');
    assert.deepEqual(lines.slice(0, 4), [
      'src/a.ts: covered src/a.test.ts',
      'src/b.ts: stale src/b.test.ts',
      'src/c.ts: missing (create src/c.test.ts)',
      'src/né w.ts: covered src/né w.test.ts',
    ]);
    assert.match(lines[4] ?? '', /4 source file\(s\) changed since origin\/main: 2 covered, 1 stale, 1 missing, 0 exempt\./);
  });

  it('exits 0 without missing tests, prints JSON, and handles renames', async () => {
    renameSync(path.join(work, 'src/old name.ts'), path.join(work, 'src/new name.ts'));
    write(work, 'src/new name.test.ts', '// test\n');
    git(work, 'add', '-A');
    const { code, out } = await cli(work, 'check-tests', '--format', 'json');
    assert.equal(code, 0, out);
    const result = JSON.parse(out) as { base: string; sources: { path: string; verdict: string }[]; changedTests: string[] };
    assert.equal(result.base, 'origin/main');
    assert.deepEqual(result.sources.map((s) => [s.path, s.verdict]), [['src/new name.ts', 'covered']]);
    assert.deepEqual(result.changedTests, ['src/new name.test.ts']);
    const change = await readChange(work, { baseBranch: 'main' });
    assert.deepEqual(change.changes.find((c) => c.status === 'renamed'), { path: 'src/new name.ts', status: 'renamed', oldPath: 'src/old name.ts' });
  });

  it('exits 0 with missing tests when the policy does not require them, and honours exempt globs', async () => {
    write(work, '.github/change-control.json', JSON.stringify({ tests: { requireTests: false } }));
    write(work, 'src/c.ts', '// unstaged c\n');
    assert.equal((await cli(work, 'check-tests')).code, 0);
    write(work, '.github/change-control.json', JSON.stringify({ tests: { exempt: ['src/c.ts'] } }));
    const { code, out } = await cli(work, 'check-tests');
    assert.equal(code, 0, out);
    assert.match(out, /^src\/c\.ts: exempt$/m);
  });

  it('names a broken policy key with its place, and goes on with the default', async () => {
    write(work, '.github/change-control.json', '{\n  "tests": { "requireTests": "yes" }\n}\n');
    write(work, 'src/c.ts', '// unstaged c\n');
    const { code, err } = await cli(work, 'check-tests');
    assert.equal(code, 1, 'the default requireTests (true) applies');
    assert.match(err, /^change-control check-tests: .*change-control\.json:2:\d+ tests\.requireTests: .*\(the default applies\)$/m);
  });

  it('exits 2 on bad usage and an unknown base', async () => {
    assert.equal((await cli(work, 'check-tests', '--format', 'xml')).code, 2);
    assert.equal((await cli(work, 'check-tests', '--bogus')).code, 2);
    const unknown = await cli(work, 'check-tests', '--base', 'no-such-ref');
    assert.equal(unknown.code, 2, 'a bad revision is a usage error; 1 is for missing tests');
    assert.match(unknown.err, /does not exist/);
    assert.equal((await cli(dir, 'check-tests')).code, 2);
  });

  it('measures from the remote base even when local main is outdated, and takes --base', async () => {
    git(work, 'switch', '-q', 'main');
    write(work, 'src/b.ts', '// newer on the remote\n');
    git(work, 'commit', '-q', '-am', 'Change b on main');
    git(work, 'push', '-q', 'origin', 'main');
    git(work, 'reset', '-q', '--hard', 'HEAD~1');
    git(work, 'switch', '-q', '-c', 'feature/2-y', 'origin/main');
    write(work, 'src/c.ts', '// c\n');
    const { out } = await cli(work, 'check-tests');
    assert.deepEqual(out.split('\n')[0], 'src/c.ts: missing (create src/c.test.ts)');
    const viaLocal = await cli(work, 'check-tests', '--base', 'main');
    assert.match(viaLocal.out, /^src\/b\.ts: stale/m);
    assert.equal(await resolveBaseRef(openGit(work), 'trunk'), 'origin/main');
    assert.equal(await resolveBaseRef(openGit(work), 'main'), 'origin/main');
  });

  it('falls back to master when there is neither remote nor main', async () => {
    const solo = path.join(dir, 'solo');
    git(dir, 'init', '-q', '-b', 'master', solo);
    write(solo, 'x.go', 'package x\n');
    git(solo, 'add', '.');
    git(solo, 'commit', '-q', '-m', 'Add x');
    git(solo, 'switch', '-q', '-c', 'feature/3-z');
    write(solo, 'x.go', 'package x // changed\n');
    write(solo, 'x_test.go', 'package x\n');
    const { code, out } = await cli(solo, 'check-tests');
    assert.equal(code, 0, out);
    assert.match(out, /^x\.go: covered x_test\.go$/m);
    assert.match(out, /since master/);
  });

  it('treats a changed Rust file with an inline test module as covered', async () => {
    write(work, 'src/lib.rs', 'pub fn f() {}\n#[cfg(test)]\nmod tests {}\n');
    write(work, 'src/other.rs', 'pub fn g() {}\n');
    const change = await readChange(work, { baseBranch: 'main' });
    assert.deepEqual([...change.inlineTests], ['src/lib.rs']);
    const { out } = await cli(work, 'check-tests');
    assert.match(out, /^src\/lib\.rs: covered src\/lib\.rs$/m);
    assert.match(out, /^src\/other\.rs: missing/m);
  });
});
