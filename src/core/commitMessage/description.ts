/**
 * Find the subject's description: the part after the prefixes teams put in
 * front of it. The mood rule checks the description's first word, so
 * "fix(compiler-sfc): add …" starts with "add", not "fix(compiler-sfc):".
 * Handled: Conventional Commits `type(scope)!: `, git.git-style area
 * prefixes (`refs: `, `l10n: tr: `, `t/t1234: `, `(docs) `), ticket prefixes
 * (`ABC-123: `, `[ABC-123] `, `Issue 901: `, `#12: `, `fix #680 - `),
 * bracket tags (`[PATCH] `, `[Fix #5527] `) and gitmoji/emoji.
 */
const PREFIXES: RegExp[] = [
  /^\s+/,
  /^\[[^\]]{1,40}\]:?\s*/,
  /^\([^)]{1,40}\):?\s+/,
  /^:[a-z0-9_+-]{1,30}:\s*/,
  /^\p{Extended_Pictographic}\uFE0F?\s*/u,
  /^[A-Z][A-Z0-9]{1,9}-\d+\b:?\s*(?:[-–—]\s+)?/,
  /^(?:issue|bug|ticket|fix|gh|pr)[\s-]*#?\d+\b:?\s*(?:[-–—]\s+)?/i,
  /^#\d+\b:?\s*(?:[-–—]\s+)?/,
  /^[\w./@*{},+-]{1,40}(?:\s?\([^)]{0,60}\))?!?:\s+/,
];

/** A past participle used as a prefix ("Fixed: crash") is the description itself. */
const INFLECTED_LABEL = /^[A-Za-z]+ed:/;

export interface Description {
  /** The description text (to the end of the subject). */
  text: string;
  /** Its UTF-16 offset in the subject line. */
  offset: number;
}

/** The description of `subject` (the whole subject when it has no prefix). */
export function findDescription(subject: string): Description {
  let offset = 0;
  for (let guard = 0; guard < 8; guard++) {
    const rest = subject.slice(offset);
    if (INFLECTED_LABEL.test(rest)) break;
    const length = prefixLength(rest);
    if (length === 0 || length >= rest.trimEnd().length) break;
    offset += length;
  }
  return { text: subject.slice(offset), offset };
}

/** Length of the first non-empty prefix match; 0 when none matches. Runs per keystroke, so no arrays. */
function prefixLength(text: string): number {
  for (const prefix of PREFIXES) {
    const match = prefix.exec(text);
    if (match && match[0].length > 0) return match[0].length;
  }
  return 0;
}
