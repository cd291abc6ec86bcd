import assert from 'node:assert/strict';
import { EDITED_MESSAGE, NO_EDITOR_MESSAGE, STORED_MESSAGE, gitCleanup } from '../../../../src/core/commitMessage/cleanup';
import { lintMessage } from '../../../../src/core/commitMessage/lint';
import { parseMessage } from '../../../../src/core/commitMessage/parse';
import { context } from './helpers';

const SCISSORS = '# ------------------------ >8 ------------------------';

describe("git's cleanup mode", () => {
  it('follows git: default is strip with an editor, whitespace without', () => {
    assert.deepEqual(gitCleanup({ editor: true }), { stripComments: true, cut: 'ifGitCutBlock' });
    assert.deepEqual(gitCleanup({ editor: false }), { stripComments: false, cut: 'never' });
    assert.deepEqual(gitCleanup({ editor: false, setting: 'strip' }), { stripComments: true, cut: 'never' });
    assert.deepEqual(gitCleanup({ editor: true, setting: 'whitespace' }), { stripComments: false, cut: 'ifGitCutBlock' });
    assert.deepEqual(gitCleanup({ editor: true, setting: 'verbatim' }), { stripComments: false, cut: 'ifGitCutBlock' });
    assert.deepEqual(gitCleanup({ editor: true, setting: 'scissors' }), { stripComments: false, cut: 'always' });
    assert.deepEqual(gitCleanup({ editor: false, setting: 'scissors' }), { stripComments: false, cut: 'never' });
    assert.deepEqual(gitCleanup({ editor: false, verbose: true }), { stripComments: false, cut: 'always' });
    assert.deepEqual(gitCleanup({ editor: true, setting: 'bogus' }), gitCleanup({ editor: true }));
  });

  it("takes the editor session's mode from git's help text", () => {
    const kept = "Fix\n# Please enter the commit message for your changes. Lines starting\n# with '#' will be kept; you may remove them yourself if you want to.\n";
    const ignored = "Fix\n# Please enter the commit message for your changes. Lines starting\n# with '#' will be ignored, and an empty message aborts the commit.\n";
    assert.equal(gitCleanup({ editor: true }, kept).stripComments, false);
    assert.equal(gitCleanup({ editor: true, setting: 'whitespace' }, ignored).stripComments, true);
    assert.equal(gitCleanup({ editor: false }, ignored).stripComments, false, 'no editor: git wrote no help, the text is content');
  });

  it('keeps "#12 Fix the login timeout" as the subject when git keeps it (-m)', () => {
    const text = '#12 Fix the login timeout\n';
    assert.deepEqual(lintMessage(text, context({}, { cleanup: gitCleanup({ editor: false }) })), []);
    assert.deepEqual(lintMessage(text, context({}, { cleanup: STORED_MESSAGE })), []);
    assert.deepEqual(lintMessage(text, context()).map((f) => f.ruleId), ['subject-empty'], 'in the editor git drops it');
  });

  it('lints the lines after a scissors line when git keeps them (-F)', () => {
    const text = `Add x\n\n${SCISSORS}\nThis line is far longer than seventy-two columns, and git -F keeps it in the message\n`;
    const ids = lintMessage(text, context({}, { cleanup: gitCleanup({ editor: false }) })).map((f) => `${f.ruleId}@${f.range.start.line}`);
    assert.deepEqual(ids, ['body-max-line-length@3']);
  });

  it("cuts at the first scissors line when git wrote its cut block (-v), not at a bare one", () => {
    const block = `${SCISSORS}\n# Do not modify or remove the line above.\n# Everything below it will be ignored.\ndiff --git a/x b/x\n`;
    assert.deepEqual(parseMessage(`Add x\n\nBody\n${block}`, '#', EDITED_MESSAGE).body.map((l) => l.text), ['', 'Body']);
    assert.deepEqual(parseMessage(`Add x\n\nBody\n${SCISSORS}\ntail\n${block}`, '#', EDITED_MESSAGE).body.map((l) => l.text), ['', 'Body']);
    assert.deepEqual(parseMessage(`Add x\n\nBody\n${SCISSORS}\ntail\n`, '#', EDITED_MESSAGE).body.map((l) => l.text), ['', 'Body', 'tail']);
    assert.deepEqual(parseMessage(`Add x\n\n${SCISSORS}\ntail\n`, '#', { stripComments: false, cut: 'always' }).body.map((l) => l.text), []);
  });

  it('matches the scissors line exactly, as git does', () => {
    const text = `Add x\n\nBody\n${SCISSORS}  \n# Do not modify\ntail\n`;
    assert.deepEqual(parseMessage(text, '#', EDITED_MESSAGE).body.map((l) => l.text), ['', 'Body', 'tail']);
  });
});

describe('cleanup constants', () => {
  it('reads a message given without an editor the way git -m / -F does by default', () => {
    assert.deepEqual(NO_EDITOR_MESSAGE, gitCleanup({ editor: false }));
  });
});
