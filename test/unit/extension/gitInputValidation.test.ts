import { strict as assert } from 'node:assert';
import { lintMessage } from '../../../src/core/commitMessage/lint';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { gitInputValidation, withoutGitDuplicates } from '../../../src/extension/diagnostics/gitInputValidation';

const lint = (text: string): ReturnType<typeof lintMessage> => lintMessage(text, { policy: defaultPolicy() });
const lengthLines = (fs: ReturnType<typeof lintMessage>): number[] => fs.filter((f) => /max-length|max-line-length/.test(f.ruleId)).map((f) => f.range.start.line);

describe('git.inputValidation coordination', () => {
  const long = `Add ${'x'.repeat(80)}`;
  const message = `${long}\n\n${'word '.repeat(20)}\nshort body line`;

  it('reads the setting in its old and new forms, with git defaults', () => {
    assert.deepEqual(gitInputValidation({ inputValidation: true, subjectLength: undefined, lineLength: undefined }), { enabled: true, subjectLength: 50, lineLength: 72 });
    assert.equal(gitInputValidation({ inputValidation: 'warn', subjectLength: 50, lineLength: 72 }).enabled, true);
    assert.equal(gitInputValidation({ inputValidation: 'off', subjectLength: 50, lineLength: 72 }).enabled, false);
    assert.equal(gitInputValidation({ inputValidation: false, subjectLength: 50, lineLength: 72 }).enabled, false);
    assert.equal(gitInputValidation({ inputValidation: true, subjectLength: null, lineLength: 100 }).subjectLength, 100);
  });

  it('keeps every warning of ours when git validation is off', () => {
    const findings = lint(message);
    const git = gitInputValidation({ inputValidation: false, subjectLength: 50, lineLength: 72 });
    assert.deepEqual(lengthLines(withoutGitDuplicates(findings, message.split('\n'), git)), lengthLines(findings));
    assert.ok(lengthLines(findings).includes(0), 'our subject warning exists to begin with');
  });

  it('never gives one line two length warnings when git warns on it itself', () => {
    const findings = lint(message);
    const git = gitInputValidation({ inputValidation: true, subjectLength: 50, lineLength: 72 });
    const kept = withoutGitDuplicates(findings, message.split('\n'), git);
    assert.ok(!lengthLines(kept).includes(0), 'git warns on the subject: ours is left out');
    assert.ok(!lengthLines(kept).includes(2), 'git warns on the long body line: ours is left out');
    // Other rules on the same line stay (git says nothing about tense).
    assert.equal(kept.length, findings.length - lengthLines(findings).length);
  });

  it('keeps ours where git is more lenient and stays silent', () => {
    const git = gitInputValidation({ inputValidation: true, subjectLength: 100, lineLength: 100 });
    const findings = lint(message);
    assert.deepEqual(lengthLines(withoutGitDuplicates(findings, message.split('\n'), git)), lengthLines(findings));
  });
});
