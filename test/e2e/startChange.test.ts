import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, answerStartWarnings, git, gitRepository, quickFixes, recordErrorMessages, ruleId, signInToFake, stubWindow, waitFor, workspaceRoot } from './support';

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
      showWarningMessage: (m: string, o: unknown, ...items: vscode.MessageItem[]) => {
        shown.push(m);
        return answerStartWarnings(m, o, ...items);
      },
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
      // Without a branch ticket the rule offers no fix at all, so check the precondition in git itself.
      assert.throws(() => git(['config', '--get', 'branch.feature/link-ticket-quick-fix.changeTicket']), 'no ticket is linked yet');
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

  it('lists open GitHub tickets, refuses a closed one and asks before an unapproved one', async () => {
    const root = workspaceRoot();
    await signInToFake();
    git(['switch', '-q', '-c', 'feature/ticket-checks']);
    const key = 'branch.feature/ticket-checks.changeTicket';
    const listed: string[][] = [];
    const runLinkTicketPicking = async (typed: string): Promise<string[]> => {
      const warnings: string[] = [];
      const picks = stubQuickPick((pick) => {
        listed.push(pick.items.flatMap((i) => (i.ticketId ? [i.ticketId] : [])));
        pick.type(typed);
        const item = pick.items.find((i) => i.ticketId === typed);
        if (item) pick.accept(item);
        else pick.hide();
      });
      const stubs = stubWindow({ showWarningMessage: (m: string) => void warnings.push(m), showInformationMessage: () => undefined });
      try {
        await vscode.commands.executeCommand('changeControl.linkTicket', { root });
      } finally {
        stubs.restore();
        picks.restore();
      }
      return warnings;
    };

    errors.messages.length = 0;
    assert.deepEqual(await runLinkTicketPicking('#1'), []);
    assert.deepEqual([...(listed[0] ?? [])].sort(), ['#2', '#3', '#4'], 'open tickets only: #1 is closed');
    assert.equal(errors.messages.length, 1);
    assert.match(errors.messages[0]!, /#1 is closed/);
    assert.throws(() => git(['config', '--get', key]), 'nothing recorded for a closed ticket');

    errors.messages.length = 0;
    const warnings = await runLinkTicketPicking('#3');
    assert.deepEqual(errors.messages, []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /#3 is not approved yet \(no "Approved" label\)/);
    assert.throws(() => git(['config', '--get', key]), 'declining the warning records nothing');

    assert.deepEqual(await runLinkTicketPicking('#2'), [], 'an approved ticket needs no confirmation');
    assert.equal(git(['config', '--get', key]), '#2');
  });

  it('starts a change from the Change view in the repository the view shows', async () => {
    const view = (await activateExtension()).api.changeView as { refresh(): Promise<void>; content(): { root?: string } };
    await signInToFake();
    git(['switch', '-q', 'main']);
    await view.refresh();
    assert.equal(view.content().root, workspaceRoot(), 'the view shows the workspace repository');
    const picks = stubQuickPick((pick) => {
      const item = pick.items.find((i) => i.ticketId === '#2');
      if (item) pick.accept(item);
      else pick.hide();
    });
    const stubs = stubWindow({
      showQuickPick: (items: readonly (vscode.QuickPickItem & { changeKind?: string })[]) => items.find((i) => i.changeKind === 'defect'),
      showInputBox: () => 'Fix reminder time zone',
      showInformationMessage: () => undefined,
      showWarningMessage: answerStartWarnings,
    });
    try {
      await vscode.commands.executeCommand('changeControl.startChangeInView');
    } finally {
      stubs.restore();
      picks.restore();
    }
    assert.deepEqual(errors.messages, []);
    const branch = git(['branch', '--show-current']);
    assert.match(branch, /^defect\/.*2.*fix-reminder-time-zone/);
    assert.equal(git(['config', '--get', `branch.${branch}.changeTicket`]), '#2');
  });
});

type TicketPickItem = vscode.QuickPickItem & { ticketId?: string };
interface DrivenPick {
  items: TicketPickItem[];
  type(value: string): void;
  accept(item: TicketPickItem): void;
  hide(): void;
}

/**
 * Replaces window.createQuickPick for one command: once the tickets are
 * loaded (busy off, items set), `drive` types and accepts like a user.
 */
function stubQuickPick(drive: (pick: DrivenPick) => void): { restore(): void } {
  const win = vscode.window as unknown as Record<string, unknown>;
  const original = win.createQuickPick;
  win.createQuickPick = () => {
    const accepted = new vscode.EventEmitter<void>();
    const hidden = new vscode.EventEmitter<void>();
    const changed = new vscode.EventEmitter<string>();
    let items: TicketPickItem[] = [];
    let driven = false;
    const pick = {
      title: '', placeholder: '', value: '', busy: false, ignoreFocusOut: false, matchOnDescription: false, matchOnDetail: false,
      selectedItems: [] as TicketPickItem[],
      get items(): TicketPickItem[] { return items; },
      set items(next: TicketPickItem[]) {
        items = next;
        if (!pick.busy && !driven) {
          driven = true;
          setTimeout(() => drive(pick), 0);
        }
      },
      onDidAccept: accepted.event, onDidHide: hidden.event, onDidChangeValue: changed.event,
      show(): void {},
      hide(): void { hidden.fire(); },
      dispose(): void {},
      type(value: string): void { pick.value = value; changed.fire(value); },
      accept(item: TicketPickItem): void { pick.selectedItems = [item]; accepted.fire(); },
    };
    return pick;
  };
  return { restore: () => { win.createQuickPick = original; } };
}
