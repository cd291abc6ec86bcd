/**
 * Runs against Change Control installed from the packaged VSIX (scripts/e2e.mjs
 * installs it into a throwaway extensions folder and opens the workbench
 * without the development folder), so it exercises the minified bundle users get.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension } from './support';

describe('the installed VSIX', () => {
  it('is loaded from the extensions folder, not the development folder', async () => {
    const { ext } = await activateExtension();
    const expected = process.env.CC_E2E_EXPECT_INSTALLED_IN;
    assert.ok(expected, 'scripts/e2e.mjs names the extensions folder');
    assert.ok(ext.extensionPath.startsWith(expected), `${ext.extensionPath} is inside ${expected}`);
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
  });

  it('ships a minified bundle without sources, tests or node_modules', async () => {
    const { ext } = await activateExtension();
    const bundle = fs.readFileSync(path.join(ext.extensionPath, 'out/extension.js'), 'utf8');
    const lines = bundle.split('\n').length;
    assert.ok(bundle.length / lines > 1000, `the production bundle is minified (${lines} lines, ${bundle.length} bytes)`);
    for (const dir of ['src', 'test', 'node_modules']) assert.equal(fs.existsSync(path.join(ext.extensionPath, dir)), false, dir);
  });

  it('activates, registers every command it contributes and runs one', async () => {
    const { ext, api } = await activateExtension();
    assert.ok(ext.isActive);
    assert.equal(typeof api.activationMs, 'number');
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), [], 'the installed bundle registers every contributed command');
    await vscode.commands.executeCommand('changeControl.showLog');
    console.log(`    activation from the VSIX: activate() ${api.activationMs} ms`);
  });
});
