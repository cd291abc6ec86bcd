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
    // The same severity as the Change view: the policy requires tests, so a missing one is an error.
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    const stale = await waitFor('a problem on src/appointments.ts', () => ours(appointments)[0]);
    assert.equal(stale.code, 'tests.stale');
    assert.match(stale.message, /test\/appointments\.test\.ts/);
    for (const clean of ['src/patients.ts', 'test/appointments.test.ts', 'README.md']) {
      assert.deepEqual(ours(vscode.Uri.file(path.join(root, clean))), [], `${clean} has no problem`);
    }
  });

  it('offers "Create test file", which writes a mocha stub that counts only once written', async () => {
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
    const stub = fs.readFileSync(test, 'utf8');
    // The workspace's package.json runs mocha: the stub is mocha's (node:assert), not Jest's (expect).
    assert.match(stub, /from 'node:assert'/);
    assert.doesNotMatch(stub, /expect\(/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, test, 'and is opened');
    // An untouched stub covers nothing: the problem now says so (an error: the fixture requires tests, as the view shows).
    const unwritten = await waitFor('the "stub not yet written" problem', () => ours(reminders).find((d) => /still the stub/.test(d.message)));
    assert.equal(unwritten.code, 'tests.missing');
    // Writing the test (the marker line goes) and saving re-checks on its own, debounced.
    const editor = vscode.window.activeTextEditor!;
    const marker = editor.document.getText().split('\n').findIndex((l) => l.includes('change-control:stub'));
    assert.ok(marker >= 0, 'the stub carries its marker line');
    await editor.edit((e) => e.delete(new vscode.Range(marker, 0, marker + 1, 0)));
    await editor.document.save();
    await waitFor('the missing-test problem to clear after the re-check on save', () => ours(reminders).every((d) => d.code !== 'tests.missing'), 20_000);
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
    assert.equal(patients?.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(errors.messages, []);
  });

  it("clears the branch's problems when another branch is checked out", async () => {
    const appointments = vscode.Uri.file(path.join(root, 'src/appointments.ts'));
    assert.equal(ours(appointments)[0]?.code, 'tests.stale', 'the branch changed src/appointments.ts without its test');
    git(['switch', '-q', 'main']);
    try {
      await waitFor('the stale problem of the other branch to go', () => ours(appointments).length === 0, 20_000);
    } finally {
      git(['switch', '-q', BRANCH]);
    }
    assert.deepEqual(errors.messages, []);
  });
});
