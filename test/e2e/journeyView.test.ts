/**
 * Issue 14 items 1, 3 and 5 in real VS Code: every blocker row runs its
 * fix, the view is current right after the extension's own actions (the
 * time from the end of each action to a current view is measured and
 * printed), and Start Change knows a ticket's existing work.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension, answerStartWarnings, commitFiles, fakeGitHub, git, openPullRequestVia, recordErrorMessages, signInToFake,
  startChangeFor, stubWindow, waitFor, workspaceRoot, type ApiShape,
} from './support';

interface Node { id: string; label: string; description?: string; tooltip?: string; action?: { kind: string; command?: string; url?: string; args?: unknown[] }; children?: Node[] }
interface Snapshot { branch: { name?: string; unpushed?: number }; ticket: { id?: string }; commits: { subject: string; findings: unknown[] }[]; github: { pullRequest?: { pr: { number: number }; requestedReviewers: string[] } } }
interface View {
  provider: vscode.TreeDataProvider<{ node: Node; root: string }>;
  refresh(): Promise<void>;
  content(): { nodes: Node[]; snapshot?: Snapshot };
  pollMs(): number;
  lastRefresh(): { at: number; reason: string; ms: number } | undefined;
}

/** Per own action: ms from its end to a current view, and how long the view's own refresh took. */
const timings: { action: string; ms: number; refreshMs: number }[] = [];

/** A fake GitHub operation that returns nothing (the control server then answers 500, having done it). */
async function callFake(op: string, args: unknown[]): Promise<void> {
  await fetch(`${process.env.CC_E2E_FAKE_GITHUB_CONTROL}/call`, { method: 'POST', body: JSON.stringify({ op, args }) });
}

/** Tickets this suite adds; closed afterwards so the other suites see the scenario's open tickets only. */
const added: number[] = [];

async function addTicket(title: string, labels: string[]): Promise<{ number: number }> {
  const issue = await fakeGitHub<{ number: number }>('/call', { op: 'addIssue', args: ['acme/clinic-app', { title, labels }] });
  added.push(issue.number);
  return issue;
}

