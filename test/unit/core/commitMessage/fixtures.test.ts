import assert from 'node:assert/strict';
import { lintMessage, RULES } from '../../../../src/core/commitMessage/lint';
import { parseMessage } from '../../../../src/core/commitMessage/parse';
import { context, fixture } from './helpers';

/** Every fixture file and the findings it must produce (rule@line:start-end, original coordinates). */
const expected: Record<string, { commentChar?: string; findings: string[] }> = {
  'accents.txt': { findings: ['body-max-line-length@3:72-75'] },
  'body-72-73.txt': { findings: ['body-max-line-length@3:72-73'] },
  'cjk-72.txt': { findings: [] },
  'cjk-emoji-73.txt': { findings: ['subject-max-length@0:38-39', 'body-max-line-length@2:43-44'] },
  'code-blocks.txt': { findings: [] },
  'comment-char-semicolon.txt': { commentChar: ';', findings: [] },
  'comments.txt': { findings: ['present-tense@2:0-5'] },
  'crlf.txt': { findings: ['body-max-line-length@2:72-107'] },
  'fixup.txt': { findings: ['present-tense@0:7-12'] },
  'list-paragraph.txt': { findings: ['body-max-line-length@2:72-92', 'body-max-line-length@4:72-92'] },
  'merge.txt': { findings: [] },
  'no-blank-line.txt': { findings: ['blank-line-after-subject@1:0-18'] },
  'revert.txt': { findings: [] },
  'scissors.txt': { findings: [] },
  'subject-72.txt': { findings: [] },
  'subject-73.txt': { findings: ['subject-max-length@0:72-73'] },
  'trailers.txt': { findings: [] },
  'trailing-tabs.txt': { findings: [] },
  'urls.txt': { findings: [] },
};

describe('commit message fixtures', () => {
  for (const [name, { commentChar, findings }] of Object.entries(expected)) {
    it(`${name}: ${findings.length === 0 ? 'clean' : findings.join(', ')}`, () => {
      const ctx = context({}, commentChar ? { commentChar } : {});
      const actual = lintMessage(fixture(name), ctx).map(
        (f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}-${f.range.end.character}`,
      );
      assert.deepEqual(actual, findings);
    });
  }

  it('reads the semicolon fixture differently with the default comment character', () => {
    const ids = lintMessage(fixture('comment-char-semicolon.txt'), context()).map((f) => f.ruleId);
    assert.ok(ids.includes('body-max-line-length'));
  });
});

describe('lintMessage robustness', () => {
  it('never throws on odd input, in any rule', () => {
    const ctx = context({ requireTicket: true }, { branchTicket: '#1' });
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', 'Added ', '\n', '\r\n', '#', ' ', '\t', '```', '- ', '中', '🎉', 'https://x.y/', ':', '(', ')', '!', "'", 'ing '];
    for (let i = 0; i < 300; i++) {
      let text = '';
      const n = Math.floor(random() * 60);
      for (let j = 0; j < n; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      // Each rule on its own: lintMessage skips a rule that throws, so it alone would prove nothing.
      const parsed = parseMessage(text);
      for (const rule of RULES) assert.doesNotThrow(() => rule.check(parsed, ctx), `${rule.id} on ${JSON.stringify(text)}`);
      assert.ok(Array.isArray(lintMessage(text, ctx)));
    }
  });
});
