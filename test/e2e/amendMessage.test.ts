import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, commitFiles, git, gitRepository, stubWindow, waitFor } from './support';

const BRANCH = 'feature/11-amend-after-commit';

describe('a commit that breaks the policy', () => {
  let warnings: string[];
  let stub: { restore(): void };

  before(async () => {
    await activateExtension();
    warnings = [];
    stub = stubWindow({
      showWarningMessage: (message: string, ...actions: string[]) => {
        warnings.push(message);
        return actions.includes('Amend Message') ? 'Amend Message' : undefined;
      },
    });
    git(['switch', '-q', '-c', BRANCH, 'main']);
  });

  after(async () => {
    stub.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    git(['switch', '-q', 'main']);
  });

  it('is followed by one warning offering Amend Message, which amends the unpushed commit', async () => {
    const repo = await gitRepository();
    await waitFor('the git extension to see the branch', () => (repo as unknown as { state: { HEAD?: { name?: string } } }).state.HEAD?.name === BRANCH);
    const before = git(['rev-parse', 'HEAD']).trim();
    commitFiles({ 'src/amend.ts': 'export const AMEND = 1;\n' }, 'Added the amend constant.');
    await waitFor('the warning after the commit', () => warnings.find((w) => /breaks the commit policy/.test(w)), 20_000);
    const editor = await waitFor('the message open for amending', () =>
      vscode.window.activeTextEditor?.document.uri.fsPath.endsWith('CHANGE_CONTROL_AMEND_MSG') ? vscode.window.activeTextEditor : undefined);
    assert.equal(editor.document.languageId, 'git-commit');
    assert.match(editor.document.getText(), /^Added the amend constant\./);
    await editor.edit((e) => e.replace(editor.document.lineAt(0).range, 'Add the amend constant'));
    await editor.document.save();
    await waitFor('the amended commit', () => git(['log', '-1', '--format=%s']).trim() === 'Add the amend constant' || undefined, 20_000);
    assert.equal(git(['rev-parse', 'HEAD^']).trim(), before, 'only the latest commit was rewritten');
    assert.equal(warnings.filter((w) => /breaks the commit policy/.test(w)).length, 1, 'one warning for one commit');
  });
});