describe('the Change view follows the journey (issue 14: actionable blockers, own actions, existing work)', () => {
  let view: View;
  let errors: ReturnType<typeof recordErrorMessages>;

  before(async () => {
    const api: ApiShape = (await activateExtension()).api;
    view = api.changeView as View;
    await signInToFake();
    errors = recordErrorMessages();
  });

  after(async () => {
    for (const n of added) await callFake('closeIssue', ['acme/clinic-app', n]);
    errors.restore();
    git(['switch', '-q', 'main']);
    // The figures for the report: end of each own action → the view shows its result.
    console.log(`      view current after own actions, ms after the action ended (its refresh took): ${timings.map((t) => `${t.action} ${t.ms} (${t.refreshMs})`).join(', ')}`);
  });

  /** Milliseconds from now (the end of an action) until the view's content shows `what`; fails past 1 s. */
  async function current(action: string, what: (s: Snapshot, nodes: Node[]) => boolean): Promise<void> {
    const started = Date.now();
    await waitFor(`the view to show the result of ${action}`, () => {
      const c = view.content();
      return c.snapshot && what(c.snapshot, c.nodes);
      // Generous on a loaded machine: the < 1 s target is measured (timings) and reported, not timed here.
    }, 5000);
    timings.push({ action, ms: Date.now() - started, refreshMs: view.lastRefresh()?.ms ?? -1 });
  }

  function blockers(): Node[] {
    return (view.content().nodes[0]?.children ?? []).filter((n) => n.id.startsWith('readiness/blocker/'));
  }

  function blockerRunning(command: string): Node {
    const row = blockers().find((n) => n.action?.command === command);
    assert.ok(row, `a blocker row running ${command} among: ${blockers().map((b) => `${b.label} → ${b.action?.command ?? b.action?.url}`).join(' | ')}`);
    return row;
  }

  /** Clicks a row: runs the TreeItem's own command, as VS Code does. */
  async function click(row: Node): Promise<void> {
    const item = await view.provider.getTreeItem({ node: row, root: workspaceRoot() });
    assert.ok(item.command, `${row.label} has a click command`);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
  }

  it('runs Amend Message, Push, Create Test File, Open Pull Request and Request Review from the blocker rows', async () => {
    const root = workspaceRoot();
    // A ticket of its own, not yet approved, so other suites' tickets stay as they are.
    const issue = await addTicket('Write the schedule to a file', ['feature']);
    const branch = await startChangeFor(`#${issue.number}`, 'Write the schedule file');
    await current('Start Change', (s) => s.branch.name === branch);
    commitFiles({ 'src/scheduleFile.ts': 'export const SEPARATOR = ",";\n' }, 'Added the schedule file writer');
    // Work in progress that the amend must leave alone.
    fs.writeFileSync(path.join(root, 'src/scheduleFile.ts'), 'export const SEPARATOR = ",";\nexport const QUOTE = \'"\';\n');
    git(['add', 'src/scheduleFile.ts']);
    await view.refresh();

    const amendRow = blockerRunning('changeControl.amendMessage');
    assert.match(amendRow.tooltip ?? '', /Why the policy asks for it/);
    assert.match(amendRow.tooltip ?? '', /present tense/);
    const approval = blockers().find((b) => /not approved/.test(b.label));
    assert.equal(approval?.action?.kind, 'openUrl', 'Open Ticket opens the ticket');
    assert.match(approval?.action?.url ?? '', new RegExp(`/issues/${issue.number}$`));
    assert.match(approval?.tooltip ?? '', /§9\.2 Configuration Management Policies, item 3/);

    let offered = '';
    let stubs = stubWindow({ showInputBox: (o: vscode.InputBoxOptions) => { offered = o.value ?? ''; return 'Add the schedule file writer'; }, showInformationMessage: () => undefined });
    try {
      await click(amendRow);
    } finally {
      stubs.restore();
    }
    assert.deepEqual(errors.messages, []);
    assert.equal(offered, 'Add the schedule file writer', 'the linter’s present-tense fix is offered');
    await current('Amend Message', (s) => s.commits.length === 1 && s.commits[0]?.subject === 'Add the schedule file writer' && s.commits[0].findings.length === 0);
    assert.equal(git(['log', '-1', '--format=%s']), 'Add the schedule file writer');
    assert.match(git(['diff', '--cached']), /\+export const QUOTE/, 'the staged work is still staged, not committed');

    stubs = stubWindow({ showInformationMessage: () => undefined });
    try {
      await click(blockerRunning('changeControl.push'));
    } finally {
      stubs.restore();
    }
    await current('Push', (s) => s.branch.unpushed === 0);
    assert.equal(git(['ls-remote', 'origin', `refs/heads/${branch}`]).split('\t')[0], git(['rev-parse', 'HEAD']));

    // A pushed commit is never rewritten.
    await vscode.commands.executeCommand('changeControl.amendMessage', root);
    assert.equal(errors.messages.length, 1);
    assert.match(errors.messages[0] ?? '', /already pushed/);
    errors.messages.length = 0;

    const createRow = blockerRunning('changeControl.createTestFile');
    const testFile = String(createRow.action?.args?.[2]);
    await click(createRow);
    await waitFor(`${testFile} to be created`, () => fs.existsSync(path.join(root, testFile)));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Writing the test: the stub's marker goes, or the untouched stub would not count as a test.
    const stub = fs.readFileSync(path.join(root, testFile), 'utf8').split('\n').filter((l) => !l.includes('change-control:stub')).join('\n');
    fs.writeFileSync(path.join(root, testFile), `${stub}\nit('uses a comma', () => {\n  if (SEPARATOR !== ',') throw new Error('comma');\n});\n`);
    git(['add', '-A']);
    git(['commit', '-q', '-m', `Test the schedule file writer\n\nThe separator is what spreadsheets expect, so pin it in a test.\n\nRefs: #${issue.number}`]);
    // The approver labels the ticket, so the pre-flight lets the pull request open.
    // labelIssue returns nothing, which the control server cannot send as JSON: check its effect instead.
    await callFake('labelIssue', ['acme/clinic-app', issue.number, 'Approved', 'casey-cab']);
    const labelled = await fakeGitHub<{ issues: { number: number; labels: (string | { name: string })[] }[] }>('/repo');
    assert.ok(labelled.issues.find((i) => i.number === issue.number)?.labels.some((l) => (typeof l === 'string' ? l : l.name) === 'Approved'), 'the ticket is approved');
    await view.refresh();

    await openPullRequestVia(root);
    await current('Open Pull Request', (s) => s.github.pullRequest !== undefined);
    assert.ok(view.pollMs() <= 60_000, `the poll back-off starts over (${view.pollMs()} ms)`);

    await view.refresh();
    stubs = stubWindow({ showQuickPick: (items: readonly { id: string }[]) => items.filter((i) => i.id === 'riley-reviewer'), showInformationMessage: () => undefined, showWarningMessage: () => undefined });
    try {
      await click(blockerRunning('changeControl.requestReview'));
    } finally {
      stubs.restore();
    }
    assert.deepEqual(errors.messages, []);
    await current('Request Review', (s) => (s.github.pullRequest?.requestedReviewers ?? []).includes('riley-reviewer'));
  });

  it('shows the local sections when signed out, and only the GitHub rows ask for sign-in', async () => {
    await startChangeFor('#2', 'Remind patients by post');
    commitFiles({ 'src/postReminders.ts': 'export const STAMP = true;\n' }, 'Add the postal reminder flag');
    // Signed out: the silent session look-up finds nothing (the suites share the extension's vscode API object).
    const auth = vscode.authentication as unknown as Record<string, unknown>;
    const original = auth.getSession;
    auth.getSession = async () => undefined;
    let content: ReturnType<View['content']>;
    try {
      await view.refresh();
      content = view.content();
    } finally {
      auth.getSession = original;
    }
    const byId = new Map(content.nodes.map((n) => [n.id, n]));
    assert.deepEqual([...byId.keys()].slice(0, 6), ['readiness', 'ticket', 'branch', 'commits', 'tests', 'pr'], 'every section shows');
    assert.equal(byId.get('commits')?.children?.[0]?.label, 'Add the postal reminder flag');
    assert.equal(byId.get('pr')?.description, 'sign in to GitHub to see it');
    assert.equal(byId.get('pr')?.action?.command, 'changeControl.signIn');
    assert.equal(byId.get('ticket')?.action?.command, 'changeControl.signIn');
    assert.notEqual(byId.get('branch')?.action?.command, 'changeControl.signIn', 'the local rows need no sign-in');
    for (const b of blockers()) {
      const github = /ticket|pull request|approv/i.test(b.label);
      if (github) assert.equal(b.action?.command, 'changeControl.signIn', b.label);
      else assert.notEqual(b.action?.command, 'changeControl.signIn', b.label);
    }
    await view.refresh();
    assert.notEqual(view.content().nodes.find((n) => n.id === 'pr')?.description, 'sign in to GitHub to see it', 'signed in again: GitHub is read');
  });

  it('offers to link the ticket a branch names, and shows a linked ticket at once', async () => {
    const root = workspaceRoot();
    git(['switch', '-q', 'main']);
    git(['switch', '-q', '-c', 'feature/2-weekend-reminders']);
    commitFiles({ 'src/weekendReminders.ts': 'export const WEEKEND = false;\n' }, 'Add the weekend reminder switch');
    let asked: { message: string; first?: string } | undefined;
    let stubs = stubWindow({
      showWarningMessage: (message: string, _o: unknown, ...items: vscode.MessageItem[]) => {
        asked = { message, first: items[0]?.title };
        return items[0];
      },
      showInformationMessage: () => undefined,
    });
    try {
      await vscode.commands.executeCommand('changeControl.startChange', { root });
    } finally {
      stubs.restore();
    }
    assert.deepEqual(errors.messages, []);
    assert.match(asked?.message ?? '', /feature\/2-weekend-reminders names ticket #2/);
    assert.equal(asked?.first, 'Link #2 to feature/2-weekend-reminders', 'linking is the default');
    assert.equal(git(['config', '--get', 'branch.feature/2-weekend-reminders.changeTicket']), '#2');
    await current('Start Change (link)', (s) => s.ticket.id === '#2');

    git(['switch', '-q', '-c', 'feature/unnamed-work']);
    stubs = stubWindow({ showInformationMessage: () => undefined });
    try {
      await vscode.commands.executeCommand('changeControl.linkTicket', { root, ticket: '#2' });
    } finally {
      stubs.restore();
    }
    await current('Link Ticket', (s) => s.branch.name === 'feature/unnamed-work' && s.ticket.id === '#2');
  });

  it('switches to a ticket’s existing branch instead of making a second one', async () => {
    const root = workspaceRoot();
    git(['switch', '-q', 'main']);
    const before = git(['branch', '--list']).split('\n').length;
    const asked: string[] = [];
    let first: (vscode.MessageItem & { branch?: string }) | undefined;
    const stubs = stubWindow({
      showWarningMessage: (message: string, _o: unknown, ...items: (vscode.MessageItem & { branch?: string })[]) => {
        asked.push(message);
        first = items[0];
        return items[0];
      },
      showQuickPick: () => assert.fail('no kind is asked when switching'),
      showInputBox: () => assert.fail('no description is asked when switching'),
      showInformationMessage: () => undefined,
    });
    try {
      await vscode.commands.executeCommand('changeControl.startChange', { root, ticket: '#2' });
    } finally {
      stubs.restore();
    }
    assert.deepEqual(errors.messages, []);
    assert.ok(asked.some((m) => /Ticket #2 already has work in progress/.test(m)), asked.join(' | '));
    assert.match(first?.title ?? '', /^Switch to /, 'switching is the default');
    assert.equal(git(['branch', '--show-current']), first?.branch);
    assert.equal(git(['branch', '--list']).split('\n').length, before, 'no second branch');
    await current('Start Change (switch)', (s) => s.branch.name === first?.branch);
  });

  it('prefills the description and kind from the ticket, and defaults to the safe choice for an unapproved one', async () => {
    const root = workspaceRoot();
    const issue = await addTicket('[Calendar] Fix the double booking', ['Approved', 'bug']);
    git(['switch', '-q', 'main']);
    let kinds: string[] = [];
    let prefilled = '';
    let stubs = stubWindow({
      showQuickPick: (items: readonly (vscode.QuickPickItem & { changeKind?: string })[]) => {
        kinds = items.map((i) => i.changeKind ?? '');
        return items[0];
      },
      showInputBox: (o: vscode.InputBoxOptions) => {
        prefilled = o.value ?? '';
        return o.value;
      },
      showInformationMessage: () => undefined,
      showWarningMessage: answerStartWarnings,
    });
    try {
      await vscode.commands.executeCommand('changeControl.startChange', { root, ticket: `#${issue.number}` });
    } finally {
      stubs.restore();
    }
    assert.deepEqual(errors.messages, []);
    assert.deepEqual(kinds, ['defect', 'feature'], 'the bug label puts Defect first');
    assert.equal(prefilled, 'Fix the double booking');
    assert.match(git(['branch', '--show-current']), new RegExp(`^defect/${issue.number}-fix-the-double-booking`));

    git(['switch', '-q', 'main']);
    let buttons: string[] = [];
    stubs = stubWindow({
      showWarningMessage: (message: string, _o: unknown, ...items: vscode.MessageItem[]) => {
        if (/not approved/.test(message)) buttons = items.map((i) => i.title);
        return undefined;   // the user presses Escape
      },
      showInformationMessage: () => undefined,
    });
    try {
      await vscode.commands.executeCommand('changeControl.startChange', { root, ticket: '#3' });
    } finally {
      stubs.restore();
    }
    assert.deepEqual(buttons, ['Pick Another Ticket', 'Continue Anyway'], 'the safe choice is the first (default) button');
    assert.equal(git(['branch', '--show-current']), 'main', 'nothing was started');
  });
});
