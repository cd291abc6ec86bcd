/**
 * Commit-msg hook benchmark (`npm run bench`): the CPU time of one hook
 * run (user + system, of the whole process tree, from wait4's rusage via
 * a small python3 helper, since node cannot read a child's rusage) and
 * the wall and CPU time of `git commit` with each hook against no hook,
 * medians of interleaved rounds on the same message: ours (out/hook.js,
 * the production build, code cache warm, run by the very script
 * `install-hook` writes), the whole CLI (`cli.js lint --hook`, the hook
 * before issue 16), gitlint (Debian package) and @commitlint/cli run as a
 * husky hook, against a bare `node -e 0`. The CPU of `git commit` is the
 * figure to trust on a busy machine; its wall time waits for the cores.
 * Goal (issue 16): hook.js within 1.5x of node -e 0, and git commit at
 * most 60 ms slower than without a hook.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { hookScript } from '../../src/core/hook';
import { recipe } from '../../src/core/hookManagers';

const ROOT = path.resolve(__dirname, '../..');
const ROUNDS = 15;
const MESSAGE = 'feat: add the export button\n\nThe report needs a way out of the app.\n';

/** Runs each command in turn, ROUNDS times, and prints the median CPU ms of each (JSON). */
const RUSAGE_PY = `
import os, sys, json, statistics
rounds = int(sys.argv[1]); cmds = json.loads(sys.argv[2]); out = {}
for name in cmds: out[name] = []
for r in range(rounds):
  for name, (cwd, argv) in cmds.items():
    pid = os.fork()
    if pid == 0:
      os.chdir(cwd); fd = os.open(os.devnull, os.O_WRONLY); os.dup2(fd, 1); os.dup2(fd, 2); os.execvp(argv[0], argv)
    _, status, ru = os.wait4(pid, 0)
    out[name].append([(ru.ru_utime + ru.ru_stime) * 1000, os.waitstatus_to_exitcode(status)])
print(json.dumps({k: [statistics.median(x[0] for x in v), max(x[1] for x in v)] for k, v in out.items()}))
`;

const env = { ...process.env, GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'B', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'B', GIT_COMMITTER_EMAIL: 'b@example.com' };

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, env, stdio: 'ignore' });
}

function repo(dir: string, hook?: string): string {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'commit', '-q', '--allow-empty', '--no-verify', '-m', 'Start');
  mkdirSync(path.join(dir, '.github'));
  writeFileSync(path.join(dir, '.github/change-control.json'), '{ "commit": { "subjectMaxLength": 72 } }\n');
  if (hook) writeFileSync(path.join(dir, '.git/hooks/commit-msg'), hook, { mode: 0o755 });
  return dir;
}

