/**
 * The layer rules of `npm run lint` (.dependency-cruiser.cjs) really
 * fail: each planted violation, in a small copy of the src/ layout in a
 * temp folder, is reported under its rule's name, and a clean layout
 * passes. The repository's own src/ passes too.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const CONFIG = path.join(REPO, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation { rule: { name: string }; from: string; to: string }

function cruise(cwd: string): Promise<Violation[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'json'], { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      // Exit code = number of errors; the JSON report is on stdout either way.
      try {
        resolve((JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations);
      } catch {
        reject(new Error(`depcruise failed: ${err?.message ?? ''} ${stderr}`));
      }
    });
  });
}

/** A temp project holding `files` (path → source) and a tsconfig. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-layers-'));
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2022', strict: true }, include: ['src'] }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const CLEAN: Record<string, string> = {
  'src/core/ports.ts': 'export interface RepoRef { owner: string; repo: string }\n',
  'src/git/commits.ts': "import type { RepoRef } from '../core/ports';\nexport const a = (r: RepoRef): string => r.owner;\n",
  'src/github/pulls.ts': "import type { RepoRef } from '../core/ports';\nexport const b = (r: RepoRef): string => r.repo;\n",
  'src/app/useCase.ts': "import { a } from '../git/commits';\nimport { b } from '../github/pulls';\nexport const c = [a, b];\n",
  'src/cli/command.ts': "import { c } from '../app/useCase';\nexport const d = c;\n",
};

describe('layer rules of npm run lint (dependency-cruiser, planted violations)', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
  const run = (extra: Record<string, string>): Promise<Violation[]> => {
    const dir = project({ ...CLEAN, ...extra });
    dirs.push(dir);
    return cruise(dir);
  };
  const names = (vs: Violation[]): string[] => [...new Set(vs.map((v) => v.rule.name))].sort();

  it('passes the clean layout', async () => {
    assert.deepEqual(await run({}), []);
  });

  it('fails an adapter that imports another adapter, even for a type only', async () => {
    const vs = await run({ 'src/git/commits.ts': "import type { RepoRef } from '../core/ports';\nimport type { b } from '../github/pulls';\nexport const a = (r: RepoRef): string => r.owner;\nexport type B = typeof b;\n" });
    assert.deepEqual(names(vs), ['adapter-imports-adapter']);
    assert.equal(vs[0]?.from, 'src/git/commits.ts');
    assert.equal(vs[0]?.to, 'src/github/pulls.ts');
  });

  it('fails an import cycle', async () => {
    const vs = await run({
      'src/git/changes.ts': "import { listing } from './treeListing';\nexport const parse = (s: string): string[] => s.split('\\0');\nexport const read = listing;\n",
      'src/git/treeListing.ts': "import { parse } from './changes';\nexport const listing = parse;\n",
    });
    assert.deepEqual(names(vs), ['no-circular']);
  });

  it('fails core importing outside core, app importing a shell or vscode, an adapter importing app', async () => {
    const vs = await run({
      'src/core/rule.ts': "import { a } from '../git/commits';\nexport const r = a;\n",
      'src/app/shell.ts': "import { d } from '../cli/command';\nimport * as vscode from 'vscode';\nexport const e = [d, vscode];\n",
      'src/tickets/provider.ts': "import { c } from '../app/useCase';\nexport const f = c;\n",
    });
    assert.deepEqual(names(vs), ['adapter-imports-app-or-shell', 'app-imports-shell', 'core-imports-outside-core', 'vscode-outside-extension']);
  });

  it('passes the repository\'s own src/', async () => {
    assert.deepEqual(await cruise(REPO), []);
  });
});
