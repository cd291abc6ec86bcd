import { finding, lineRange, type Rule } from './rule';

/** A commit needs a subject: `git log --oneline` and pull requests show nothing else. */
export const subjectEmpty: Rule = {
  id: 'subject-empty',
  description: 'The message must have a subject line (the first line that is not blank or a comment).',
  check(parsed) {
    if (parsed.subject) return [];
    return [finding('subject-empty', 'Write a subject line: the message is empty.', lineRange(0, 0, 0))];
  },
};
