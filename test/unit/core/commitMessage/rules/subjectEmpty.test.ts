import assert from 'node:assert/strict';
import { context, lintRule } from '../helpers';

const messages = {
  empty: '',
  blank: '\n\n  \n',
  commentsOnly: '# Please enter the commit message\n#\n',
  afterScissors: '# ------------------------ >8 ------------------------\n# Do not modify or remove the line above.\nAdd x\n',
  withSubject: 'Add x\n',
  subjectAfterBlankLines: '\n\nAdd x\n',
  subjectAfterComment: '# comment\nAdd x\n',
};

describe('rule subject-empty', () => {
  for (const key of ['empty', 'blank', 'commentsOnly', 'afterScissors'] as const) {
    it(`reports ${key}`, () => {
      const findings = lintRule('subject-empty', messages[key]);
      assert.equal(findings.length, 1);
      assert.equal(findings[0]!.severity, 'error');
      assert.deepEqual(findings[0]!.range.start, { line: 0, character: 0 });
    });
  }

  for (const key of ['withSubject', 'subjectAfterBlankLines', 'subjectAfterComment'] as const) {
    it(`accepts ${key}`, () => assert.deepEqual(lintRule('subject-empty', messages[key]), []));
  }

  it('honours a custom comment character', () => {
    assert.equal(lintRule('subject-empty', '; only a comment\n', context({}, { commentChar: ';' })).length, 1);
    assert.equal(lintRule('subject-empty', '# not a comment here\n', context({}, { commentChar: ';' })).length, 0);
  });
});
