import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, git, recordErrorMessages, waitFor, workspaceRoot } from './support';

const BRANCH = 'feature/9-reminder-window';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Change Control');
}

describe('Check Tests', () => {
  let root: string;
  let errors: ReturnType<typeof recordErrorMessages>;

  before(async () => {
    await activateExtension();
    root = workspaceRoot();
    errors = recordErrorMessages();
    // A change in progress: a new source without a test, a changed source whose test did not change.
    git(['switch', '-q', '-c', BRANCH, 'main']);
    fs.writeFileSync(path.join(root, 'src/reminders.ts'), 'export const HOURS_BEFORE = 24;\n');
    fs.appendFileSync(path.join(root, 'src/appointments.ts'), '\nexport const SLOT_MINUTES = 30;\n');
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'Add the reminder window\n\nRefs: #9']);
  });

  after(async () => {
    errors.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    git(['add', '-A']);
    git(['commit', '-q', '--allow-empty', '-m', 'Add the reminder window test']);
    git(['switch', '-q', 'main']);
  });

  it('puts a "missing" problem on the new source and a "stale" one on the changed source', async () => {
    const result = await vscode.commands.executeCommand<{ counts: { missing: number; stale: number } }>('changeControl.checkTests', root);
    assert.deepEqual(errors.messages, []);
    assert.ok(result, 'the command returns its result');
    const reminders = vscode.Uri.file(path.join(root, 'src/reminders.ts'));
    const appointments = vscode.Uri.file(path.join(root, 'src/appointments.ts'));
    const missing = await waitFor('a problem on src/reminders.ts', () => ours(reminders)[0]);
    assert.equal(missing.code, 'tests.missing');
    assert.match(missing.message, /test\/reminders\.test\.ts/);
    const stale = await waitFor('a problem on src/appointments.ts', () => ours(appointments)[0]);
    assert.equal(stale.code, 'tests.stale');
    assert.match(stale.message, /test\/appointments\.test\.ts/);
    for (const clean of ['src/patients.ts', 'test/appointments.test.ts', 'README.md']) {
      assert.deepEqual(ours(vscode.Uri.file(path.join(root, clean))), [], `${clean} has no problem`);
    }
  });

  it('offers "Create test file", which creates the conventional test and clears the problem', async () => {
    const reminders = vscode.Uri.file(path.join(root, 'src/reminders.ts'));
    await vscode.window.showTextDocument(reminders);
    // The editor's own code-action request can cancel ours while the file opens: retry.
    const create = await waitFor('a "Create test file" quick fix', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', reminders, new vscode.Range(0, 0, 0, 0));
      return actions.find((a) => /^Create test file/.test(a.title) && a.command);
    });
    assert.ok(create.command);
    await vscode.commands.executeCommand(create.command.command, ...(create.command.arguments ?? []));
    const test = path.join(root, 'test/reminders.test.ts');
    assert.ok(fs.existsSync(test), 'test/reminders.test.ts exists');
    assert.ok(fs.readFileSync(test, 'utf8').length > 0, 'with a skeleton');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, test, 'and is opened');
    await waitFor('the missing-test problem to clear after the re-check', () => ours(reminders).every((d) => d.code !== 'tests.missing'));
    assert.deepEqual(errors.messages, []);
  });

  it('takes unstaged and untracked files from Source Control once the git extension has caught up', async () => {
    const { api } = await activateExtension();
    const lastTestCheck = api.lastTestCheck as (root: string) => { source: string; ms: number } | undefined;
    fs.writeFileSync(path.join(root, 'src/waitlist.ts'), 'export const WAITLIST_SIZE = 5;\n');
    fs.appendFileSync(path.join(root, 'src/patients.ts'), '\nexport const MAX_NAME = 80;\n');
    // Right after the edits the git extension lags and the check scans the work tree; once it has scanned, its lists are used.
    await waitFor('a check from the Source Control state', async () => {
      await vscode.commands.executeCommand('changeControl.checkTests', root);
      const last = lastTestCheck(root);
      return last?.source === 'sourceControl' ? last : undefined;
    });
    const waitlist = ours(vscode.Uri.file(path.join(root, 'src/waitlist.ts')))[0];
    assert.equal(waitlist?.code, 'tests.missing', 'the untracked source is missing its test');
    const patients = ours(vscode.Uri.file(path.join(root, 'src/patients.ts')))[0];
    assert.equal(patients?.code, 'tests.stale', 'the unstaged source has a test that did not change');
    assert.deepEqual(errors.messages, []);
  });
});
