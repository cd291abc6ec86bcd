import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, gitRepository, ourDiagnostics, ruleId, sleep, waitFor, workspaceRoot } from './support';

const inputBoxDiagnostics = (): vscode.Diagnostic[] => ourDiagnostics((u) => u.scheme === 'vscode-scm').flatMap((e) => e.diagnostics);

describe('the commit box and the policy file', () => {
  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows no error on the empty commit box, before typing and after clearing it', async () => {
    const repo = await gitRepository();
    await vscode.commands.executeCommand('workbench.view.scm');
    repo.inputBox.value = 'Added appointment reminders';
    await waitFor('a diagnostic once something is typed', () => inputBoxDiagnostics().some((d) => /tense|imperative|mood/i.test(ruleId(d))));
    repo.inputBox.value = '';
    await waitFor('the typed message\'s problems to go', () => !inputBoxDiagnostics().some((d) => /tense|imperative|mood/i.test(ruleId(d))));
    // Give the linter time to say something about the empty box, if it were going to.
    await sleep(500);
    assert.deepEqual(inputBoxDiagnostics().map(ruleId), [], 'no "message is empty" error on an empty box');
  });

  it('offers "did you mean" for an unknown policy key, and leaves JSON syntax errors to the JSON support', async () => {
    const file = path.join(workspaceRoot(), '.github', 'change-control.json');
    const original = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, original.replace('"commit":', '"comit": {},\n  "commit":'));
      const doc = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(doc);
      const d = await waitFor('an unknown-key diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((x) => x.source === 'Change Control' && /Did you mean "commit"/.test(x.message)));
      const fix = await waitFor('the "did you mean" quick fix', async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
        return actions.find((a) => a.title === 'Change to "commit"');
      });
      assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
      assert.match(doc.getText(), /"commit": \{\},\n {2}"commit":/, 'the key is renamed in place');
      // A syntax error: VS Code's JSON support reports it; Change Control does not report it again.
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((e) => e.insert(new vscode.Position(0, 1), ' ,'));
      await waitFor('the JSON support\'s syntax error', () => vscode.languages.getDiagnostics(doc.uri).some((x) => x.source !== 'Change Control'), 20_000);
      assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'Change Control' && /JSON syntax error/.test(x.message)).map((x) => x.message), []);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});
