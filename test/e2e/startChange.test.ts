import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, git, gitRepository, quickFixes, recordErrorMessages, ruleId, stubWindow, waitFor, workspaceRoot } from './support';

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

  it('offers the newly linked ticket in the commit-message quick fix', async () => {
    const root = workspaceRoot();
    const policyFile = path.join(root, '.github', 'change-control.json');
    const original = fs.readFileSync(policyFile, 'utf8');
    const policy = JSON.parse(original) as { commit: Record<string, unknown> };
    policy.commit.requireTicket = true;
    git(['switch', '-q', '-c', 'feature/link-ticket-quick-fix']);
    fs.writeFileSync(policyFile, `${JSON.stringify(policy, null, 2)}\n`);
    const message = path.join(root, '.git', 'COMMIT_EDITMSG');
    fs.writeFileSync(message, 'Add appointment reminders\n');
    try {
      const doc = await vscode.workspace.openTextDocument(message);
      await vscode.window.showTextDocument(doc);
      const d = await waitFor('the ticket-reference diagnostic', () =>
        vscode.languages.getDiagnostics(doc.uri).find((x) => x.source === 'Change Control' && /ticket/i.test(ruleId(x))));
      assert.deepEqual((await quickFixes(doc.uri, d.range)).filter((a) => /#5/.test(a.title)), [], 'no ticket is linked yet');
      const stubs = stubWindow({ showInformationMessage: () => undefined });
      try {
        await vscode.commands.executeCommand('changeControl.linkTicket', { root, ticket: '#5' });
      } finally {
        stubs.restore();
      }
      assert.deepEqual(errors.messages, []);
      assert.equal(git(['config', '--get', 'branch.feature/link-ticket-quick-fix.changeTicket']), '#5');
      const fix = await waitFor('a quick fix inserting #5', async () => (await quickFixes(doc.uri, d.range)).find((a) => /Append #5/.test(a.title)));
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.equal(doc.lineAt(0).text, 'Add appointment reminders (#5)');
    } finally {
      fs.writeFileSync(policyFile, original);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
