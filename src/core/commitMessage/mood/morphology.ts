/**
 * Regular English verb morphology, run backwards: from a word form to the
 * base forms it could come from. Only candidates are produced here; the
 * lexicon (WordNet's verb lemmas) decides which candidate is a real verb.
 * Irregular forms ("wrote", "made", "was") are listed in the generated
 * table instead: scripts/generateMoodLexicon.ts keeps exactly the forms
 * these rules cannot recover.
 */
export type Inflection = 'past' | 'third_person' | 'gerund';

export interface Candidate {
  base: string;
  inflection: Inflection;
}

const VOWEL = /[aeiou]/;

function undouble(stem: string): string | undefined {
  const n = stem.length;
  if (n >= 3 && stem[n - 1] === stem[n - 2] && !VOWEL.test(stem[n - 1]!) && stem[n - 1] !== 's') {
    return stem.slice(0, -1);
  }
  return undefined;
}

function push(out: Candidate[], base: string | undefined, inflection: Inflection): void {
  if (base !== undefined && base.length >= 2) out.push({ base, inflection });
}

/** Possible (base, inflection) readings of a lower-case word by regular rules. */
export function regularCandidates(word: string): Candidate[] {
  const out: Candidate[] = [];
  if (word.endsWith('ing') && word.length > 4) {
    const stem = word.slice(0, -3);
    // "hoping" is hope, not hop (that would double: "hopping").
    const silentE = /[^aeiou][aeiou][^aeiouwxy]$/.test(stem);
    if (silentE) push(out, `${stem}e`, 'gerund');
    push(out, stem, 'gerund');
    if (!silentE) push(out, `${stem}e`, 'gerund');
    push(out, undouble(stem), 'gerund');
    if (stem.endsWith('y')) push(out, `${stem.slice(0, -1)}ie`, 'gerund');
    if (stem.endsWith('ck')) push(out, stem.slice(0, -1), 'gerund');
  } else if (word.endsWith('ed') && word.length > 3) {
    const stem = word.slice(0, -2);
    push(out, word.slice(0, -1), 'past');
    push(out, stem, 'past');
    push(out, undouble(stem), 'past');
    if (stem.endsWith('i')) push(out, `${stem.slice(0, -1)}y`, 'past');
    if (stem.endsWith('ck')) push(out, stem.slice(0, -1), 'past');
  } else if (word.endsWith('s') && !word.endsWith('ss') && word.length > 2) {
    push(out, word.slice(0, -1), 'third_person');
    if (word.endsWith('es')) push(out, word.slice(0, -2), 'third_person');
    if (word.endsWith('ies')) push(out, `${word.slice(0, -3)}y`, 'third_person');
  }
  return out;
}
