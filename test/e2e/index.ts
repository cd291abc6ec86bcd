/**
 * The extensionTestsPath module (bundled to out/test/e2e/index.js). Same
 * contract as for @vscode/test-electron: the extension host loads this file
 * and awaits run(); resolve = exit code 0, reject = exit code 1. So the same
 * entry serves the offline code-server runner (scripts/run-vscode-tests.mjs)
 * and desktop VS Code (scripts/lib/electron.mjs, `npm run test:electron`).
 *
 * It runs the bundled suites next to it: every *.test.js, or the
 * comma-separated basenames in CC_E2E_FILES (screenshots, VSIX smoke test).
 * With EXT_TEST_RESULT_FILE set it also writes {passes, failures, pending}
 * there so the runner can print "N passed, N failed" and double-check.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { registerFakeGitHubAuth } from './support';

function suiteFiles(dir: string): string[] {
  const wanted = (process.env.CC_E2E_FILES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const all = fs.readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'index.js').sort();
  const picked = wanted.length ? all.filter((f) => wanted.includes(f)) : all.filter((f) => f.endsWith('.test.js'));
  if (wanted.length && picked.length !== wanted.length) {
    throw new Error(`CC_E2E_FILES names missing suites: ${wanted.join(', ')} (have ${all.join(', ')})`);
  }
  return picked.map((f) => path.join(dir, f));
}

export async function run(): Promise<void> {
  const resultFile = process.env.EXT_TEST_RESULT_FILE;
  const write = (o: object): void => {
    if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(o));
  };
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, forbidOnly: true, forbidPending: true });
  if (process.env.CC_E2E_GREP) mocha.grep(process.env.CC_E2E_GREP);
  try {
    for (const f of suiteFiles(__dirname)) mocha.addFile(f);
  } catch (err) {
    write({ passes: 0, failures: 1, error: String(err) });
    throw err;
  }
  // Offline there is no github.com sign-in: the suites use a stand-in account the fake GitHub accepts.
  registerFakeGitHubAuth();
  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats ?? { passes: 0, failures, pending: 0 };
        write({ passes: s.passes, failures: s.failures, pending: s.pending, ms: Date.now() - started });
        console.log(`e2e: ${s.passes} passed, ${s.failures} failed${s.pending ? `, ${s.pending} skipped` : ''}`);
        if (failures > 0) reject(new Error(`${failures} e2e tests failed.`));
        else resolve();
      });
    } catch (err) {
      write({ passes: 0, failures: 1, error: String(err) });
      reject(err);
    }
  });
}
