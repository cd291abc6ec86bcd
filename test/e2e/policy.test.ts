import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, gitRepository, ourDiagnostics, ruleId, waitFor, workspaceRoot } from './support';

describe('an invalid policy file', () => {
  let file: string;
  let original: string;

  before(async () => {
    await activateExtension();
    file = path.join(workspaceRoot(), '.github', 'change-control.json');
    original = fs.readFileSync(file, 'utf8');
  });

  after(async () => {
    fs.writeFileSync(file, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gets a diagnostic on the bad key, and commit linting keeps working on the defaults', async () => {
    const bad = original.replace(/"subjectMaxLength": 72/, '"subjectMaxLength": "seventy-two"');
    assert.notEqual(bad, original, 'the fixture policy sets subjectMaxLength');
    fs.writeFileSync(file, bad);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const d = await waitFor('a policy diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((x) => x.source === 'Change Control'));
    assert.match(doc.lineAt(d.range.start.line).text, /subjectMaxLength/, 'located on the bad key');
    assert.match(d.message, /subjectMaxLength|number/i);

    const repo = await gitRepository();
    await vscode.commands.executeCommand('workbench.view.scm');
    repo.inputBox.value = 'Added appointment reminders';
    await waitFor('commit diagnostics with the broken policy', () =>
      ourDiagnostics((u) => u.scheme === 'vscode-scm').some((e) => e.diagnostics.some((x) => /tense|imperative|mood/i.test(ruleId(x)))));
    repo.inputBox.value = '';
  });
});
