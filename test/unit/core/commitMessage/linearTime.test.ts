/**
 * Every message shape lints in time linear in its length. A commit message
 * is untrusted input (a pasted log, a generated file, a hostile branch),
 * and the hook and the editor lint it synchronously. The bounds are
 * generous, to tell linear from quadratic growth on a loaded machine; the
 * speed figures themselves are in `npm run bench` (textLength.bench.ts).
 */
import assert from 'node:assert/strict';
import { lintMessage } from '../../../../src/core/commitMessage/lint';
import { rewrapBody } from '../../../../src/core/commitMessage/rewrap';
import { columnWidth } from '../../../../src/core/commitMessage/width';
import { messageShapes } from '../../../support/messageShapes';
import { applyEdits, context } from './helpers';

const MB = 1_000_000;
const SMALL = MB / 4;

function timeOf(op: () => unknown): number {
  const start = performance.now();
  op();
  return performance.now() - start;
}

describe('linting time is linear in the message length', function () {
  this.timeout(20_000);
  const ctx = context();

  for (const [name, make] of Object.entries(messageShapes)) {
    it(`lints 1 MB of ${name} in under 1 s, and 4 times the text in well under 16 times the time`, () => {
      const small = make(SMALL);
      const big = make(MB);
      assert.ok(big.length >= MB && big.length < MB + 100, `${name} is 1 MB`);
      const best = (text: string): number => Math.min(...[1, 2, 3].map(() => timeOf(() => lintMessage(text, ctx))));
      const tSmall = best(small);
      const tBig = best(big);
      assert.ok(tBig < 1000, `${name}: 1 MB took ${tBig.toFixed(0)} ms`);
      // Linear growth is 4x, quadratic 16x; the garbage collector adds some at 1 MB (a million
      // blank lines are a million strings). Below 250 ms the clock and the collector are mostly noise.
      assert.ok(tBig < Math.max(250, 12 * tSmall), `${name}: ${tSmall.toFixed(1)} ms for 250 kB, ${tBig.toFixed(1)} ms for 1 MB`);
    });
  }

  it('lints a 4 MB over-long paragraph in about 4 times the time of 1 MB (each line once walked back to its start)', () => {
    const paragraph = (n: number): string => `Add x\n\n${`${'x'.repeat(73)}\n`.repeat(n / 74)}`;
    const t1 = Math.min(...[1, 2].map(() => timeOf(() => lintMessage(paragraph(MB), ctx))));
    // Best of three, as for 1 MB: one collector pause in a single 4 MB run failed this on a loaded machine.
    const text4 = paragraph(4 * MB);
    const t4 = Math.min(...[1, 2, 3].map(() => timeOf(() => lintMessage(text4, ctx))));
    assert.ok(t4 < 4000, `4 MB took ${t4.toFixed(0)} ms`);
    assert.ok(t4 < Math.max(250, 8 * t1), `${t1.toFixed(0)} ms for 1 MB, ${t4.toFixed(0)} ms for 4 MB`);
  });

  it('flags a 1 MB line of words (once a stack overflow that let it pass)', () => {
    const text = `Add x\n\n${'lorem ipsum dolor '.repeat(MB / 18)}`;
    const findings = lintMessage(text, ctx);
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['body-max-line-length'],
    );
    assert.match(findings[0]!.message, /it is 99\d{4} columns wide/);
    assert.equal(findings[0]!.fixes.length, 1, 'offers the rewrap');
  });

  it('rewraps a 1 MB paragraph in linear time, every line within the limit', () => {
    const text = `Add x\n\n${`${'word '.repeat(20)}\n`.repeat(MB / 101)}`;
    let fixed = '';
    const t = timeOf(() => {
      const f = lintMessage(text, ctx).find((x) => x.ruleId === 'body-max-line-length');
      fixed = applyEdits(text, f!.fixes[0]!.edits);
    });
    assert.ok(t < 2000, `took ${t.toFixed(0)} ms`);
    assert.ok(fixed.split('\n').every((l) => columnWidth(l) <= 72));
    assert.equal(fixed.replace(/\s+/g, ' ').trim(), text.replace(/\s+/g, ' ').trim());
    assert.deepEqual(lintMessage(fixed, ctx), []);
  });

  it('rewrapBody takes a 1 MB line of words without overflowing the stack', () => {
    const body = 'word '.repeat(MB / 5);
    let out = '';
    const t = timeOf(() => (out = rewrapBody(body, 72)));
    assert.ok(t < 2000, `took ${t.toFixed(0)} ms`);
    assert.equal(out.split('\n').length, Math.ceil(MB / 5 / 14));
  });

  it('measures a 1 MB CJK or emoji line in under 1 s (Intl.Segmenter is quadratic on Node 20)', () => {
    for (const [unit, width] of [['中', 2], ['👩‍💻', 2], ['e\u0301', 1], ['\u0001', 0]] as const) {
      const text = unit.repeat(Math.ceil(MB / unit.length));
      let measured = 0;
      const t = timeOf(() => (measured = columnWidth(text)));
      assert.equal(measured, (width * text.length) / unit.length, unit);
      assert.ok(t < 1000, `${JSON.stringify(unit)}: ${t.toFixed(0)} ms`);
    }
  });
});
