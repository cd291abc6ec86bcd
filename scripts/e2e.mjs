#!/usr/bin/env node
// `npm run test:e2e`: the end-to-end suites in a real VS Code extension host, offline.
//  1. builds the extension and bundles test/e2e/*.ts into out/test/e2e/ (esbuild);
//  2. installs code-server + Chromium once (scripts/setup-vscode-host.sh, cached outside the repo);
//  3. creates a temp workspace: a real git repository with a bare remote, and starts the fake GitHub
//     (test/github-fake) in this process; its URL reaches the extension through
//     CHANGE_CONTROL_GITHUB_API_URL, the variable production honours for GitHub Enterprise;
//  4. runs the suites against the development folder, then packages the VSIX, installs it into a
//     throwaway extensions folder and runs the smoke suite against the installed bundle;
//  5. prints "e2e: N passed, N failed" and exits non-zero on any failure.
// Flags: --screenshots (run the screenshot suite in Dark and Light Modern instead),
//        --electron (desktop VS Code through @vscode/test-electron; needs internet),
//        --no-vsix, --verbose, --keep, --grep=PATTERN.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { createFixtureRepo, POLICY } from './lib/fixtureRepo.mjs';
import { startFakeGitHub } from './lib/fakeGitHub.mjs';
import { startGitHttpServer } from './lib/gitHttpServer.mjs';
import { installVsix, runVsCodeTests } from './run-vscode-tests.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const flag = (name) => [...args].find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
const verbose = args.has('--verbose');
const outDir = path.join(root, 'out/test/e2e');

function step(msg) { console.log(`[e2e] ${msg}`); }

async function bundleTests() {
  const dir = path.join(root, 'test/e2e');
  const entries = fs.readdirSync(dir).filter((f) => f === 'index.ts' || /\.(test|shots|smoke)\.ts$/.test(f));
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: entries.map((f) => path.join(dir, f)), outdir: outDir, bundle: true, platform: 'node',
    target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning',
    external: ['vscode', 'mocha'], mainFields: ['module', 'main'],
  });
}

function setupHost() {
  const r = spawnSync('bash', [path.join(root, 'scripts/setup-vscode-host.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`scripts/setup-vscode-host.sh failed (exit ${r.status})`);
  return r.stdout.trim().split('\n').pop();
}

/** A fresh workspace + fake GitHub per run, so runs never see each other's state. */
async function prepareWorkspace(tmpRoot) {
  const gitServer = await startGitHttpServer(path.join(tmpRoot, 'git'));
  // casey-cab labelled the scenario's tickets: naming them an approver lets signOff.test.ts show a non-approver's label.
  const policy = { ...POLICY, tracker: { ...POLICY.tracker, approvers: ['casey-cab'] } };
  const { work, remote } = await createFixtureRepo(tmpRoot, { slug: 'acme/clinic-app', gitUrl: gitServer.url, policy });
  const github = await startFakeGitHub({ slug: 'acme/clinic-app' });
  // A merge through the API lands in the bare remote too, so Merge's fetch brings a real commit.
  const { mergeInBare, branchHead } = await import('../test/support/mergeInBare.ts');
  github.fake.state.onMerge = (request) => mergeInBare(remote, request);
  github.fake.state.resolveHead = (_repo, branch) => branchHead(remote, branch);
  return { work, remote, github, close: async () => { await github.close(); await gitServer.close(); } };
}

async function runSuites(label, opts) {
  const started = Date.now();
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), `cc-e2e-${label}-`));
  const ws = await prepareWorkspace(tmpRoot);
  try {
    step(`${label}: workspace ${ws.work}, fake GitHub ${ws.github.url}`);
    const r = await runVsCodeTests({
      codeServer: opts.codeServer, extensionTestsPath: path.join(outDir, 'index.js'), workspace: ws.work,
      extensionDevelopmentPath: opts.extensionDevelopmentPath ?? root, extensionsDir: opts.extensionsDir,
      settings: opts.settings, screenshotDir: opts.screenshotDir, verbose, keep: args.has('--keep'),
      // The user's one-time "Allow Change Control to sign in using GitHub" (the account is the
      // stand-in provider the suites register, see test/e2e/support.ts registerFakeGitHubAuth).
      applicationStorage: { 'github-octocat': JSON.stringify([{ id: 'change-control.change-control', name: 'Change Control', allowed: true }]) },
      timeoutSec: Number(process.env.CC_E2E_TIMEOUT ?? 600), log: (line) => console.log(line),
      env: { CHANGE_CONTROL_GITHUB_API_URL: ws.github.url, CC_E2E_FAKE_GITHUB_CONTROL: ws.github.controlUrl ?? '',
        CC_E2E_REMOTE: ws.remote, CC_E2E_FILES: opts.files ?? '', CC_E2E_GREP: flag('grep') ?? '',
        ...opts.env },
    });
    step(`${label}: ${r.passes} passed, ${r.failures} failed in ${((Date.now() - started) / 1000).toFixed(1)} s (${r.why})`);
    return r;
  } finally {
    await ws.close();
    if (!args.has('--keep')) fs.rmSync(tmpRoot, { recursive: true, force: true });
  }
}

