import assert from 'node:assert/strict';
import { lintMessage, RULES } from '../../../../src/core/commitMessage/lint';
import { finding, lineRange, MAX_FINDINGS_PER_RULE, type Rule } from '../../../../src/core/commitMessage/rules/rule';
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

  it(`lists at most ${MAX_FINDINGS_PER_RULE} findings of a rule, then one that counts the rest`, () => {
    const many: Rule = {
      id: 'body-max-line-length',
      description: 'A rule that finds a problem on every line.',
      check: () => Array.from({ length: 2500 }, (_, i) => finding('body-max-line-length', `line ${i}`, lineRange(i, 0, 1))),
    };
    const findings = lintMessage('Add x', ctx, [many, RULES[0]!]);
    assert.equal(findings.length, MAX_FINDINGS_PER_RULE + 1);
    assert.equal(findings[MAX_FINDINGS_PER_RULE - 1]!.message, `line ${MAX_FINDINGS_PER_RULE - 1}`);
    const summary = findings[MAX_FINDINGS_PER_RULE]!;
    assert.equal(summary.ruleId, 'body-max-line-length');
    assert.equal(summary.severity, 'error');
    assert.match(summary.message, /^1500 more body-max-line-length findings are not listed one by one \(only the first 1000 are\)/);
    assert.equal(summary.range.start.line, MAX_FINDINGS_PER_RULE, 'placed at the first finding not listed');
  });

  it('computes a quick fix only when it is read, once, and keeps it lazy through a fixup! prefix', () => {
    let computed = 0;
    const lazyFix: Rule = {
      id: 'subject-max-length',
      description: 'A rule whose fix is costly.',
      check: (parsed) => [
        finding('subject-max-length', 'x', lineRange(parsed.subject!.line, 0, 3), () => {
          computed++;
          return [{ title: 'Fix', edits: [{ range: lineRange(parsed.subject!.line, 0, 3), newText: 'Fix' }] }];
        }),
      ],
    };
    const [plain] = lintMessage('Add x', ctx, [lazyFix]);
    const [shifted] = lintMessage('fixup! Add x', ctx, [lazyFix]);
    assert.equal(computed, 0, 'linting computes no fix');
    assert.deepEqual(plain!.fixes[0]!.edits[0]!.range, lineRange(0, 0, 3));
    assert.equal(plain!.fixes, plain!.fixes, 'kept');
    assert.deepEqual(shifted!.fixes[0]!.edits[0]!.range, lineRange(0, 7, 10), 'moved past the prefix');
    assert.equal(computed, 2);
  });
});
