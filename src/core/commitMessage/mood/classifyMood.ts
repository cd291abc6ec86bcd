/**
 * Decide the grammatical mood of a commit description from its first
 * word(s), using the WordNet-based lexicon (lexicon.ts) plus a little
 * context for words that are nouns as well as verbs:
 * - "Fixes typo" is third person, "Fixes for Mac OS X" and "Changes to
 *   Javadoc" are noun phrases (a verb-noun plural followed by a
 *   preposition, punctuation or nothing);
 * - "Missing semicolon" is an adjective (WordNet and compromise both list
 *   "missing" as one, and a lower-case noun follows), "Adding tests",
 *   "Supporting Python 3.12" and "Rewording of the exception" are gerunds;
 * - verbs that WordNet lists with a preposition stay verbs ("Looks for");
 * - base forms that equal past forms ("Set", "Put", "Read") are imperative;
 * - identifiers (camelCase, snake_case, `code`, dotted names) are not verbs,
 *   nor is a word named as a thing ("includes instead of indexOf");
 * - an open compound adjective is not a verb ("built in modifiers");
 * - a gerund or plural heading a noun phrase is not a verb ("Spelling
 *   mistake", "Naming, linting", "Updates after review"; nounPhrase.ts);
 * - a list bullet in front ("+ Added …", "* Fix …") is skipped.
 */
import { isAlsoNoun, isCompoundAdjective, isIngAdjective, isPrepositionalVerb, readVerb } from './lexicon';
import { gerundHeadsNounPhrase, pluralHeadsNounPhrase, type Following } from './nounPhrase';

export type Mood = 'imperative' | 'past' | 'third_person' | 'gerund' | 'non_verb';

export interface MoodResult {
  mood: Mood;
  /** The word the verdict rests on, as UTF-16 offsets into the description. */
  start?: number;
  end?: number;
  /** Its base form, when a quick fix can replace it. */
  base?: string;
}

const WORD = /[A-Za-z]+(?:['’][A-Za-z]*)?/y;
/**
 * After a verb-noun plural these make a noun phrase ("Fixes for …", "Changes to …"). Adjunct prepositions
 * (on, at, with, during …) are left out: "Works on Windows", "Fails during start-up" are verbs.
 */
const NOUN_FOLLOWERS = new Set(['for', 'to', 'in', 'of', 'from', 'and', 'or', 'regarding', 'related', 'needed',
  'required', 'suggested', 'requested', 'made', 'done', 'applied', 'based']);
const NOT_A_NOUN = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'all', 'some', 'any', 'of', 'to', 'in',
  'on', 'for', 'with', 'from', 'by', 'it', 'them', 'its', 'their', 'our', 'my', 'your', 'up', 'out', 'down', 'away',
  'back', 'off', 'over', 'through']);
/** "X instead of Y", "X vs Y": X is mentioned as a name, not used as a verb. */
const NAMING_FOLLOWERS = new Set(['instead', 'vs', 'versus']);
const ADVERBS = new Set(['also', 'now', 'just', 'still', 'always', 'never', 'only', 'even', 'then', 'further',
  'additionally', 'finally', 'actually', 'really', 'properly', 'correctly', 'temporarily', 'partially', 'again']);
const CONTRACTIONS: Record<string, { mood: Mood; base?: string }> = {
  "don't": { mood: 'imperative' },
  "let's": { mood: 'imperative' },
  "didn't": { mood: 'past', base: "don't" },
  "wasn't": { mood: 'past' },
  "weren't": { mood: 'past' },
  "hadn't": { mood: 'past' },
  "couldn't": { mood: 'past' },
  "doesn't": { mood: 'third_person', base: "don't" },
  "isn't": { mood: 'third_person' },
  "hasn't": { mood: 'third_person' },
};

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokenAt(text: string, from: number): Token | undefined {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  WORD.lastIndex = i;
  const m = WORD.exec(text);
  return m ? { text: m[0], start: i, end: i + m[0].length } : undefined;
}

/** The next thing after `end`: a lower-case word, a punctuation character, or '' at the end. */
function nextItem(text: string, end: number): string {
  const rest = text.slice(end).trimStart();
  if (rest === '') return '';
  const word = /^[A-Za-z]+/.exec(rest);
  return word ? word[0].toLowerCase() : rest[0]!;
}

