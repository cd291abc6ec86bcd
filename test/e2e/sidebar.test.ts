import * as assert from 'node:assert/strict';
import { activateExtension, commitFiles, git, openAndApprovePullRequest, recordErrorMessages, renderTree, signInToFake, startChangeFor, treeLines, type ApiShape } from './support';

describe('the Change view (sidebar)', () => {
  let api: ApiShape;
  let errors: ReturnType<typeof recordErrorMessages>;

  before(async () => {
    api = (await activateExtension()).api;
    await signInToFake();
    errors = recordErrorMessages();
  });

  after(() => {
    errors.restore();
    git(['switch', '-q', 'main']);
  });

  it('shows a change on an unapproved ticket with a bad commit as blocked, naming why', async () => {
    const branch = await startChangeFor('#3', 'Export the schedule');
    commitFiles({ 'src/scheduleExport.ts': 'export const HEADER = "start,end,patient";\n' }, 'Added the CSV export');
    const lines = await treeLines(api);
    const text = renderTree(lines);
    assert.equal(lines[0]?.label, 'Blocked', text);
    assert.ok(lines.some((l) => l.label === branch), `the branch ${branch}:\n${text}`);
    assert.ok(lines.some((l) => l.label.includes('#3') && l.label.includes('Export the schedule as CSV')), `the ticket:\n${text}`);
    assert.ok(lines.some((l) => l.label === 'Added the CSV export'), `the commit:\n${text}`);
    assert.match(text, /approv/i, 'the missing approval is named');
    assert.match(text, /src\/scheduleExport\.ts/, 'the source without a test is listed');
    assert.deepEqual(errors.messages, []);
  });

  it('shows a change with an approved ticket, tests and an approved pull request as ready', async () => {
    const branch = await startChangeFor('#2', 'Text message reminders');
    commitFiles({
      'src/smsReminders.ts': 'export const MAX_LENGTH = 160;\n',
      'test/smsReminders.test.ts': "import { MAX_LENGTH } from '../src/smsReminders';\n\nit('fits one SMS', () => {\n  if (MAX_LENGTH > 160) throw new Error('too long');\n});\n",
    }, 'Add the text message length limit\n\nReminders by text message must fit one SMS, so the sender needs the\nlimit in one place.\n\nRefs: #2');
    const pr = await openAndApprovePullRequest(branch);
    const lines = await treeLines(api);
    const text = renderTree(lines);
    assert.equal(lines[0]?.label, 'Ready to merge', text);
    assert.ok(lines.some((l) => l.label.includes('#2')), `the ticket:\n${text}`);
    assert.ok(lines.some((l) => l.label.includes(`#${pr}`) || l.description.includes(`#${pr}`)), `the pull request:\n${text}`);
    assert.deepEqual(errors.messages, []);
  });
});
