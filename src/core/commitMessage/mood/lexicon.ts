/**
 * Lookup over the generated verb lexicon (see scripts/generateMoodLexicon.ts
 * for the sources and why). Decoded lazily, one run of words sharing a
 * first letter at a time (FrontCodedSet), so that loading the extension
 * costs nothing until a message is linted and a commit-msg hook run
 * decodes only the few runs its message's words fall in.
 */
import { FrontCodedSet } from './frontCoding';
import { COMPOUND_ADJECTIVES, ING_ADJECTIVES, IRREGULAR, NOUN_VERBS, PREPOSITIONAL_VERBS, VERBS } from './lexicon.generated';
import { regularCandidates, type Inflection } from './morphology';

export interface VerbReading {
  base: string;
  /** 'base' = the word is itself a base form. */
  form: Inflection | 'base';
}

interface Lexicon {
  verbs: FrontCodedSet;
  nounVerbs: FrontCodedSet;
  ingAdjectives: FrontCodedSet;
  compoundAdjectives: FrontCodedSet;
  prepositionalVerbs: FrontCodedSet;
  irregular: Map<string, VerbReading>;
}

const KIND: Record<string, Inflection> = { p: 'past', s: 'third_person', g: 'gerund' };
let lexicon: Lexicon | undefined;

function load(): Lexicon {
  if (lexicon) return lexicon;
  const irregular = new Map<string, VerbReading>();
  for (const entry of IRREGULAR.split(',')) {
    const [form, base, kind] = entry.split(' ');
    irregular.set(form!, { base: base!, form: KIND[kind!]! });
  }
  lexicon = {
    verbs: new FrontCodedSet(VERBS),
    nounVerbs: new FrontCodedSet(NOUN_VERBS),
    ingAdjectives: new FrontCodedSet(ING_ADJECTIVES),
    compoundAdjectives: new FrontCodedSet(COMPOUND_ADJECTIVES),
    prepositionalVerbs: new FrontCodedSet(PREPOSITIONAL_VERBS),
    irregular,
  };
  return lexicon;
}

/**
 * How a lower-case word reads as a verb, or undefined when it is not a
 * verb form. Irregular forms win over a homograph base ("found" → find)
 * only where the generator found the other verb more frequent; a base
 * form wins over a regular analysis ("need" is not "ne" + -ed).
 */
export function readVerb(word: string): VerbReading | undefined {
  const lex = load();
  const irregular = lex.irregular.get(word);
  if (irregular) return irregular;
  if (lex.verbs.has(word)) return { base: word, form: 'base' };
  const candidates = regularCandidates(word);
  for (const c of candidates) if (lex.verbs.has(c.base)) return { base: c.base, form: c.inflection };
  // Only now guess by prefix or suffix, so that "missing" stays miss + -ing, not mis + "sing".
  if (isVerbBase(lex, word, true)) return { base: word, form: 'base' };
  for (const c of candidates) {
    // "Unused", "Undefined", "Predefined" are adjectives far more often than verbs.
    if (isVerbBase(lex, c.base, c.inflection !== 'past')) return { base: c.base, form: c.inflection };
  }
  return undefined;
}

/** Verb-forming prefixes: "refactor", "deserialize", "unmount", "reenable" are verbs when the rest is. */
const PREFIXES = ['re', 'de', 'dis', 'mis', 'over', 'under', 'auto', 'back', 'co', 'un', 'pre'];
const NOT_FOR_PAST = new Set(['un', 'pre']);
/** -ize/-ise/-ify form verbs ("memoize", "stringify") even when no dictionary lists them. */
const VERB_SUFFIX = /.{3}(?:ize|ise|ify)$/;

function isVerbBase(lex: Lexicon, word: string, allowAllPrefixes: boolean): boolean {
  if (lex.verbs.has(word)) return true;
  for (const p of PREFIXES) {
    if (!allowAllPrefixes && NOT_FOR_PAST.has(p)) continue;
    if (word.length - p.length >= 3 && word.startsWith(p) && lex.verbs.has(word.slice(p.length))) return true;
  }
  return VERB_SUFFIX.test(word);
}

/** True when the verb is also a noun ("fix", "change"), so "Fixes for …" may be a noun phrase. */
export function isAlsoNoun(base: string): boolean {
  return load().nounVerbs.has(base);
}

/** True when the -ing word is also an adjective ("missing", "failing"). */
export function isIngAdjective(word: string): boolean {
  return load().ingAdjectives.has(word);
}

/** True when "first-second" is a compound adjective ("built in support" = "built-in support"). */
export function isCompoundAdjective(first: string, second: string): boolean {
  return load().compoundAdjectives.has(`${first}-${second}`);
}

/** True when WordNet lists "base prep" as a verb ("look for", "belong to"): "Looks for …" stays a verb. */
export function isPrepositionalVerb(base: string, preposition: string): boolean {
  return load().prepositionalVerbs.has(`${base}_${preposition}`);
}
