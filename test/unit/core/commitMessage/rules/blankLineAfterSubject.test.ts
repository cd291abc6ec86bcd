import assert from 'node:assert/strict';
import { applyFirstFix, fixture, lintRule } from '../helpers';

const messages = {
  subjectOnly: 'Add x\n',
  separated: 'Add x\n\nBody\n',
  missing: 'Add x\nBody\n',
  missingCrlf: 'Add x\r\nBody\r\n',
  commentBetween: 'Add x\n# comment\n\nBody\n',
  commentThenText: 'Add x\n# comment\nBody\n',
};

describe('rule blank-line-after-subject', () => {
  for (const key of ['subjectOnly', 'separated', 'commentBetween'] as const) {
    it(`accepts ${key}`, () => assert.deepEqual(lintRule('blank-line-after-subject', messages[key]), []));
  }

  it('reports the first body line', () => {
    const [f] = lintRule('blank-line-after-subject', messages.commentThenText);
    assert.deepEqual(f!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
  });

  it('inserts the blank line, with the document line ending', () => {
    assert.equal(applyFirstFix('blank-line-after-subject', messages.missing), 'Add x\n\nBody\n');
    assert.equal(applyFirstFix('blank-line-after-subject', messages.missingCrlf), 'Add x\r\n\r\nBody\r\n');
    const fixed = applyFirstFix('blank-line-after-subject', fixture('no-blank-line.txt'));
    assert.deepEqual(lintRule('blank-line-after-subject', fixed), []);
  });
});
