/**
 * Not part of `npm test`: `npm run screenshots` runs this suite once per
 * theme (CC_E2E_THEME = dark | light) and the runner saves each screenshot
 * into media/screenshots/. The assertions make sure each picture shows what
 * its name says.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension, commitFiles, fakeGitHub, git, gitRepository, openAndApprovePullRequest, ourDiagnostics, pressKeys,
  renderTree, screenshot, signInToFake, sleep, startChangeFor, stubWindow, treeLines, waitFor, workspaceRoot, type ApiShape,
} from './support';

const theme = process.env.CC_E2E_THEME ?? 'dark';
/** The side bar, widened so labels are not cut, and a little of the editor: x, y, width, height. */
const CLIP: [number, number, number, number] = [0, 0, 760, 460];

/** With the side bar focused, "decrease view width" shrinks the editor, i.e. widens the side bar. */
async function widenSideBar(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.focusSideBar');
  for (let i = 0; i < 5; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
}

async function tidy(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('notifications.clearAll');
}

async function showChangeView(api: ApiShape): Promise<string> {
  await tidy();
  await vscode.commands.executeCommand('changeControl.change.focus');
  const text = renderTree(await treeLines(api));
  await sleep(1500);   // the view renders its items
  return text;
}

describe(`screenshots (${theme})`, () => {
  let api: ApiShape;
  before(async () => {
    api = (await activateExtension()).api;
    await signInToFake();
    await tidy();
    await vscode.commands.executeCommand('changeControl.change.focus');
    await widenSideBar();
  });

  it('the Change view on a blocked change', async () => {
    await startChangeFor('#3', 'Export the schedule');
    commitFiles({ 'src/scheduleExport.ts': 'export const HEADER = "start,end,patient";\n' }, 'Added the CSV export');
    const text = await showChangeView(api);
    assert.match(text, /^Blocked/);
    await screenshot(`sidebar-blocked-${theme}`, 600, CLIP);
  });

  it('actionable blockers: each row names its fix, the selected one shows the Fix button', async () => {
    const text = await showChangeView(api);
    assert.match(text, /^Blocked/);
    assert.match(text, /not pushed — Push/);
    assert.match(text, /— Amend Message/);
    // Select the first blocker row with the keyboard, as a user would, so its inline Fix button shows.
    await vscode.commands.executeCommand('changeControl.change.focus');
    await pressKeys('Home', 'ArrowDown');
    await sleep(800);
    await screenshot(`blockers-actionable-${theme}`, 600, CLIP);
  });

  it('the Change view on a change ready to merge', async () => {
    const branch = await startChangeFor('#2', 'Send appointment reminders');
    commitFiles({
      'src/reminders.ts': 'export const HOURS_BEFORE = 24;\n',
      'test/reminders.test.ts': "import { HOURS_BEFORE } from '../src/reminders';\n\nit('reminds a day ahead', () => {\n  if (HOURS_BEFORE !== 24) throw new Error('24');\n});\n",
    }, 'Add the reminder window\n\nPatients get their reminder a day ahead so they can cancel early and\nfree the slot for someone else.\n\nRefs: #2');
    await openAndApprovePullRequest(branch);
    const text = await showChangeView(api);
    assert.match(text, /^Ready to merge/);
    await screenshot(`sidebar-ready-${theme}`, 600, CLIP);
  });

  it('the commit message box with problems and the quick fix menu open', async () => {
    await tidy();
    const repo = await gitRepository();
    await vscode.commands.executeCommand('workbench.view.scm');
    await widenSideBar();
    repo.inputBox.value = 'Added appointment reminders.\nReminders go out a fixed number of hours before each appointment so patients can cancel early.';
    await waitFor('commit diagnostics', () => ourDiagnostics((u) => u.scheme === 'vscode-scm').length > 0);
    await vscode.commands.executeCommand('workbench.scm.action.focusNextInput');
    await pressKeys('Control+Home');
    await sleep(500);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1200);
    await screenshot(`commit-quick-fix-${theme}`, 600, [0, 0, 760, 300]);
    await pressKeys('Escape');
    repo.inputBox.value = '';
  });

  it('the Create Pull Request surface, Ready to merge with Merge, and the change record', async () => {
    await tidy();
    const branch = await startChangeFor('#4', 'Print the day schedule');
    commitFiles({
      'src/daySchedule.ts': 'export const TITLE = "Day schedule";\n',
      'test/daySchedule.test.ts': "import { TITLE } from '../src/daySchedule';\n\nit('has a title', () => {\n  if (!TITLE) throw new Error('title');\n});\n",
    }, 'Add the printable day schedule\n\nFront-desk staff print the schedule every morning.\n\nRefs: #4');
    type Surface = { state(): { body: string; preflight: { passed: unknown[] } } | undefined; pageReady(): boolean; send(raw: unknown): Promise<void> };
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const surface = await vscode.commands.executeCommand<Surface>('changeControl.createPullRequest', workspaceRoot());
    await waitFor('the page to say ready', () => surface.pageReady());
    assert.ok((surface.state()?.preflight.passed.length ?? 0) > 0);
    // Reviewers picked, as the page's picker would send them.
    await surface.send({ type: 'recheck', title: 'Print the day schedule (#4)', body: surface.state()!.body, draft: false, reviewers: ['riley-reviewer', 'acme/security'] });
    await sleep(1500);
    await screenshot(`create-pull-request-${theme}`, 800);

    await surface.send({ type: 'create', title: 'Print the day schedule (#4)', body: surface.state()!.body, draft: false, reviewers: ['riley-reviewer'] });
    const pulls = (await fakeGitHub<{ pulls: { number: number; head: { ref: string } }[] }>('/repo')).pulls;
    const pr = pulls.find((p) => p.head.ref === branch)!;
    await fakeGitHub('/call', { op: 'addReview', args: ['acme/clinic-app', pr.number, { user: 'riley-reviewer', state: 'APPROVED', body: 'The layout fits one page.' }] });
    const text = await showChangeView(api);
    assert.match(text, /^Ready to merge\n {2}Merge — /);
    await screenshot(`ready-to-merge-${theme}`, 600, CLIP);

    const stubs = stubWindow({ showInformationMessage: (m: string) => (m.startsWith('Merge the pull request') ? 'Merge' : undefined) });
    try {
      await vscode.commands.executeCommand('changeControl.merge', workspaceRoot());
    } finally {
      stubs.restore();
    }
    const issues = (await fakeGitHub<{ issues: { number: number; comments: { body: string }[] }[] }>('/repo')).issues;
    const record = issues.find((i) => i.number === 4)!.comments.find((c) => c.body.includes('change-control:change-record'));
    assert.ok(record, 'the change record is on the ticket');
    await tidy();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `## #4 Print the day schedule\n\n**octocat** commented:\n\n${record.body}` });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
    await sleep(4000);
    await screenshot(`change-record-${theme}`, 1000);
    await vscode.commands.executeCommand('changeControl.change.focus');
    git(['switch', '-q', 'main']);
  });
});
