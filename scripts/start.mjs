#!/usr/bin/env node
// `npm start`: builds Change Control and opens it in a real VS Code on a demo repository with a
// change in progress. Desktop VS Code (`code --extensionDevelopmentPath`) when `code` is on PATH,
// otherwise code-server on 127.0.0.1 (installed once by scripts/setup-vscode-host.sh) with the URL
// printed. GitHub is a local stand-in (the fake GitHub from test/github-fake, started from
// test/scenarios/demo.json) so every feature works offline. Ctrl-C stops everything this script started.
// Flags: --code-server (even when `code` exists), --port=N, --check (start, verify, stop: for CI).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoRepo, DEMO_SLUG } from './lib/demoRepo.mjs';
import { SCENARIOS, startFakeGitHub } from './lib/fakeGitHub.mjs';
import { startGitHttpServer } from './lib/gitHttpServer.mjs';
import { installVsix, startCodeServer } from './run-vscode-tests.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const say = (m) => console.log(`[start] ${m}`);
const cleanups = [];
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const c of cleanups.reverse()) {
    try { await c(); } catch (e) { console.error(`[start] cleanup: ${e?.message ?? e}`); }
  }
  process.exit(code);
}
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => { say('stopping…'); void stopAll(0); });

function onPath(cmd) {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], { encoding: 'utf8' }).status === 0;
}

async function main() {
  const b = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('the build failed');
  const demoRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'change-control-demo-'));
  const gitServer = await startGitHttpServer(path.join(demoRoot, 'git'));
  cleanups.push(() => gitServer.close());
  const { work } = await createDemoRepo(demoRoot, gitServer.url);
  const github = await startFakeGitHub({ slug: DEMO_SLUG, scenario: SCENARIOS.demo });
  cleanups.push(() => github.close());
  const seeded = github.description;
  say(`demo repository: ${work} (kept after exit); its remote is served by git http-backend at ${gitServer.url}`);
  say(`GitHub is a LOCAL STAND-IN at ${github.url}, not github.com; seeded: ${seeded}`);
  const env = { CHANGE_CONTROL_GITHUB_API_URL: github.url };
  // Sign-in: scripts/demo-auth answers VS Code's `github` sign-in with a stand-in account.
  const demoAuth = path.join(root, 'scripts/demo-auth');

  if (onPath('code') && !args.includes('--code-server') && !check) {
    // A separate profile makes a new VS Code instance, so the environment reaches its extension host.
    const child = spawn('code', ['--wait', '--new-window', `--extensionDevelopmentPath=${root}`, `--extensionDevelopmentPath=${demoAuth}`,
      '--user-data-dir', path.join(demoRoot, 'vscode-profile'), work],
    { env: { ...process.env, ...env }, stdio: 'inherit', detached: true });
    cleanups.push(() => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ } });
    say('opened desktop VS Code with Change Control from this folder; Ctrl-C here stops the stand-in');
    child.on('exit', () => void stopAll(0));
    return;
  }

  const setup = spawnSync('bash', [path.join(root, 'scripts/setup-vscode-host.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (setup.status !== 0) throw new Error('scripts/setup-vscode-host.sh failed');
  const codeServer = setup.stdout.trim().split('\n').pop();
  const tmp = path.join(demoRoot, 'code-server');
  fs.mkdirSync(tmp);
  // The stand-in sign-in goes in as an installed extension (the URL takes one development folder).
  const extensionsDir = path.join(tmp, 'extensions');
  const vsix = path.join(demoRoot, 'demo-auth.vsix');
  spawnSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-star-activation', '--out', vsix],
    { cwd: demoAuth, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!fs.existsSync(vsix)) throw new Error('packaging scripts/demo-auth failed');
  say(`stand-in sign-in: ${installVsix({ codeServer, vsix, extensionsDir, tmp }).trim().split('\n').pop()}`);
  const cs = await startCodeServer({ codeServer, tmp, env, extensionsDir, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  cleanups.push(() => cs.stop());
  const url = cs.url(work, [['extensionDevelopmentPath', cs.remote(root)], ['skipWelcome', 'true']]);
  if (check) {
    const res = await fetch(url);
    say(`workbench answered ${res.status}`);
    await stopAll(res.ok ? 0 : 1);
    return;
  }
  say('Change Control is running in code-server (VS Code in the browser). Open:');
  console.log(`\n    ${url}\n`);
  say('Press Ctrl-C to stop code-server and the GitHub stand-in.');
}

main().catch((e) => { console.error(`[start] ${e?.stack ?? e}`); void stopAll(1); });
