import assert from 'node:assert/strict';
import { context, fixture, lintRule } from '../helpers';

const messages = {
  at72: `Add ${'x'.repeat(68)}`,
  at73: `Add ${'x'.repeat(69)}`,
  trailingWhitespace: `Add ${'x'.repeat(68)} \t \t`,
  cjk72: `Add 中文 ${'字'.repeat(31)}x`,
  cjk73: `Add 中文 ${'字'.repeat(32)}`,
  emoji73: `Add ${'🎉'.repeat(34)}x`,
  accents72: `Réécris ${'é'.repeat(64)}`,
  crlf73: `Add ${'x'.repeat(69)}\r\n\r\nBody\r\n`,
};

describe('rule subject-max-length', () => {
  it('accepts exactly 72 columns and ignores trailing whitespace', () => {
    for (const key of ['at72', 'trailingWhitespace', 'cjk72', 'accents72'] as const) {
      assert.deepEqual(lintRule('subject-max-length', messages[key]), [], key);
    }
  });

  it('reports 73 columns from the first character past the limit to the end', () => {
    const [f] = lintRule('subject-max-length', messages.at73);
    assert.deepEqual(f!.range, { start: { line: 0, character: 72 }, end: { line: 0, character: 73 } });
    assert.match(f!.message, /73 columns/);
  });

  it('counts wide CJK characters and emoji as two columns', () => {
    const [cjk] = lintRule('subject-max-length', messages.cjk73);
    assert.equal(cjk!.range.start.character, 38);
    const [emoji] = lintRule('subject-max-length', messages.emoji73);
    assert.equal(emoji!.range.start.character, 4 + 2 * 34);
    assert.match(emoji!.message, /73 columns/);
  });

  it('ignores the CR of a CRLF line', () => {
    const [f] = lintRule('subject-max-length', messages.crlf73);
    assert.deepEqual(f!.range.end, { line: 0, character: 73 });
  });

  it('takes the limit from the policy', () => {
    assert.equal(lintRule('subject-max-length', 'Add a short subject', context({ subjectMaxLength: 50 })).length, 0);
    assert.equal(lintRule('subject-max-length', messages.at72, context({ subjectMaxLength: 50 })).length, 1);
  });

  it('matches the 72/73 and CJK fixtures', () => {
    assert.equal(lintRule('subject-max-length', fixture('subject-72.txt')).length, 0);
    assert.equal(lintRule('subject-max-length', fixture('subject-73.txt')).length, 1);
    assert.equal(lintRule('subject-max-length', fixture('cjk-72.txt')).length, 0);
    assert.equal(lintRule('subject-max-length', fixture('cjk-emoji-73.txt')).length, 1);
    assert.equal(lintRule('subject-max-length', fixture('trailing-tabs.txt')).length, 0);
  });
});
