import { findDescription } from '../description';
import { classifyMood, type Mood } from '../mood/classifyMood';
import { finding, lineRange, type Rule } from './rule';

const DESCRIBE: Partial<Record<Mood, string>> = {
  past: 'past tense',
  third_person: 'third person',
  gerund: 'a gerund (-ing form)',
};

/** Keep the case pattern of `original` ("Added" → "Add", "ADDED" → "ADD"). */
export function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  if (/^[A-Z]/.test(original)) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * The policy wants the subject to read as a command ("Add X"), completing
 * "If applied, this commit will …". Prefixes are skipped (description.ts);
 * the verb lexicon is generated from WordNet (mood/lexicon.ts).
 */
export const presentTense: Rule = {
  id: 'present-tense',
  description:
    'The subject\u2019s description (after a type(scope): or ticket prefix) must start in the imperative present tense: "Add", not "Added", "Adds" or "Adding".',
  check(parsed, ctx) {
    const subject = parsed.subject;
    if (!subject || !ctx.policy.commit.presentTense) return [];
    const description = findDescription(subject.text);
    const mood = classifyMood(description.text);
    const kind = DESCRIBE[mood.mood];
    if (!kind || mood.start === undefined || mood.end === undefined) return [];
    const start = description.offset + mood.start;
    const end = description.offset + mood.end;
    const word = subject.text.slice(start, end);
    const range = lineRange(subject.line, start, end);
    // No fix for forms of "be": "Was broken" → "Be broken" would not help; the user must rephrase.
    const fixed = mood.base === undefined || mood.base === 'be' ? undefined : matchCase(word, mood.base);
    const hint = fixed ? ` "${fixed}", not "${word}"` : '';
    return [
      finding(
        'present-tense',
        `Start the subject in the imperative present tense:${hint || ` "${word}" is ${kind}`}.`,
        range,
        fixed ? [{ title: `Change \u201c${word}\u201d to \u201c${fixed}\u201d`, edits: [{ range, newText: fixed }] }] : [],
      ),
    ];
  },
};
