import assert from 'node:assert/strict';
import { lintMessage } from '../../../src/core/commitMessage/lint';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { KEYSTROKE_LINT_LIMIT, keystrokePrefix, truncatedMessage } from '../../../src/extension/diagnostics/keystrokeLimit';

describe('keystroke lint limit', () => {
  it('lints a message within the limit whole', () => {
    const text = 'Add x\n\n' + 'word '.repeat(1000);
    assert.deepEqual(keystrokePrefix(text), { text });
  });

  it('cuts a long message after its last whole line within the limit and says where', () => {
    const line = `${'x'.repeat(99)}\n`;
    const text = 'Add x\n\n' + line.repeat(2000);
    const { text: prefix, cut } = keystrokePrefix(text);
    assert.ok(prefix.length <= KEYSTROKE_LINT_LIMIT && prefix.length > KEYSTROKE_LINT_LIMIT - 100);
    assert.ok(prefix.endsWith('\n') && text.startsWith(prefix));
    const lines = prefix.split('\n').length - 1;
    assert.deepEqual(cut, { line: lines, character: 0 });
  });

  it('cuts inside one huge line so that the line is still checked, never inside a surrogate pair', () => {
    const text = `Add x\n\n${'🎉'.repeat(KEYSTROKE_LINT_LIMIT)}`;
    const { text: prefix, cut } = keystrokePrefix(text);
    assert.ok(prefix.length <= KEYSTROKE_LINT_LIMIT && prefix.length >= KEYSTROKE_LINT_LIMIT - 1);
    assert.equal(prefix.length % 2, 1, 'after "Add x\\n\\n" (7 units), whole emoji only');
    assert.deepEqual(cut, { line: 2, character: prefix.length - 7 });
    const findings = lintMessage(prefix, { policy: defaultPolicy() });
    assert.ok(findings.some((f) => f.ruleId === 'body-max-line-length'));
  });

  it('names the limit in the note', () => {
    assert.match(truncatedMessage(), /longer than 65,536 characters: only the first 65,536 are checked while typing; the commit hook checks all of it/);
  });
});
