import assert from 'node:assert/strict';
import { clusterEnd } from '../../../../src/core/commitMessage/graphemes';

function ours(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const end = clusterEnd(text, i);
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const reference = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

/** Code points whose cluster rules are stable since Unicode 15.1 (any Node >= 20.19 agrees on them). */
function pool(): number[] {
  const cps: number[] = [];
  const add = (a: number, b = a): void => {
    for (let c = a; c <= b; c++) cps.push(c);
  };
  add(0x20, 0x7e);
  add(0x00);
  add(0x09);
  add(0x0a);
  add(0x0d);
  add(0x7f);
  add(0xa0, 0xff);
  add(0x300, 0x36f); // combining diacritics
  add(0x591, 0x5c7); // Hebrew points
  add(0x600, 0x6ff); // Arabic, with prepended concatenation marks
  add(0x915, 0x939); // Devanagari consonants
  add(0x93e, 0x94d); // Devanagari vowel signs (SpacingMark, Extend) and the virama (a linker)
  add(0xe01, 0xe3a); // Thai, including SARA AM
  add(0x1100, 0x11ff); // Hangul jamo L, V, T
  add(0xac00, 0xac40); // Hangul syllables LV and LVT
  add(0x200b, 0x200f); // zero width space, ZWNJ, ZWJ, marks
  add(0x200d);
  add(0x200d);
  add(0xfe0e, 0xfe0f);
  add(0x20e3); // keycap
  add(0x4e00, 0x4e40);
  add(0x3040, 0x30ff);
  add(0x1f1e6, 0x1f1ff); // regional indicators
  add(0x1f3fb, 0x1f3ff); // skin tones
  add(0x1f300, 0x1f64f);
  add(0x1f468, 0x1f469);
  add(0x2600, 0x26ff);
  add(0xe0020, 0xe007f); // tags
  add(0xfeff);
  add(0xad);
  add(0xd800); // lone surrogates
  add(0xdc00);
  return cps;
}

describe('grapheme clusters', () => {
  const table: [string, string[]][] = [
    ['abc', ['a', 'b', 'c']],
    ['e\u0301x', ['e\u0301', 'x']],
    ['a\r\nb', ['a', '\r\n', 'b']],
    ['👩‍💻👍🏽', ['👩‍💻', '👍🏽']],
    ['🇫🇷🇩🇪🇮', ['🇫🇷', '🇩🇪', '🇮']],
    ['1️⃣#', ['1️⃣', '#']],
    ['🏴󠁧󠁢󠁳󠁣󠁴󠁿x', ['🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'x']],
    ['\u1100\u1161\u11a8가', ['\u1100\u1161\u11a8', '가']],
    ['\u0915\u094d\u0937\u093f', ['\u0915\u094d\u0937\u093f']],
    ['\u0600\u0661x', ['\u0600\u0661', 'x']],
    ['\u0001\u0301', ['\u0001', '\u0301']],
  ];
  for (const [text, clusters] of table) {
    it(`splits ${JSON.stringify(text)} as Intl.Segmenter does`, () => {
      assert.deepEqual(ours(text), clusters);
      assert.deepEqual(reference(text), clusters);
    });
  }

  it('agrees with Intl.Segmenter on 3,000 random strings of hard cases', () => {
    const cps = pool();
    let seed = 20240611;
    const random = (): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    for (let t = 0; t < 3000; t++) {
      let text = '';
      const n = 1 + (random() % 10);
      for (let k = 0; k < n; k++) text += String.fromCodePoint(cps[random() % cps.length]!);
      assert.deepEqual(ours(text), reference(text), JSON.stringify(text));
    }
  });

  it('scans one huge cluster in linear time', () => {
    const zalgo = 'e' + '\u0301'.repeat(500_000);
    const start = performance.now();
    assert.equal(clusterEnd(zalgo, 0), zalgo.length);
    assert.ok(performance.now() - start < 1000);
  });
});
