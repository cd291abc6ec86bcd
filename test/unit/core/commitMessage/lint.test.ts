import assert from 'node:assert/strict';
import { lintMessage, RULES } from '../../../../src/core/commitMessage/lint';
import type { Rule } from '../../../../src/core/commitMessage/rules/rule';
import { defaultPolicy } from '../../../../src/core/policy/schema';

const ctx = { policy: defaultPolicy() };

describe('lintMessage', () => {
  it('accepts a well-formed message', () => {
    assert.deepEqual(lintMessage('Add the linter\n\nBecause we need it.\n', ctx), []);
  });

  it('reports findings in original coordinates with error severity', () => {
    const findings = lintMessage('# comment\nAdded the linter\n', ctx);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.ruleId, 'present-tense');
    assert.equal(findings[0]!.severity, 'error');
    assert.deepEqual(findings[0]!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
  });

  for (const text of ["Merge branch 'main' into feature\nno blank line", 'Revert "Added x"\n\nThis reverts commit 0123abc.']) {
    it(`lets git's own message pass: ${text.split('\n')[0]}`, () => {
      assert.deepEqual(lintMessage(`${text} ${'y'.repeat(80)}`, ctx), []);
    });
  }

  it('lists every rule once with a description', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, 6);
    for (const rule of RULES) assert.ok(rule.description.length > 20, rule.id);
  });

  it('reports a rule that throws as an internal error naming it, and still runs the others', () => {
    const broken: Rule = {
      id: 'body-max-line-length',
      description: 'A rule with a bug.',
      check() {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const rules = [RULES[0]!, broken, ...RULES.slice(1)];
    const findings = lintMessage('# comment\nAdded the linter\n', ctx, rules);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity]),
      [
        ['internal-error', 'error'],
        ['present-tense', 'error'],
      ],
    );
    assert.match(findings[0]!.message, /^Rule body-max-line-length could not check this message \(RangeError: Maximum call stack size exceeded\)/);
    assert.deepEqual(findings[0]!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
  });

  it('keeps the reason of an internal error short', () => {
    const broken: Rule = { id: 'subject-empty', description: 'x', check: () => { throw 'x'.repeat(10_000); } };
    const [f] = lintMessage('Add x', ctx, [broken]);
    assert.ok(f!.message.length < 400);
  });
});
