/**
 * Is the first word of a description the head of a noun phrase rather
 * than a verb? "Spelling mistake", "Naming, linting", "Failing spec for
 * X" and "Updates after review" start with a verb form, yet nothing is
 * done by that verb: they name a topic. What follows the word decides:
 *
 * - a gerund directly followed by a comma or by the end of the
 *   description is a title ("Naming, linting", "Refactoring");
 * - a gerund followed by a noun that reports a change or a problem
 *   ("mistake", "warning", "test", "optimisation") forms a compound,
 *   unless the verb is one whose objects are exactly such things ("Fixing
 *   typo", "Adding tests", "Removing warnings");
 * - a plural that reports a change ("Updates", "Fixes", "Tweaks") followed
 *   by a preposition or punctuation is a noun ("Updates after review");
 *   an object or determiner after it keeps the verb ("Updates the parser").
 *
 * Both lists are closed word classes of English (nouns that name a change
 * or its defect, verbs of editing and reporting), not names from any one
 * repository.
 */

/** Nouns (singular) that name a change, a defect or a check. */
const REPORT_NOUNS = new Set([
  'mistake', 'error', 'typo', 'warning', 'bug', 'issue', 'problem', 'failure', 'regression', 'glitch', 'nit',
  'fix', 'change', 'update', 'tweak', 'edit', 'cleanup', 'improvement', 'enhancement', 'optimisation',
  'optimization', 'refactor', 'refactoring', 'correction', 'adjustment', 'revision', 'addition', 'removal',
  'test', 'spec', 'check', 'case', 'convention', 'rule', 'logic', 'behaviour', 'behavior', 'support', 'note',
]);

/** Verbs whose object is naturally a change, a defect or a check: their gerund keeps its object. */
const EDIT_VERBS = new Set([
  'add', 'fix', 'remove', 'delete', 'drop', 'correct', 'update', 'handle', 'resolve', 'avoid', 'prevent', 'address',
  'suppress', 'silence', 'ignore', 'apply', 'revert', 'make', 'show', 'emit', 'raise', 'throw', 'report', 'log',
  'print', 'document', 'clarify', 'improve', 'reduce', 'introduce', 'implement', 'skip', 'disable', 'enable',
  'allow', 'catch', 'run', 'write', 'rewrite', 'refactor', 'simplify', 'move', 'rename', 'merge', 'squash', 'split',
  'mark', 'tidy', 'clean', 'tweak', 'extend', 'expand', 'restore', 'reintroduce', 'reapply', 'undo', 'enforce',
  'detect', 'flag', 'return', 'surface', 'hide', 'test', 'check', 'cover', 'break', 'cause', 'trigger', 'introduce',
  'backport', 'port', 'cherry', 'deprecate', 'reword', 'rework', 'redo', 'finish', 'complete', 'start', 'continue',
  'make', 'get', 'include', 'exclude', 'use', 'reuse', 'replace', 'change', 'modify', 'adjust', 'relax', 'tighten',
  'loosen', 'harden', 'strengthen', 'speed', 'optimise', 'optimize', 'debug', 'investigate', 'track', 'list',
  'collect', 'describe', 'explain', 'mention', 'cleanup', 'reorganise', 'reorganize', 'revise', 'support',
]);

/** Plural report nouns ("updates") that are also third-person verbs. */
function isReportPlural(base: string): boolean {
  return REPORT_NOUNS.has(base);
}

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

const PREPOSITIONS = new Set([
  'for', 'to', 'in', 'of', 'from', 'after', 'before', 'since', 'during', 'on', 'at', 'with', 'without', 'by', 'about',
  'around', 'regarding', 'per', 'across', 'against', 'within', 'via', 'into', 'under', 'over', 'between', 'towards',
]);

export interface Following {
  /** The next item: a lower-case word, a punctuation character, or '' at the end. */
  next: string;
  /** The item after the next word (same shape), when `next` is a word. */
  afterNext: string;
}

/** A boundary of a noun phrase: the end, punctuation, a conjunction or a preposition. */
function isBoundary(item: string): boolean {
  return item === '' || /^[^A-Za-z0-9]$/.test(item) || item === 'and' || item === 'or' || PREPOSITIONS.has(item);
}

/** True when the gerund `word` (base `base`) heads a noun phrase rather than acting on an object. */
export function gerundHeadsNounPhrase(base: string, following: Following): boolean {
  const { next, afterNext } = following;
  if (next === '' || next === ',' || next === ';') return true;
  if (!/^[a-z]+$/.test(next) || EDIT_VERBS.has(base)) return false;
  return REPORT_NOUNS.has(singular(next)) && isBoundary(afterNext);
}

/** True when the third-person form of `base` is a plural noun naming a change ("Updates after review"). */
export function pluralHeadsNounPhrase(base: string, following: Following): boolean {
  return isReportPlural(base) && (following.next === '' || PREPOSITIONS.has(following.next) || /^[,:;()&/.-]$/.test(following.next));
}
