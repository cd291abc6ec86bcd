/**
 * A real repository in a temp folder for integration tests: a bare
 * "remote", a clone-like work tree whose first commit is pushed to
 * origin/main, and a feature branch checked out. Git runs with argument
 * arrays, no system config and no hooks.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1' };

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'init.defaultBranch=main', ...args], { cwd, env: GIT_ENV, encoding: 'utf8' });
}

export function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

/** Creates the repositories; `dir` holds both (remove it afterwards), `work` is the work tree. */
export function createFeatureRepo(prefix: string, files: readonly string[], content = (f: string): string => `// ${f}\n`): { dir: string; work: string } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const remote = path.join(dir, 'remote.git');
  const work = path.join(dir, 'work');
  git(dir, 'init', '-q', '--bare', remote);
  git(dir, 'init', '-q', work);
  for (const f of files) write(work, f, content(f));
  git(work, 'add', '.');
  git(work, 'commit', '-q', '-m', 'Add the first files');
  git(work, 'remote', 'add', 'origin', remote);
  git(work, 'push', '-q', 'origin', 'main');
  git(work, 'switch', '-q', '-c', 'feature/1-x');
  return { dir, work };
}
