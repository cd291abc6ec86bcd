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

describe('width measurement takes shortcuts only on whole clusters', () => {
  // Base characters that the shortcut takes alone, next to marks that must join them.
  const pieces = ['中', 'ア', '☺', '©', '1', '가', '\u1100', '\u1161', '\u11a8', '\u0915', '\u094d', '\u0600', '\u0903', '\u0301', '\u3099', '\u200d', '\ufe0f', '\u20e3', '\u{1F3FB}', '\u{E0020}', '🇫', '\r', '\n', '\x00', '\x7f', '\x85', 'a', ' ', '\u00ad', '\u200b'];
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let seed = 20261204;
  const random = (): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };

  it('agrees with Intl.Segmenter clusters on 3,000 random strings', () => {
    for (let t = 0; t < 3000; t++) {
      let text = '';
      for (let k = 1 + (random() % 10); k > 0; k--) text += pieces[random() % pieces.length]!;
      const clusters = [...segmenter.segment(text)].map((s) => s.segment);
      const boundaries = new Set<number>();
      let at = 0;
      for (const c of clusters) boundaries.add((at += c.length) - c.length);
      const width = columnWidth(text);
      assert.equal(width, clusters.reduce((sum, c) => sum + columnWidth(c), 0), JSON.stringify(text));
      for (let limit = 0; limit < width; limit++) {
        const past = offsetPastColumn(text, limit);
        assert.ok(past !== undefined && boundaries.has(past), `${JSON.stringify(text)} past ${limit}: ${past}`);
      }
    }
  });
});
