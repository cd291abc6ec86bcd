/**
 * Create Pull Request (the webview form) and Merge, in real VS Code
 * against the stand-in GitHub: the page loads under its CSP and says
 * "ready"; it shows the pre-flight with what passed and the reviewer
 * candidates; Create opens the pull request; run again, it says the pull
 * request exists first and updates its description; once approved, the
 * Change view offers Merge, which merges, records the change on the ticket
 * and leaves the workspace on the updated main.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SurfaceState } from '../../src/extension/pullRequest/createPullRequestMessages';
import { activateExtension, commitFiles, fakeGitHub, git, renderTree, signInToFake, startChangeFor, stubWindow, treeLines, waitFor, workspaceRoot, type ApiShape } from './support';

interface Surface { state(): SurfaceState | undefined; pageReady(): boolean; send(raw: unknown): Promise<void> }
interface FakeRepoState {
  issues: { number: number; state: string; comments: { body: string }[] }[];
  pulls: { number: number; title: string; body: string | null; head: { ref: string; sha: string }; merged: boolean; mergeCommitSha: string | null; requestedReviewers: string[]; draft: boolean }[];
}

async function openSurface(): Promise<Surface> {
  const surface = await vscode.commands.executeCommand<Surface>('changeControl.createPullRequest', workspaceRoot());
  assert.ok(surface?.send, 'the command returns the surface');
  await waitFor('the page script to run under the CSP and say ready', () => surface.pageReady());
  return surface;
}

describe('Create Pull Request surface and Merge', function () {
  this.timeout(120_000);
  let api: ApiShape;
  let branch: string;
  const TICKET = 4;

  before(async () => {
    api = (await activateExtension()).api;
    await signInToFake();
    branch = await startChangeFor(`#${TICKET}`, 'Print the day schedule');
    commitFiles({
      'src/daySchedule.ts': 'export const TITLE = "Day schedule";\n',
      'test/daySchedule.test.ts': "import { TITLE } from '../src/daySchedule';\n\nit('has a title', () => {\n  if (!TITLE) throw new Error('title');\n});\n",
    }, 'Add the printable day schedule\n\nFront-desk staff print the schedule every morning.\n\nRefs: #4');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    git(['switch', '-q', 'main']);
  });

  it('shows the form with the pre-flight (what passed too) and the reviewer candidates', async () => {
    const surface = await openSurface();
    const s = surface.state();
    assert.ok(s, 'the surface has a state');
    assert.equal(s.existing, undefined, 'no pull request yet');
    assert.equal(s.base, 'main');
    assert.equal(s.branch, branch);
    assert.match(s.title, /Print the day schedule/);
    assert.match(s.body, /#4\b/, 'the description names the ticket');
    assert.deepEqual(s.preflight.blockers, []);
    assert.ok(s.preflight.passed.some((p) => p.ruleId === 'ticket-approved'), JSON.stringify(s.preflight.passed));
    const ids = s.candidates.map((c) => c.id);
    assert.ok(ids.includes('riley-reviewer') && ids.includes('acme/security'), ids.join(', '));
  });

  it('creates the pull request with the chosen title, reviewers and draft state', async () => {
    const surface = await openSurface();
    const s = surface.state()!;
    await surface.send({ type: 'create', title: 'Print the day schedule (#4)', body: `${s.body}\n\nEdited in the form.`, draft: false, reviewers: ['riley-reviewer'] });
    const repo = await fakeGitHub<FakeRepoState>('/repo');
    const pr = repo.pulls.find((p) => p.head.ref === branch);
    assert.ok(pr, 'a pull request for the branch');
    assert.equal(pr.title, 'Print the day schedule (#4)');
    assert.match(pr.body ?? '', /Edited in the form\./);
    assert.deepEqual(pr.requestedReviewers, ['riley-reviewer']);
    assert.equal(surface.state()?.existing?.number, pr.number, 'the page now shows the open pull request');
  });

  it('says first that the pull request exists, and updates its description without creating another', async () => {
    const before = (await fakeGitHub<FakeRepoState>('/repo')).pulls.length;
    const surface = await openSurface();
    const s = surface.state()!;
    assert.ok(s.existing, 'the page says the pull request is open');
    await surface.send({ type: 'create', title: s.title, body: s.body, draft: false, reviewers: [] });
    await surface.send({ type: 'updateDescription', body: 'Feature: the printable day schedule.\n\nTicket: #4' });
    const repo = await fakeGitHub<FakeRepoState>('/repo');
    assert.equal(repo.pulls.length, before, 'no second pull request');
    assert.equal(repo.pulls.find((p) => p.number === s.existing!.number)?.body, 'Feature: the printable day schedule.\n\nTicket: #4');
    assert.deepEqual(await fakeGitHub<string[]>('/violations'), []);
  });

  it('offers Merge once approved, merges, records the change once, and lands on main', async () => {
    const pr = (await fakeGitHub<FakeRepoState>('/repo')).pulls.find((p) => p.head.ref === branch)!;
    await fakeGitHub('/call', { op: 'addReview', args: ['acme/clinic-app', pr.number, { user: 'riley-reviewer', state: 'APPROVED', body: 'The layout fits one page.' }] });
    const tree = renderTree(await treeLines(api));
    assert.match(tree, /^Ready to merge/, tree);
    assert.match(tree, /\n {2}Merge — #\d+ into main/, tree);
    assert.match(tree, /The layout fits one page\./, 'the review text is in the view');
    const asked: string[] = [];
    const stubs = stubWindow({
      showInformationMessage: (m: string) => {
        asked.push(m);
        return m.startsWith('Merge the pull request') ? 'Merge' : undefined;
      },
      showWarningMessage: (m: string) => asked.push(m),
    });
    const started = Date.now();
    try {
      await vscode.commands.executeCommand('changeControl.merge', workspaceRoot());
    } finally {
      stubs.restore();
    }
    const repo = await fakeGitHub<FakeRepoState>('/repo');
    const merged = repo.pulls.find((p) => p.number === pr.number)!;
    assert.equal(merged.merged, true, asked.join(' | '));
    const records = repo.issues.find((i) => i.number === TICKET)!.comments.filter((c) => c.body.includes('change-control:change-record'));
    assert.equal(records.length, 1, 'one change record on the ticket');
    assert.ok(records[0]!.body.includes(merged.mergeCommitSha!), 'it names the merged commit');
    assert.match(records[0]!.body, /riley-reviewer approved `[0-9a-f]{12}` \(the merged head\)/);
    assert.equal(git(['branch', '--show-current']), 'main');
    assert.equal(git(['rev-parse', 'HEAD']), merged.mergeCommitSha);
    const after = renderTree(await treeLines(api));
    assert.doesNotMatch(after, /Merge — /, 'no Merge row once merged');
    console.log(`    Merge command (check, merge, record, fetch, switch, refresh): ${Date.now() - started} ms`);
    assert.deepEqual(await fakeGitHub<string[]>('/violations'), []);
  });
});
