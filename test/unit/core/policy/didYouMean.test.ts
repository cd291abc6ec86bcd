import { strict as assert } from 'node:assert';
import { MAX_KEY_LENGTH, editDistance, nearestKey } from '../../../../src/core/policy/didYouMean';
import { parsePolicy } from '../../../../src/core/policy/parsePolicy';

describe('did you mean (unknown policy keys)', () => {
  it('measures edits, a swap of neighbours counting once', () => {
    assert.equal(editDistance('commit', 'comit'), 1);
    assert.equal(editDistance('subjectMaxLength', 'subjectMaxLenght'), 1);
    assert.equal(editDistance('abc', 'xyz'), 3);
    assert.equal(editDistance('x'.repeat(MAX_KEY_LENGTH + 1), 'x'), Infinity);
  });

  it('suggests the nearest known key, and nothing for a stranger', () => {
    assert.equal(nearestKey('comit', ['commit', 'branch', 'tests']), 'commit');
    assert.equal(nearestKey('Branch', ['commit', 'branch']), 'branch');
    assert.equal(nearestKey('colour', ['commit', 'branch', 'tests']), undefined);
    assert.equal(nearestKey('x'.repeat(10_000), ['commit']), undefined);
  });

  it('puts the suggestion on the located problem of parsePolicy', () => {
    const text = '{\n  "commit": { "subjectMaxLenght": 50 },\n  "revew": {}\n}\n';
    const problems = parsePolicy(text).problems;
    const typo = problems.find((p) => p.path.join('.') === 'commit.subjectMaxLenght');
    assert.equal(typo?.suggestion, 'subjectMaxLength');
    assert.match(typo?.message ?? '', /Did you mean "subjectMaxLength"\?/);
    assert.equal(text.slice(typo!.offset, typo!.offset + typo!.length), '"subjectMaxLenght"');
    assert.equal(problems.find((p) => p.path.join('.') === 'revew')?.suggestion, 'review');
  });

  it('marks syntax errors, so the editor can leave them to its JSON support', () => {
    const problems = parsePolicy('{ "commit": }').problems;
    assert.ok(problems.length > 0 && problems.every((p) => p.syntax === true));
  });

  it('stays bounded with thousands of long unknown keys', function () {
    this.timeout(20_000);
    const keys = Array.from({ length: 900 }, (_, i) => `"${'k'.repeat(40)}${i}": 1`).join(',');
    const started = Date.now();
    const problems = parsePolicy(`{ "commit": { ${keys} } }`).problems;
    assert.equal(problems.length, 900);
    assert.ok(Date.now() - started < 10_000);
  });
});
