/**
 * Real repositories for the Start Change tests: a bare "remote" on disk, a
 * seed clone that pushes to it, and the user's work clone. Everything lives
 * under one temp folder that `dispose()` removes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const IDENTITY = ['-c', 'user.name=Test User', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null'];

export function git(cwd: string, args: string[], options: { allowFail?: boolean } = {}): string {
  try {
    return execFileSync('git', [...IDENTITY, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  } catch (err) {
    if (options.allowFail) return '';
    throw err;
  }
}

export interface Fixture {
  dir: string;
  remote: string;
  seed: string;
  work: string;
  dispose(): void;
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'cc-start-'));
}

/** A remote with `branch` (main) holding one commit, cloned as `work`. */
export function makeFixture(branch = 'main'): Fixture {
  const dir = tempDir();
  const remote = path.join(dir, 'remote.git');
  const seed = path.join(dir, 'seed');
  const work = path.join(dir, 'work');
  git(dir, ['init', '-q', '--bare', '-b', branch, remote]);
  git(dir, ['init', '-q', '-b', branch, seed]);
  commitFile(seed, 'README.md', 'hello\n', 'Add readme');
  commitFile(seed, 'shared.txt', 'one\ntwo\nthree\n', 'Add shared file');
  git(seed, ['remote', 'add', 'origin', remote]);
  git(seed, ['push', '-q', 'origin', branch]);
  git(dir, ['clone', '-q', remote, work]);
  return { dir, remote, seed, work, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function commitFile(repo: string, file: string, content: string | Buffer, message: string): string {
  const full = path.join(repo, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  git(repo, ['add', '--', file]);
  git(repo, ['commit', '-q', '-m', message]);
  return git(repo, ['rev-parse', 'HEAD']).trim();
}

/** Push a new commit from the seed so that the work clone's main is behind. */
export function advanceRemote(fx: Fixture, file = 'remote-only.txt', branch = 'main'): string {
  const tip = commitFile(fx.seed, file, `remote change ${Date.now()}\n`, 'Change on the remote');
  git(fx.seed, ['push', '-q', 'origin', branch]);
  return tip;
}

/** Everything that must not change when Start Change refuses. */
export function repoState(repo: string): Record<string, string> {
  return {
    head: git(repo, ['rev-parse', '-q', '--verify', 'HEAD'], { allowFail: true }),
    symbolicHead: git(repo, ['symbolic-ref', '-q', 'HEAD'], { allowFail: true }),
    refs: git(repo, ['for-each-ref', '--format=%(refname) %(objectname)']),
    status: git(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all']),
    index: git(repo, ['ls-files', '--stage', '-z']),
    config: git(repo, ['config', '--local', '--list']),
    files: JSON.stringify(fileHashes(repo)),
  };
}

/** sha256 of every file of the work tree outside .git (binary-safe). */
export function fileHashes(repo: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(repo, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(repo);
  return out;
}
