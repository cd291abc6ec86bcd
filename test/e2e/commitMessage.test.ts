import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, gitRepository, ourDiagnostics, quickFixes, ruleId, waitFor, workspaceRoot } from './support';

const LONG_BODY_LINE = 'Reminders go out a fixed number of hours before each appointment so that patients who cannot come free the slot early.';

/**
 * Applies the quick fix titled like `title` offered at the diagnostic whose rule id matches `rule`
 * (vscode.executeCodeActionProvider does not return the actions' diagnostics, so the title picks).
 */
async function applyFixFor(uri: vscode.Uri, diagnostics: vscode.Diagnostic[], rule: RegExp, title: RegExp): Promise<vscode.Diagnostic> {
  const d = diagnostics.find((x) => rule.test(ruleId(x)));
  assert.ok(d, `a ${rule} diagnostic among ${diagnostics.map(ruleId).join(', ')}`);
  // The provider answers for the document version it linted; right after typing, retry until it has.
  let seen: string[] = [];
  const fix = await waitFor(`a quick fix for ${ruleId(d)}`, async () => {
    const all = await quickFixes(uri, d.range);
    seen = all.map((a) => a.title);
    return all.find((a) => title.test(a.title));
  }, 10_000).catch((e: unknown) => assert.fail(`${String(e)}; offered: ${seen.join('; ')}`));
  assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the quick fix edit applies');
  return d;
}

describe('commit message diagnostics and quick fixes', () => {
  before(async () => {
    await activateExtension();
  });

  it('flags a past-tense subject typed into the Source Control input box, and the quick fix repairs it', async () => {
    const repo = await gitRepository();
    await vscode.commands.executeCommand('workbench.view.scm');   // the input box's document exists once shown
    repo.inputBox.value = 'Added appointment reminders';
    const found = await waitFor('diagnostics on the Source Control input', () => {
      const e = ourDiagnostics((u) => u.scheme === 'vscode-scm')[0];
      return e && e.diagnostics.some((d) => /tense|imperative|mood/i.test(ruleId(d))) ? e : undefined;
    });
    const d = await applyFixFor(found.uri, found.diagnostics, /tense|imperative|mood/i, /Added.*Add/);
    assert.equal(d.range.start.line, 0);
    await waitFor('the input box to read "Add appointment reminders"', () => repo.inputBox.value === 'Add appointment reminders');
    await waitFor('the tense diagnostic to clear', () =>
      !ourDiagnostics((u) => u.scheme === 'vscode-scm').some((e) => e.diagnostics.some((x) => /tense|imperative|mood/i.test(ruleId(x)))));
    repo.inputBox.value = '';
  });

  it('flags a long body line in COMMIT_EDITMSG (git-commit), and the wrap fix keeps every line within 72 columns', async () => {
    const file = path.join(workspaceRoot(), '.git', 'COMMIT_EDITMSG');
    fs.writeFileSync(file, `Add appointment reminders\n\n${LONG_BODY_LINE}\n\n# Please enter the commit message for your changes.\n`);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'git-commit');
    const diagnostics = await waitFor('diagnostics on COMMIT_EDITMSG', () => {
      const ds = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'Change Control');
      return ds.some((x) => x.range.start.line === 2) ? ds : undefined;
    });
    const d = await applyFixFor(doc.uri, diagnostics, /body|line-length|wrap/i, /wrap/i);
    assert.equal(d.range.start.line, 2, 'located on the long body line');
    const lines = doc.getText().split('\n').filter((l) => !l.startsWith('#'));
    assert.ok(lines.every((l) => l.length <= 72), lines.join('\n'));
    assert.match(doc.getText(), /patients who cannot come/, 'the wrap keeps the words');
    await waitFor('the body diagnostic to clear', () =>
      !vscode.languages.getDiagnostics(doc.uri).some((x) => x.source === 'Change Control' && ruleId(x) === ruleId(d)));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
