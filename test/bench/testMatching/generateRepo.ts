/**
 * A generated repository of 100,000 files for the matching-tests speed
 * benchmark: a TypeScript monorepo, Python, Go and Java modules with their
 * tests, docs and assets, plus a 50-file change on a feature branch
 * (committed, staged, unstaged and untracked). Built once in os.tmpdir()
 * and reused while GENERATOR_VERSION stays the same.
 *
 * Speed: files share a handful of contents, so the index is written with
 * one `git hash-object` per content and one `git update-index --index-info`
 * instead of hashing 100,000 files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const GENERATOR_VERSION = 'v3-100k';
export const FILE_COUNT = 100_000;
export const CHANGE_SIZE = 50;

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_CONFIG_NOSYSTEM: '1' };

function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd, env: ENV, encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
}

/** Deterministic list of repository paths with a realistic layout. */
export function generatePaths(count = FILE_COUNT): string[] {
  const paths: string[] = [];
  for (let n = 0; paths.length < count; n++) {
    const pkg = `pkg${n % 120}`;
    const mod = `mod${Math.floor(n / 120) % 40}`;
    switch (n % 5) {
      case 0: // TypeScript monorepo: src + __tests__ mirror
        paths.push(`packages/${pkg}/src/${mod}/widget${n}.ts`, `packages/${pkg}/__tests__/${mod}/widget${n}.spec.ts`);
        break;
      case 1: // Python package with tests/
        paths.push(`python/${pkg}/${pkg}/${mod}/model_${n}.py`, `python/${pkg}/tests/${mod}/test_model_${n}.py`);
        break;
      case 2: // Go: tests beside sources, a third untested
        paths.push(`go/${pkg}/${mod}/handler${n}.go`, ...(n % 3 === 0 ? [] : [`go/${pkg}/${mod}/handler${n}_test.go`]));
        break;
      case 3: // Java/Maven
        paths.push(`java/${pkg}/src/main/java/com/acme/${mod}/Service${n}.java`, `java/${pkg}/src/test/java/com/acme/${mod}/Service${n}Test.java`);
        break;
      default: // docs, assets, fixtures
        paths.push(`docs/${pkg}/${mod}/page${n}.md`, `assets/${pkg}/icon${n}.svg`, `packages/${pkg}/fixtures/data${n}.json`);
    }
  }
  return paths.slice(0, count);
}

function contentOf(file: string): string {
  return `// ${path.extname(file) || 'file'}\n`;
}

function writeTree(root: string, paths: readonly string[]): void {
  const dirs = new Set(paths.map((p) => path.dirname(p)));
  for (const dir of dirs) mkdirSync(path.join(root, dir), { recursive: true });
  for (const p of paths) writeFileSync(path.join(root, p), contentOf(p));
}

function indexTree(root: string, paths: readonly string[]): void {
  const blobs = new Map<string, string>();
  for (const p of paths) {
    const text = contentOf(p);
    if (!blobs.has(text)) blobs.set(text, git(root, ['hash-object', '-w', '--stdin'], text).trim());
  }
  const lines = paths.map((p) => `100644 ${blobs.get(contentOf(p))}\t${p}`).join('\n');
  git(root, ['update-index', '--add', '--index-info'], `${lines}\n`);
  git(root, ['update-index', '-q', '--refresh']);
}

/** The 50-file change: 30 committed, 10 staged, 5 unstaged, 5 untracked. */
function makeChange(root: string, paths: readonly string[]): void {
  const sources = paths.filter((p) => /\/(widget|model_|handler|Service)\d+\.(ts|py|go|java)$/.test(p));
  const step = Math.floor(sources.length / 40);
  const picked = Array.from({ length: 40 }, (_, k) => sources[k * step] as string);
  const edit = (p: string): void => writeFileSync(path.join(root, p), `// changed ${p}\n`);
  const committed = picked.slice(0, 20);
  for (const p of committed) edit(p);
  const tests = paths.filter((p) => committed.some((s) => path.basename(p).toLowerCase().includes(path.basename(s, path.extname(s)).toLowerCase()) && p !== s)).slice(0, 10);
  for (const p of tests) edit(p);
  git(root, ['add', '--', ...committed, ...tests]);
  git(root, ['commit', '-q', '-m', 'Change sources on the branch']);
  const staged = picked.slice(20, 30);
  for (const p of staged) edit(p);
  git(root, ['add', '--', ...staged]);
  for (const p of picked.slice(30, 35)) edit(p);
  for (let k = 0; k < 5; k++) {
    const file = `packages/pkg${k * 5}/src/newThing${k}.ts`;
    writeFileSync(path.join(root, file), '// new\n');
  }
}

/** Creates (or reuses) the benchmark repository and returns its root. */
export function ensureBenchRepo(log: (line: string) => void = () => undefined): string {
  const root = path.join(tmpdir(), `change-control-bench-tests-${GENERATOR_VERSION}`);
  if (existsSync(path.join(root, '.git', 'bench-ready'))) return root;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const started = Date.now();
  const paths = generatePaths();
  git(root, ['init', '-q', '-b', 'main']);
  writeTree(root, paths);
  indexTree(root, paths);
  git(root, ['commit', '-q', '-m', 'Add the generated tree']);
  git(root, ['switch', '-q', '-c', 'feature/1-bench']);
  makeChange(root, paths);
  writeFileSync(path.join(root, '.git', 'bench-ready'), `${GENERATOR_VERSION}\n`);
  log(`generated ${paths.length} files in ${root} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return root;
}
