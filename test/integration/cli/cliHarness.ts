/**
 * Builds the CLI once into a temp folder (an isolated esbuild bundle, so a
 * concurrent `npm run build` cannot swap it underneath a running hook) and
 * makes throw-away repositories with git's global config shut out. The
 * fixtures (useBuiltCli, useChangeFixtures) register a describe block's
 * set-up and clean-up, so each CLI test file states only what it tests.
 */
import { strict as assert } from 'node:assert';
import { execFile, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { ChangeFiles, ChangeFixture } from '../sidebar/changeRepo';

const ROOT = path.resolve(__dirname, '../../..');

/** Environment for every git and CLI process in these tests. */
export const testEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: os.devNull, // simple-git must accept it (openGit allows config paths)
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

export function tempDir(prefix: string): string {
  return realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/**
 * Bundle src/cli/main.ts the way scripts/build.mjs does, and the hook's
 * files (hook.js, hook-lint.js, ...) beside it (install-hook then installs a hook
 * that runs them); returns the cli.js path.
 */
export async function buildCli(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'cli.js');
  // The hook's bundles exactly as scripts/build.mjs makes them (the split into hook-lint.js, hook-policy.js and hook-re2.js).
  const { hookBuild } = (await import(path.join(ROOT, 'scripts/lib/bundles.mjs'))) as { hookBuild: (production: boolean, outdir: string) => esbuild.BuildOptions };
  await esbuild.build({ ...hookBuild(true, outDir), absWorkingDir: ROOT, logLevel: 'error', define: { __VERSION__: '"0.0.0-test"' } });
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'error',
    define: { __VERSION__: '"0.0.0-test"' },
    banner: { js: '#!/usr/bin/env node' },
  });
  return outfile;
}

export function run(cmd: string, args: string[], cwd: string, input?: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: testEnv, encoding: 'utf8', input, timeout: 20_000 });
}

export function git(cwd: string, ...args: string[]): string {
  const r = run('git', args, cwd);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** A new repository on branch main with one commit. */
export function makeRepo(dir: string): string {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'commit.gpgsign', 'false');
  writeFileSync(path.join(dir, 'README.md'), '# test\n');
  git(dir, 'add', 'README.md');
  git(dir, 'commit', '-q', '--no-verify', '-m', 'Add the readme');
  return dir;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI asynchronously: tests whose fake GitHub answers from
 * this process's event loop cannot use spawnSync.
 */
export function runCliAsync(cli: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8', timeout: timeoutMs }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The built CLI of one describe block, and (with `repoPerTest`) each test's repository. */
export interface BuiltCli {
  /** The block's temp folder (removed after the block); the CLI is in its `bin`. */
  readonly work: string;
  /** The built cli.js. */
  readonly cli: string;
  /** This test's repository under `work`: branch main with one commit. */
  readonly repo: string;
  /** The number of the running test (1 for the first), for unique file names under `work`. */
  readonly n: number;
}

/**
 * Registers the set-up of a CLI test block: a temp folder named `prefix…`
 * with the CLI built into it before the block, removed after it; with
 * `repoPerTest`, a new repository (makeRepo) before each test. Read the
 * fields inside hooks and tests (they are set when the block runs).
 */
export function useBuiltCli(prefix: string, options: { repoPerTest?: boolean } = {}): BuiltCli {
  const state = { work: '', cli: '', repo: '', n: 0 };
  before(async () => {
    state.work = tempDir(prefix);
    state.cli = await buildCli(path.join(state.work, 'bin'));
  });
  after(() => removeDir(state.work));
  if (options.repoPerTest) {
    beforeEach(() => {
      state.repo = path.join(state.work, `repo-${++state.n}`);
      mkdirSync(state.repo);
      makeRepo(state.repo);
    });
  }
  return {
    get work() { return state.work; },
    get cli() { return state.cli; },
    get repo() { return state.repo; },
    get n() { return state.n; },
  };
}

/**
 * Registers the clean-up of change fixtures (a repository with a pull
 * request on the contract-checked fake GitHub): after each test the fake
 * stops, must have seen no contract violation, and the folder goes. The
 * caller passes makeChange (test/integration/sidebar/changeRepo.ts, which
 * itself imports this harness).
 */
export function useChangeFixtures(makeChange: (files?: ChangeFiles) => Promise<ChangeFixture>): { make(files?: ChangeFiles): Promise<ChangeFixture> } {
  let fx: ChangeFixture | undefined;
  afterEach(async () => {
    await fx?.fake.stop();
    assert.deepEqual(fx?.fake.violations ?? [], [], 'the fake saw no contract violations');
    removeDir(fx?.dir);
    fx = undefined;
  });
  return {
    async make(files) {
      fx = await makeChange(files);
      return fx;
    },
  };
}

/** The environment of a CLI run against the fake GitHub at `apiUrl` with `token` (GH_TOKEN blanked). */
export function githubEnv(apiUrl: string, token: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...testEnv, GITHUB_TOKEN: token, GH_TOKEN: '', CHANGE_CONTROL_GITHUB_API_URL: apiUrl, ...extra };
}
