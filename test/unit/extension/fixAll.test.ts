import assert from 'node:assert/strict';
import type { Finding, Fix, Range } from '../../../src/core/commitMessage/types';
import { overlaps, selectFixAll } from '../../../src/extension/diagnostics/fixAll';

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const fix = (title: string, ...ranges: Range[]): Fix => ({ title, edits: ranges.map((range) => ({ range, newText: 'x' })) });
const finding = (...fixes: Fix[]): Finding => ({ ruleId: 'present-tense', severity: 'error', message: 'm', range: r(0, 0, 0, 1), fixes });

describe('Fix All selection', () => {
  it('tells overlapping ranges from touching and separate ones', () => {
    assert.equal(overlaps(r(0, 0, 0, 5), r(0, 4, 0, 8)), true);
    assert.equal(overlaps(r(0, 0, 0, 5), r(0, 5, 0, 8)), false, 'touching replacements are independent');
    assert.equal(overlaps(r(0, 0, 0, 5), r(1, 0, 1, 2)), false);
    assert.equal(overlaps(r(2, 0, 4, 0), r(3, 1, 3, 1)), true, 'an insertion inside a replacement');
    assert.equal(overlaps(r(1, 0, 1, 0), r(1, 0, 1, 0)), true, 'two insertions at one point');
  });

  it('takes the first fix of each finding and skips one that overlaps a chosen fix', () => {
    const subject = fix('Change "Added" to "Add"', r(0, 0, 0, 5));
    const blank = fix('Insert a blank line', r(1, 0, 1, 0));
    const clash = fix('Rewrite the subject', r(0, 2, 0, 9));
    const got = selectFixAll([finding(subject), finding(blank), finding(clash), finding()]);
    assert.equal(got.count, 2);
    assert.deepEqual(got.edits, [...subject.edits, ...blank.edits]);
  });

  it('counts a fix shared by several findings once in the edits, for each finding in the count', () => {
    const rewrap = fix('Rewrap paragraph at 72 columns', r(2, 0, 4, 10));
    const got = selectFixAll([finding(rewrap), finding(rewrap), finding(rewrap)]);
    assert.equal(got.edits.length, 1);
    assert.equal(got.count, 3);
  });
});
