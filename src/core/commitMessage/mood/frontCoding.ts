/**
 * Front coding for sorted word lists: each word is stored as the length of
 * the prefix it shares with the previous word (one base-36 digit) followed
 * by the rest. Halves the generated lexicon at a decode cost of ~1 ms.
 */
const MAX_SHARED = 35;

export function frontCode(sorted: readonly string[]): string {
  let previous = '';
  const parts: string[] = [];
  for (const word of sorted) {
    let shared = 0;
    while (shared < MAX_SHARED && shared < word.length && shared < previous.length && word[shared] === previous[shared]) shared++;
    parts.push(shared.toString(36) + word.slice(shared));
    previous = word;
  }
  return parts.join(' ');
}

export function frontDecode(coded: string): string[] {
  const words: string[] = [];
  let previous = '';
  if (coded === '') return words;
  for (const part of coded.split(' ')) {
    const shared = parseInt(part[0]!, 36);
    previous = previous.slice(0, shared) + part.slice(1);
    words.push(previous);
  }
  return words;
}

/**
 * Membership in a front-coded sorted list without decoding all of it: a
 * word whose first character differs from the previous word's shares
 * nothing with it, so its entry starts with `0`, and the words that start
 * with one character form one run from such an entry to the next. A
 * lookup decodes only the run of its word's first character (once, then
 * kept), so the commit-msg hook pays for a few runs instead of the ~13k
 * words of the lexicon.
 */
export class FrontCodedSet {
  private readonly runs = new Map<string, ReadonlySet<string>>();

  constructor(private readonly coded: string) {}

  has(word: string): boolean {
    const first = word.charAt(0);
    let run = this.runs.get(first);
    if (!run) {
      run = new Set(frontDecode(this.run(first)));
      this.runs.set(first, run);
    }
    return run.has(word);
  }

  /** The coded entries of the words starting with `first` ('' for the empty word), or ''. */
  private run(first: string): string {
    const coded = this.coded;
    // The empty word can only be the first entry, "0" alone.
    if (first === '') return /^0(?: |$)/.test(coded) ? '0' : '';
    const head = `0${first}`;
    const start = coded.startsWith(head) ? 0 : coded.indexOf(` ${head}`) + 1;
    if (start === 0 && !coded.startsWith(head)) return '';
    const next = coded.indexOf(' 0', start + 1);
    return next < 0 ? coded.slice(start) : coded.slice(start, next);
  }
}
