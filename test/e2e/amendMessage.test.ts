import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, commitFiles, git, gitRepository, stubWindow, waitFor } from './support';

const BRANCH = 'feature/11-amend-after-commit';

describe('a commit that breaks the policy', () => {
  let warnings: string[];
  const offered: string[] = [];
  let stub: { restore(): void };

  before(async () => {
    await activateExtension();
    warnings = [];
    stub = stubWindow({
      showWarningMessage: (message: string, ...actions: string[]) => {
        warnings.push(message);
        return actions.includes('Amend Message') ? 'Amend Message' : undefined;
      },
      // Amend Message asks for the subject, offering the linter's fix.
      showInputBox: (o: vscode.InputBoxOptions) => { offered.push(o.value ?? ''); return 'Add the amend constant'; },
      showInformationMessage: () => undefined,
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
    await waitFor('Amend Message to ask for the subject', () => offered[0]);
    assert.equal(offered[0], 'Add the amend constant.', 'the linter’s present-tense fix is offered');
    await waitFor('the amended commit', () => git(['log', '-1', '--format=%s']).trim() === 'Add the amend constant' || undefined, 20_000);
    assert.equal(git(['rev-parse', 'HEAD^']).trim(), before, 'only the latest commit was rewritten');
    assert.equal(warnings.filter((w) => /breaks the commit policy/.test(w)).length, 1, 'one warning for one commit');
  });
});
