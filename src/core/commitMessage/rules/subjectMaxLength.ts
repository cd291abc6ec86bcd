import { columnWidth, offsetPastColumn } from '../width';
import { finding, lineRange, type Rule } from './rule';

/** Subjects over the limit get cut in `git log --oneline`, GitHub and e-mail patches. */
export const subjectMaxLength: Rule = {
  id: 'subject-max-length',
  description:
    'The subject must fit in commit.subjectMaxLength terminal columns (72 by default; wide CJK characters and emoji count 2).',
  check(parsed, ctx) {
    const subject = parsed.subject;
    if (!subject) return [];
    const max = ctx.policy.commit.subjectMaxLength;
    const text = subject.text.trimEnd();
    const past = offsetPastColumn(text, max);
    if (past === undefined) return [];
    const width = columnWidth(text);
    return [
      finding(
        'subject-max-length',
        `Shorten the subject to ${max} columns: it is ${width} columns wide.`,
        lineRange(subject.line, past, text.length),
      ),
    ];
  },
};
