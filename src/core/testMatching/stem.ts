/**
 * Normalised stems: the key under which test files are indexed, so a
 * source finds its candidate tests with one map lookup. `FooTest.java`,
 * `foo_test.go`, `test_foo.py`, `foo.spec.ts` and `foo_spec.rb` all have
 * the stem of `foo` / `Foo`.
 *
 * normaliseStem runs on every test file of a 100,000-file tree, so it is
 * written out by hand over character codes instead of a chain of regular
 * expressions; it behaves exactly like this chain, applied in order (the
 * unit tests compare the two on a broad table of names):
 *
 * 1. drop the last extension (not the dot of a dotfile);
 * 2. while the rest ends in `.test`, `.tests`, `.spec`, `.specs`, `.e2e`,
 *    `.unit`, `.integration` or `.it` (any case), drop that mark;
 * 3. drop `/^(tests?|spec)[_-]/i`, then `/[_-](tests?|specs?)$/i`, then
 *    `/(?<=[a-z0-9])(Tests?|IT|Spec|TestCase)$/`, then `/^Test(?=[A-Z])/`;
 * 4. drop separators (`_`, `-`, `.`, white space) and lower-case.
 */

const DOTTED_MARKS = ['test', 'tests', 'spec', 'specs', 'e2e', 'unit', 'integration', 'it'];
const PREFIX_MARK = /^(tests?|spec)[_-]/i;
const SEPARATORS = /[_\-.\s]/g;
const SEPARATORS_TEST = /[_\-.\s]/;

const UNDERSCORE = 95;
const DASH = 45;
const DOT = 46;
const LOWER_C = 99;
const LOWER_E = 101;
const LOWER_N = 110;
const LOWER_S = 115;
const LOWER_T = 116;
const UPPER_T = 84;

/** ASCII lower case of one character code. */
function lowerCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function isLowerOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isMarkSeparator(code: number): boolean {
  return code === UNDERSCORE || code === DASH;
}

/** True when `text[at, at + word.length)` is `word` (lower-case ASCII), ignoring ASCII case. */
function matchesAt(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (lowerCode(text.charCodeAt(at + i)) !== word.charCodeAt(i)) return false;
  return true;
}