/** The VSIX, installed the way users install it, tested without the development folder. */
async function runVsixSmoke(codeServer) {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, `${name}-${version}.vsix`);
  step('packaging the VSIX (npm run package)');
  execFileSync('node', [path.join(root, 'scripts/package.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-e2e-vsix-'));
  try {
    const extensionsDir = path.join(tmp, 'extensions');
    const out = installVsix({ codeServer, vsix, extensionsDir, tmp });
    step(`installed ${path.basename(vsix)}: ${out.trim().split('\n').pop()}`);
    // The test runner needs a development extension; this one only hosts the suites, so the
    // Change Control that runs is the one installed from the VSIX.
    const host = path.join(tmp, 'smoke-host');
    fs.mkdirSync(host);
    fs.writeFileSync(path.join(host, 'package.json'), JSON.stringify({ name: 'change-control-smoke-host', publisher: 'change-control',
      version: '0.0.0', engines: { vscode: '^1.100.0' }, main: './noop.js', activationEvents: [] }));
    fs.writeFileSync(path.join(host, 'noop.js'), 'exports.activate = () => {};\n');
    return await runSuites('vsix', { codeServer, extensionsDir, extensionDevelopmentPath: host, files: 'vsix.smoke.js',
      env: { CC_E2E_EXPECT_INSTALLED_IN: extensionsDir } });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const t0 = Date.now();
  execFileSync('node', [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  await bundleTests();
  if (args.has('--electron')) {
    const { runElectron } = await import('./lib/electron.mjs');
    return runElectron({ root, outDir, prepareWorkspace });
  }
  const setupStart = Date.now();
  const codeServer = setupHost();
  step(`VS Code host ready in ${((Date.now() - setupStart) / 1000).toFixed(1)} s: ${codeServer}`);
  const results = [];
  if (args.has('--screenshots')) {
    const screenshotDir = path.join(root, 'media/screenshots');
    for (const [theme, suffix] of [['Default Dark Modern', 'dark'], ['Default Light Modern', 'light']]) {
      results.push(await runSuites(`screenshots-${suffix}`, { codeServer, files: 'screenshots.shots.js', screenshotDir,
        settings: { 'workbench.colorTheme': theme }, env: { CC_E2E_THEME: suffix } }));
    }
  } else {
    results.push(await runSuites('dev', { codeServer }));
    if (!args.has('--no-vsix')) results.push(await runVsixSmoke(codeServer));
  }
  const passes = results.reduce((n, r) => n + r.passes, 0);
  const failures = results.reduce((n, r) => n + r.failures, 0);
  const bad = results.some((r) => r.code !== 0);
  step(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`e2e: ${passes} passed, ${failures} failed`);
  return bad || failures ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(`[e2e] ${err?.stack ?? err}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
