import { bodyText, isBlank } from '../parse';
import { finding, lineRange, type Rule } from './rule';

/** git and every tool after it take the first paragraph as the subject. */
export const blankLineAfterSubject: Rule = {
  id: 'blank-line-after-subject',
  description: 'A blank line must separate the subject from the body.',
  check(parsed) {
    const subject = parsed.subject;
    if (!subject || parsed.bodyLines.length === 0) return [];
    const next = { line: parsed.bodyLines[0]!, text: bodyText(parsed, 0) };
    if (isBlank(next.text)) return [];
    const at = { line: subject.line, character: subject.text.length };
    return [
      finding(
        'blank-line-after-subject',
        'Add a blank line after the subject: git reads the first paragraph as the subject.',
        lineRange(next.line, 0, next.text.length),
        [{ title: 'Insert a blank line after the subject', edits: [{ range: { start: at, end: at }, newText: parsed.eol }] }],
      ),
    ];
  },
};
