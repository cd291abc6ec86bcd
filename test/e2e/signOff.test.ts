/**
 * The sign-off rules in real VS Code (issue 13): an open review
 * conversation and a non-approver's Approved label show in the Change
 * view, and the view blocks on both. The fixture's policy names casey-cab
 * (who labelled the scenario's tickets) in tracker.approvers.
 */
import * as assert from 'node:assert/strict';
import { activateExtension, commitFiles, fakeGitHub, git, openAndApprovePullRequest, recordErrorMessages, renderTree, signInToFake, startChangeFor, treeLines, type ApiShape } from './support';

const SLUG = 'acme/clinic-app';

describe('the Change view: sign-off (open conversation, non-approver label)', () => {
  let api: ApiShape;
  let errors: ReturnType<typeof recordErrorMessages>;

  before(async () => {
    api = (await activateExtension()).api;
    await signInToFake();
    errors = recordErrorMessages();
  });

  after(async () => {
    errors.restore();
    // Leave ticket #2 as the scenario has it: approved by casey-cab, an approver.
    await fakeGitHub('/call', { op: 'unlabelIssue', args: [SLUG, 2, 'Approved', 'casey-cab'] });
    await fakeGitHub('/call', { op: 'labelIssue', args: [SLUG, 2, 'Approved', 'casey-cab'] });
    git(['switch', '-q', 'main']);
  });

  it('lists an open review conversation and names a non-approver\'s label, blocking on both', async () => {
    const branch = await startChangeFor('#2', 'Reminder sign-off');
    commitFiles({
      'src/reminderWindow.ts': 'export const HOURS_BEFORE = 24;\n',
      'test/reminderWindow.test.ts': "import { HOURS_BEFORE } from '../src/reminderWindow';\n\nit('reminds a day ahead', () => {\n  if (HOURS_BEFORE !== 24) throw new Error('not a day');\n});\n",
    }, 'Add the reminder window\n\nReminders go out a day before the appointment, so the sender needs\nthe window in one place.\n\nRefs: #2');
    const pr = await openAndApprovePullRequest(branch);
    await fakeGitHub('/call', { op: 'addReviewThread', args: [SLUG, pr, { path: 'src/reminderWindow.ts', line: 1, body: 'Should this follow the clinic\'s time zone?\nOr UTC?', user: 'riley-reviewer' }] });
    await fakeGitHub('/call', { op: 'unlabelIssue', args: [SLUG, 2, 'Approved', 'dana-dev'] });
    await fakeGitHub('/call', { op: 'labelIssue', args: [SLUG, 2, 'Approved', 'dana-dev'] });

    const lines = await treeLines(api);
    const text = renderTree(lines);
    assert.equal(lines[0]?.label, 'Blocked', text);
    assert.ok(lines.some((l) => l.depth === 1 && /1 review conversation open/.test(l.label)), `the gate names the open conversation:\n${text}`);
    assert.ok(lines.some((l) => l.depth === 1 && l.label === 'ticket #2 approved by dana-dev, who is not an approver'), `the gate names the non-approver:\n${text}`);
    assert.ok(lines.some((l) => l.label === 'Approval' && l.description === 'approved by dana-dev, who is not an approver'), `the ticket's approval:\n${text}`);
    const conversations = lines.findIndex((l) => l.label === 'Conversations');
    assert.ok(conversations >= 0, `a Conversations section:\n${text}`);
    assert.equal(lines[conversations]?.description, '1 open');
    assert.deepEqual(lines[conversations + 1] && [lines[conversations + 1]!.label, lines[conversations + 1]!.description],
      ['src/reminderWindow.ts:1', 'riley-reviewer: Should this follow the clinic\'s time zone?']);
    assert.deepEqual(errors.messages, []);
  });
});
