import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, fakeGitHub, git, openPullRequestVia, recordErrorMessages, signInToFake, startChangeFor, workspaceRoot } from './support';

interface FakeRepoState {
  issues: { number: number; title: string; body: string | null; comments: { body: string }[]; isPull?: boolean }[];
  pulls: { number: number; title: string; body: string | null; head: { ref: string }; base: { ref: string }; draft: boolean }[];
}

describe('Open Pull Request', () => {
  let errors: ReturnType<typeof recordErrorMessages>;
  let branch: string;

  before(async () => {
    await activateExtension();
    await signInToFake();
    const session = await vscode.authentication.getSession('github', ['repo'], { silent: true });
    assert.equal(session?.account.label, 'octocat', 'the stand-in provider answers getSession');
    errors = recordErrorMessages();
    const root = workspaceRoot();
    branch = await startChangeFor('#2', 'Remind patients by email');
    assert.match(branch, /remind-patients-by-email/);
    fs.writeFileSync(path.join(root, 'src/emailReminders.ts'), 'export const SUBJECT = "Your appointment tomorrow";\n');
    fs.writeFileSync(path.join(root, 'test/emailReminders.test.ts'), "import { SUBJECT } from '../src/emailReminders';\n\nit('has a subject', () => {\n  if (!SUBJECT) throw new Error('subject');\n});\n");
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'Add the email reminder subject\n\nPatients get their reminder by email, so the message needs a subject\nline they recognise.\n\nRefs: #2']);
  });

  after(() => {
    errors?.restore();
    git(['switch', '-q', 'main']);
  });

  it('pushes the branch and creates the pull request on GitHub with the ticket link', async () => {
    const root = workspaceRoot();
    const picks: string[] = [];
    const shown = await openPullRequestVia(root, picks);
    assert.deepEqual(errors.messages, [], `pre-flight: ${picks.join(' | ')}`);
    assert.ok(picks.some((l) => /Continue/.test(l)), `the pre-flight let us continue: ${picks.join(' | ')}`);
    const state = await fakeGitHub<FakeRepoState>('/repo');
    const pr = state.pulls.find((p) => p.head.ref === branch);
    assert.ok(pr, `a pull request for ${branch} among ${state.pulls.map((p) => p.head.ref).join(', ')}`);
    assert.equal(pr.base.ref, 'main');
    assert.match(pr.body ?? '', /#2\b/, 'the description links the ticket');
    const ticket = state.issues.find((i) => i.number === 2);
    assert.ok(ticket?.comments.some((c) => c.body.includes(`#${pr.number}`) || c.body.includes(`/pull/${pr.number}`)),
      'the ticket links back to the pull request');
    assert.equal(git(['ls-remote', 'origin', `refs/heads/${branch}`]).split('\t')[0], git(['rev-parse', 'HEAD']), 'the branch is pushed');
    assert.ok(shown.some((m) => m.includes(`#${pr.number}`)), `told the user: ${shown.join(' | ')}`);
    assert.deepEqual(await fakeGitHub<string[]>('/violations'), [], 'every request matched GitHub\'s OpenAPI contract');
  });
});