function tool(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

export default async function run(log: (line: string) => void = console.log): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'cc-hook-bench-'));
  try {
    const bin = path.join(work, 'bin');
    const { cliBuild, hookBuild } = (await import(path.join(ROOT, 'scripts/lib/bundles.mjs'))) as Record<string, (p: boolean, o: string) => esbuild.BuildOptions>;
    await esbuild.build({ ...cliBuild!(true, bin), absWorkingDir: ROOT, logLevel: 'error' });
    await esbuild.build({ ...hookBuild!(true, bin), absWorkingDir: ROOT, logLevel: 'error' });
    const msg = path.join(work, 'msg.txt');
    writeFileSync(msg, MESSAGE);
    const node = process.execPath;
    const repos: Record<string, string> = {
      'no hook': repo(path.join(work, 'none')),
      // The floor of any node hook: a hook that only starts node.
      'node -e 0': repo(path.join(work, 'bare-node'), `#!/bin/sh\nexec "${node}" -e 0\n`),
      'hook.js': repo(path.join(work, 'ours'), hookScript({ cliPath: path.join(bin, 'cli.js'), hookPath: path.join(bin, 'hook.js'), nodePath: node })),
      'cli.js lint --hook': repo(path.join(work, 'cli'), `#!/bin/sh\nexec "${node}" "${bin}/cli.js" lint --hook "$1"\n`),
    };
    const cpu: Record<string, [string, string[]]> = {
      'node -e 0': [repos['hook.js']!, [node, '-e', '0']],
      'hook.js': [repos['hook.js']!, [node, path.join(bin, 'hook.js'), msg]],
      'cli.js lint --hook': [repos['hook.js']!, [node, path.join(bin, 'cli.js'), 'lint', '--hook', msg]],
    };
    if (tool('gitlint')) {
      repos.gitlint = repo(path.join(work, 'gitlint'), '#!/bin/sh\nexec gitlint --msg-filename "$1"\n');
      cpu.gitlint = [repos.gitlint, ['gitlint', '--msg-filename', msg]];
    } else log('gitlint: not installed (scripts/setup-test-tools.sh installs it); skipped');
    // Ours as the README's husky recipe runs it: node_modules/change-control/hook.js.
    const ourHusky = path.join(work, 'our-husky');
    repos['hook.js (husky)'] = repo(ourHusky);
    mkdirSync(path.join(ourHusky, 'node_modules'));
    symlinkSync(bin, path.join(ourHusky, 'node_modules/change-control'));
    writeFileSync(path.join(ourHusky, 'package.json'), '{ "name": "bench", "private": true }\n');
    execFileSync(node, [path.join(ROOT, 'node_modules/husky/bin.js')], { cwd: ourHusky, env, stdio: 'ignore' });
    writeFileSync(path.join(ourHusky, '.husky/commit-msg'), recipe('husky', '').snippet);
    cpu['hook.js (husky)'] = [ourHusky, ['sh', path.join(ourHusky, '.husky/commit-msg'), msg]];

    const husky = path.join(work, 'husky');
    repos['commitlint (husky)'] = repo(husky);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(husky, 'node_modules'));
    writeFileSync(path.join(husky, 'commitlint.config.js'), "module.exports = { extends: ['@commitlint/config-conventional'] };\n");
    writeFileSync(path.join(husky, 'package.json'), '{ "name": "bench", "private": true }\n');
    execFileSync(node, [path.join(ROOT, 'node_modules/husky/bin.js')], { cwd: husky, env, stdio: 'ignore' });
    writeFileSync(path.join(husky, '.husky/commit-msg'), 'npx --no -- commitlint --edit "$1"\n');
    cpu['commitlint (husky)'] = [husky, ['sh', path.join(husky, '.husky/commit-msg'), msg]];

    for (const [, [cwd, argv]] of Object.entries(cpu)) spawnSync(argv[0]!, argv.slice(1), { cwd, env, stdio: 'ignore' }); // warm caches
    const measured = JSON.parse(execFileSync('python3', ['-c', RUSAGE_PY, String(ROUNDS), JSON.stringify(cpu)], { env, encoding: 'utf8' })) as Record<string, [number, number]>;
    const base = measured['node -e 0']![0];
    log(`one hook run, CPU ms (user+system, median of ${ROUNDS}, interleaved), same message:`);
    for (const [name, [ms, code]] of Object.entries(measured)) log(`  ${name.padEnd(20)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / base).toFixed(2)}x node -e 0${code ? `  (exit ${code})` : ''}`);

    const wall: Record<string, number[]> = {};
    for (const name of Object.keys(repos)) wall[name] = [];
    for (let round = 0; round < ROUNDS + 1; round++) {
      for (const [name, dir] of Object.entries(repos)) {
        const start = performance.now();
        const r = spawnSync('git', ['commit', '-q', '--allow-empty', '-F', msg], { cwd: dir, env, stdio: 'ignore' });
        if (r.status !== 0) throw new Error(`git commit with ${name} failed`);
        if (round > 0) wall[name]!.push(performance.now() - start);
      }
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    const none = median(wall['no hook']!);
    log(`git commit wall ms (median of ${ROUNDS}, interleaved):`);
    for (const [name, times] of Object.entries(wall)) log(`  ${name.padEnd(20)} ${median(times).toFixed(1).padStart(7)} ms  +${(median(times) - none).toFixed(1)} ms over no hook`);

    const commits: Record<string, [string, string[]]> = {};
    for (const [name, dir] of Object.entries(repos)) commits[name] = [dir, ['git', 'commit', '-q', '--allow-empty', '-F', msg]];
    const commitCpu = JSON.parse(execFileSync('python3', ['-c', RUSAGE_PY, String(ROUNDS), JSON.stringify(commits)], { env, encoding: 'utf8' })) as Record<string, [number, number]>;
    const noneCpu = commitCpu['no hook']![0];
    log(`git commit CPU ms (user+system of git and its hook, median of ${ROUNDS}, interleaved):`);
    for (const [name, [ms, code]] of Object.entries(commitCpu)) log(`  ${name.padEnd(20)} ${ms.toFixed(1).padStart(7)} ms  +${(ms - noneCpu).toFixed(1)} ms over no hook${code ? `  (exit ${code})` : ''}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
