import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, git, gitRepository, recordErrorMessages, stubWindow, waitFor, workspaceRoot } from './support';

describe('Start Change', () => {
  let errors: ReturnType<typeof recordErrorMessages>;
  before(async () => {
    await activateExtension();
    errors = recordErrorMessages();
  });
  after(() => errors.restore());

  it('creates the feature branch from the remote main and records the ticket', async () => {
    const root = workspaceRoot();
    git(['switch', '-q', 'main']);
    const mainSha = git(['rev-parse', 'origin/main']);
    const asked: string[] = [];
    const shown: string[] = [];
    const stubs = stubWindow({
      showQuickPick: (items: readonly (vscode.QuickPickItem & { changeKind?: string })[]) => {
        asked.push('kind');
        return items.find((i) => i.changeKind === 'feature');
      },
      showInputBox: () => {
        asked.push('description');
        return 'Send appointment reminders';
      },
      showInformationMessage: (m: string) => shown.push(m),
      showWarningMessage: (m: string) => shown.push(m),
    });
    try {
      await vscode.commands.executeCommand('changeControl.startChange', { root, ticket: '#2' });
    } finally {
      stubs.restore();
    }
    assert.deepEqual(errors.messages, []);
    assert.deepEqual(asked, ['kind', 'description']);
    const branch = git(['branch', '--show-current']);
    assert.match(branch, /^feature\/.*2.*send-appointment-reminders/);
    assert.equal(git(['rev-parse', 'HEAD']), mainSha, 'starts from origin/main');
    assert.equal(git(['config', '--get', `branch.${branch}.changeTicket`]), '#2', 'the ticket is recorded on the branch');
    assert.ok(shown.some((m) => m.includes(branch) && m.includes('#2')), `told the user: ${shown.join(' | ')}`);
    const repo = await gitRepository();
    await waitFor('the git extension to see the new branch', () => repo.state.HEAD?.name === branch);
  });
});
