// `npm run test:electron`: the same bundled suites (out/test/e2e/index.js, same entry contract) in
// desktop VS Code through @vscode/test-electron, for machines with internet access (it downloads
// VS Code into .vscode-test/). The workspace and the fake GitHub are prepared as for test:e2e.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function runElectron({ root, outDir, prepareWorkspace }) {
  const { runTests } = await import('@vscode/test-electron');
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-e2e-electron-'));
  const ws = await prepareWorkspace(tmpRoot);
  const resultFile = path.join(tmpRoot, 'result.json');
  try {
    const code = await runTests({
      version: process.env.VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(outDir, 'index.js'),
      launchArgs: [ws.work, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', path.join(tmpRoot, 'user-data'), '--extensions-dir', path.join(tmpRoot, 'extensions')],
      extensionTestsEnv: { CHANGE_CONTROL_GITHUB_API_URL: ws.github.url, CC_E2E_FAKE_GITHUB_CONTROL: ws.github.controlUrl ?? '',
        CC_E2E_REMOTE: ws.remote, EXT_TEST_RESULT_FILE: resultFile },
    });
    const r = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    console.log(`e2e (electron): ${r.passes} passed, ${r.failures} failed`);
    return code === 0 && r.failures === 0 ? 0 : 1;
  } catch (err) {
    console.error(`[e2e] @vscode/test-electron failed (it needs internet to download VS Code): ${err?.message ?? err}`);
    console.log('e2e (electron): 0 passed, 1 failed');
    return 1;
  } finally {
    await ws.close();
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  }
}