/** True when `text[at, at + word.length)` is exactly `word`. */
function exactAt(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (text.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** Whether some dotted mark ends in this (lower-cased) character: `t`, `s`, `c`, `e` or `n`. */
function mayEndDottedMark(last: number): boolean {
  return last === LOWER_T || last === LOWER_S || last === LOWER_C || last === LOWER_E || last === LOWER_N;
}

/**
 * Length of a trailing `.test`-style mark in `[from, end)`, else 0. A mark
 * holds no dot, so a dot just before it is the name's last one.
 */
function dottedMarkLength(text: string, from: number, end: number): number {
  if (!mayEndDottedMark(lowerCode(text.charCodeAt(end - 1)))) return 0;
  for (const mark of DOTTED_MARKS) {
    const at = end - mark.length - 1;
    if (at >= from && text.charCodeAt(at) === DOT && matchesAt(text, at + 1, mark)) return mark.length + 1;
  }
  return 0;
}

/** Length of a leading `test_`, `tests-`, `spec_` … mark in `[start, end)`, else 0. */
function prefixMarkLength(text: string, start: number, end: number): number {
  const first = lowerCode(text.charCodeAt(start));
  if (first !== LOWER_T && first !== LOWER_S) return 0;
  if (end - start >= 6 && matchesAt(text, start, 'tests') && isMarkSeparator(text.charCodeAt(start + 5))) return 6;
  if (end - start >= 5 && (matchesAt(text, start, 'test') || matchesAt(text, start, 'spec')) && isMarkSeparator(text.charCodeAt(start + 4))) return 5;
  return 0;
}

/** The one suffix mark a name ending in this (lower-cased) character can have. */
function suffixMarkFor(text: string, end: number): string | undefined {
  const last = lowerCode(text.charCodeAt(end - 1));
  if (last === LOWER_T) return 'test';
  if (last === LOWER_C) return 'spec';
  if (last !== LOWER_S) return undefined;
  return lowerCode(text.charCodeAt(end - 2)) === LOWER_T ? 'tests' : 'specs';
}

/** Length of a trailing `_test`, `-specs` … mark in `[start, end)`, else 0. */
function suffixMarkLength(text: string, start: number, end: number): number {
  const word = suffixMarkFor(text, end);
  if (word === undefined) return 0;
  const at = end - word.length - 1;
  return at >= start && isMarkSeparator(text.charCodeAt(at)) && matchesAt(text, at + 1, word) ? word.length + 1 : 0;
}

/** The one camel-case suffix a name ending in this character can have. */
function camelSuffixFor(last: number): string | undefined {
  if (last === LOWER_T) return 'Test';
  if (last === LOWER_S) return 'Tests';
  if (last === UPPER_T) return 'IT';
  if (last === LOWER_C) return 'Spec';
  return last === LOWER_E ? 'TestCase' : undefined;
}

/** Length of a trailing `Test`, `Tests`, `IT`, `Spec`, `TestCase` after a lower-case letter or digit, else 0. */
function camelSuffixLength(text: string, start: number, end: number): number {
  const word = camelSuffixFor(text.charCodeAt(end - 1));
  if (word === undefined) return 0;
  const at = end - word.length;
  return at - 1 >= start && exactAt(text, at, word) && isLowerOrDigit(text.charCodeAt(at - 1)) ? word.length : 0;
}

/** The file name (no folder) reduced to its stem, lower case, separators dropped. */
export function normaliseStem(fileName: string): string {
  return stemFrom(fileName, 0);
}

/** The stem of a path's file name, without copying the name out first (the index's hot loop). */
export function normalisePathStem(path: string): string {
  return stemFrom(path, path.lastIndexOf('/') + 1);
}

/** normaliseStem of `text[from..]`. */
function stemFrom(text: string, from: number): string {
  const lastDot = text.lastIndexOf('.');
  let end = lastDot > from ? lastDot : text.length;
  for (let mark = dottedMarkLength(text, from, end); mark > 0; mark = dottedMarkLength(text, from, end)) end -= mark;
  let start = from + prefixMarkLength(text, from, end);
  end -= suffixMarkLength(text, start, end);
  end -= camelSuffixLength(text, start, end);
  if (end - start > 4 && text.charCodeAt(start) === UPPER_T && exactAt(text, start, 'Test') && isUpper(text.charCodeAt(start + 4))) start += 4;
  return lowerStem(text, start, end);
}

/** True for `_`, `-`, `.` and ASCII white space (other white space takes the regular-expression path). */
function isAsciiSeparator(code: number): boolean {
  return code === UNDERSCORE || code === DASH || code === DOT || code === 32 || (code >= 9 && code <= 13);
}

/** `text[start, end)` without separators, lower case; no copy work for a plain name. */
function lowerStem(text: string, start: number, end: number): string {
  let upper = false;
  let pieces: string | undefined;
  let from = start;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isLowerOrDigit(code)) continue;
    if (code >= 128) return slowLowerStem(text.slice(start, end));
    if (isUpper(code)) upper = true;
    else if (isAsciiSeparator(code)) {
      pieces = (pieces ?? '') + text.slice(from, i);
      from = i + 1;
    }
  }
  const name = pieces === undefined ? (start === 0 && end === text.length ? text : text.slice(start, end)) : pieces + text.slice(from, end);
  return upper ? name.toLowerCase() : name;
}

function slowLowerStem(name: string): string {
  return SEPARATORS_TEST.test(name) ? name.replace(SEPARATORS, '').toLowerCase() : name.toLowerCase();
}

/** Stem of a literal file-name prefix (the part of a template before `*`). */
export function normalisePrefix(prefix: string): string {
  return prefix.replace(PREFIX_MARK, '').replace(SEPARATORS, '').toLowerCase();
}