function following(text: string, end: number): Following {
  const next = nextItem(text, end);
  if (!/^[a-z]+$/.test(next)) return { next, afterNext: '' };
  const at = text.toLowerCase().indexOf(next, end) + next.length;
  return { next, afterNext: nextItem(text, at) };
}

function looksLikeIdentifier(text: string, token: Token): boolean {
  const after = text[token.end] ?? '';
  if (/[_./(\\0-9@=<>[]/.test(after) || (after === '-' && !/^re$/i.test(token.text))) return true;
  if (token.start > 0 && /[`'"_./]/.test(text[token.start - 1]!)) return true;
  if (/[a-z][A-Z]/.test(token.text)) return true;
  return token.text.length > 1 && token.text === token.text.toUpperCase();
}

/** The mood of a commit description (the subject after its prefixes). */
export function classifyMood(description: string): MoodResult {
  const bullet = /^\s*[-+*\u2022]\s+/.exec(description);
  let token = tokenAt(description, bullet ? bullet[0].length : 0);
  if (token && token.text.toLowerCase() === 're' && description[token.end] === '-') {
    const inner = tokenAt(description, token.end + 1);
    if (inner && !looksLikeIdentifier(description, inner)) {
      const result = classifyToken(description, inner, inner.text.toLowerCase());
      return { ...result, start: token.start, ...(result.base ? { base: `re-${result.base}` } : {}) };
    }
  }
  for (let skipped = 0; token && skipped < 2; skipped++) {
    const lower = token.text.toLowerCase();
    if (!ADVERBS.has(lower) && !(lower.endsWith('ly') && !readVerb(lower))) break;
    token = tokenAt(description, token.end);
  }
  if (!token || looksLikeIdentifier(description, token)) return { mood: 'non_verb' };
  return classifyToken(description, token, token.text.toLowerCase().replace('’', "'"));
}

function classifyToken(description: string, token: Token, word: string): MoodResult {
  const at = { start: token.start, end: token.end };
  // Own keys only: "constructor" must not read Object.prototype's.
  const contraction = Object.hasOwn(CONTRACTIONS, word) ? CONTRACTIONS[word] : undefined;
  if (contraction) return { mood: contraction.mood, ...at, ...(contraction.base ? { base: contraction.base } : {}) };
  if (word.includes("'")) {
    if (!word.endsWith("in'")) return { mood: 'non_verb' };
    word = `${word.slice(0, -1)}g`;
  }
  const reading = readVerb(word);
  if (!reading) return { mood: 'non_verb' };
  const next = nextItem(description, token.end);
  if (reading.form !== 'base' && (NAMING_FOLLOWERS.has(next) || isCompoundAdjective(word, next))) return { mood: 'non_verb' };
  switch (reading.form) {
    case 'base':
      return { mood: 'imperative', ...at };
    case 'third_person':
      if (isAlsoNoun(reading.base) && !isPrepositionalVerb(reading.base, next) && (next === '' || NOUN_FOLLOWERS.has(next) || /^[,:;()&/-]$/.test(next))) {
        return { mood: 'non_verb' };
      }
      if (pluralHeadsNounPhrase(reading.base, following(description, token.end))) return { mood: 'non_verb' };
      return { mood: 'third_person', ...at, base: reading.base };
    case 'gerund':
      // "Missing semicolon" modifies a common noun; "Supporting Python 3.12" takes a name as its object.
      if (isIngAdjective(word) && /^\s*[a-z]/.test(description.slice(token.end)) && !NOT_A_NOUN.has(next)) {
        return { mood: 'non_verb' };
      }
      if (gerundHeadsNounPhrase(reading.base, following(description, token.end))) return { mood: 'non_verb' };
      // "Rewording of the message" is a gerund used as a noun: "Reword of the message" is no fix.
      if (next === 'of') return { mood: 'gerund', ...at };
      return { mood: 'gerund', ...at, base: reading.base };
    default:
      return { mood: 'past', ...at, base: reading.base };
  }
}
