import assert from 'node:assert/strict';
import { columnWidth, offsetPastColumn } from '../../../../src/core/commitMessage/width';

describe('columnWidth', () => {
  const table: [string, number][] = [
    ['plain ascii', 11],
    ['', 0],
    ['é à ü', 5],
    ['e\u0301', 1],
    ['中文', 4],
    ['🎉', 2],
    ['👩‍💻', 2],
    ['a\tb', 9],
    ['“quotes”', 8],
  ];
  for (const [text, width] of table) {
    it(`measures ${JSON.stringify(text)} as ${width} columns`, () => assert.equal(columnWidth(text), width));
  }
});

describe('offsetPastColumn', () => {
  it('returns the first UTF-16 offset past the limit', () => {
    assert.equal(offsetPastColumn('x'.repeat(73), 72), 72);
    assert.equal(offsetPastColumn('x'.repeat(72), 72), undefined);
    assert.equal(offsetPastColumn('中'.repeat(37), 72), 36);
    assert.equal(offsetPastColumn('🎉'.repeat(37), 72), 72);
    assert.equal(offsetPastColumn('é'.repeat(73), 72), 72);
    assert.equal(offsetPastColumn('\t'.repeat(10), 72), 9);
  });
});
