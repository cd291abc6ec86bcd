/**
 * The one place where a regular expression that a repository supplies
 * (`commit.ticketPattern`, a test template, a glob) is compiled and run.
 *
 * A repository is untrusted input, and V8's backtracking engine takes
 * exponential time on patterns such as `([\s\S]+)+Z`: one such policy
 * hung `git commit` and the editor's keystroke path. So these patterns run
 * on RE2 (the pure-JavaScript port `re2js`), whose matching time is linear
 * in the input whatever the pattern. The pattern keeps JavaScript syntax:
 * it is first checked by `new RegExp(source, 'u')` (parsing only, nothing
 * is matched), then translated to RE2 syntax with JavaScript's meaning of
 * `.`, `\s`, `[]` and `[^]` kept. What RE2 cannot express (backreferences,
 * lookahead, lookbehind) is refused with a message saying so; the policy
 * parser reports it at the key and the default applies.
 */
import { RE2JS } from 're2js';

/** A compiled repository pattern. Every method runs in time linear in `text`. */
export interface LinearPattern {
  /** The pattern as the repository wrote it. */
  readonly source: string;
  /** Whether the pattern matches anywhere in `text` (like `RegExp.prototype.test`). */
  test(text: string): boolean;
  /** Whether the pattern matches the whole of `text` (like `^(?:…)$`). */
  matchesWhole(text: string): boolean;
  /** The leftmost match in `text` (like `text.match(re)?.[0]`). */
  firstMatch(text: string): string | undefined;
}

export type PatternResult = { ok: true; pattern: LinearPattern } | { ok: false; problem: string };

export interface PatternOptions {
  /** Case-insensitive matching (the `i` flag). */
  ignoreCase?: boolean;
}

/** Longest pattern accepted: a ticket pattern is a few dozen characters; this bounds compile time. */
export const MAX_PATTERN_LENGTH = 1000;

/** The characters JavaScript's `\s` matches (RE2's `\s` is ASCII only). */
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** JavaScript's `.` without the `s` flag: anything but a line terminator. */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

class Refused extends Error {}

/**
 * Compile a repository pattern (JavaScript syntax) to run in linear time.
 * Never throws: a pattern that is invalid, too long or needs backtracking
 * features comes back as `{ ok: false, problem }`, a sentence to show.
 * Results are cached, because the editor compiles on every keystroke.
 */
export function compileRepositoryPattern(source: string, options: PatternOptions = {}): PatternResult {
  const key = `${options.ignoreCase ? 'i' : '-'}${source}`;
  let result = cache.get(key);
  if (!result) {
    result = compileUncached(source, options);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, result);
  }
  return result;
}

/** Why a repository pattern cannot be used, or undefined when it can (for the policy schema). */
export function repositoryPatternProblem(source: string): string | undefined {
  const result = compileRepositoryPattern(source);
  return result.ok ? undefined : result.problem;
}

/**
 * Compile a regular expression that Change Control builds itself from
 * repository text (globs, test templates), already in RE2 syntax. Throws
 * on a bad pattern: the builders only emit valid syntax.
 */
export function compileLinearSource(re2Source: string, options: PatternOptions = {}): LinearPattern {
  return wrap(re2Source, RE2JS.compile(re2Source, options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0));
}

/**
 * A pattern Change Control generates from repository text (a test
 * template), written in the syntax JavaScript and RE2 share. When its
 * generator knows the shape cannot backtrack (`nativeIsLinear`: one
 * wildcard per path segment, at most one "any folders"), V8 runs it, five
 * times faster on a large test index; otherwise RE2 does.
 */
export function compileGeneratedPattern(source: string, options: PatternOptions & { nativeIsLinear: boolean }): Pick<LinearPattern, 'test'> {
  if (options.nativeIsLinear) return new RegExp(source, options.ignoreCase ? 'i' : '');
  const key = `g${options.ignoreCase ? 'i' : '-'}${source}`;
  let compiled = generated.get(key);
  if (!compiled) {
    compiled = compileLinearSource(source, options);
    if (generated.size >= MAX_CACHED) generated.clear();
    generated.set(key, compiled);
  }
  return compiled;
}

const MAX_CACHED = 64;
const cache = new Map<string, PatternResult>();
const generated = new Map<string, LinearPattern>();

function compileUncached(source: string, options: PatternOptions): PatternResult {
  if (source.length === 0) return { ok: false, problem: 'must not be empty' };
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, problem: `is longer than ${MAX_PATTERN_LENGTH} characters` };
  try {
    // Parse only: JavaScript syntax is the documented syntax, and its errors are the clearest.
    new RegExp(source, options.ignoreCase ? 'iu' : 'u');
  } catch {
    return { ok: false, problem: 'must be a valid regular expression' };
  }
  let translated: string;
  try {
    translated = toRe2Syntax(source);
  } catch (e) {
    if (e instanceof Refused) return { ok: false, problem: e.message };
    throw e;
  }
  try {
    const re = RE2JS.compile(translated, options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    return { ok: true, pattern: wrap(source, re) };
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : String(e);
    return { ok: false, problem: `uses syntax that the linear-time engine (RE2) cannot run (${detail})` };
  }
}

function wrap(source: string, re: RE2JS): LinearPattern {
  return {
    source,
    test: (text) => re.test(text),
    matchesWhole: (text) => re.testExact(text),
    firstMatch: (text) => {
      const m = re.matcher(text);
      return m.find() ? (m.group() ?? undefined) : undefined;
    },
  };
}

const LOOKAROUND =
  'uses a lookahead or lookbehind ("(?=", "(?!", "(?<=", "(?<!"), which cannot be matched in linear time; write the pattern without it';
const BACKREFERENCE = 'uses a backreference ("\\1", "\\k<name>"), which cannot be matched in linear time; write the pattern without it';

/**
 * JavaScript (`u` flag) syntax to RE2 syntax, for a source that already
 * parsed as JavaScript. Keeps JavaScript's meaning where the two differ.
 */
function toRe2Syntax(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      const { text, length } = escape(source, i, inClass);
      out += text;
      i += length - 1;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c === '[' ? '\\[' : c;
    } else if (c === '[') {
      if (source.startsWith('[]', i)) {
        out += '[^\\x{0}-\\x{10FFFF}]';
        i += 1;
      } else if (source.startsWith('[^]', i)) {
        out += '[\\x{0}-\\x{10FFFF}]';
        i += 2;
      } else {
        inClass = true;
        out += c;
        if (source[i + 1] === '^') out += source[++i] as string;
      }
    } else if (c === '.') {
      out += JS_DOT;
    } else if (c === '(' && source[i + 1] === '?') {
      const { text, length } = group(source, i);
      out += text;
      i += length - 1;
    } else {
      out += c;
    }
  }
  return out;
}

/** `(?` at `i`: refuse lookaround, turn `(?<name>` into RE2's `(?P<name>`. */
function group(source: string, i: number): { text: string; length: number } {
  const next = source[i + 2];
  if (next === '=' || next === '!') throw new Refused(LOOKAROUND);
  if (next === '<') {
    const after = source[i + 3];
    if (after === '=' || after === '!') throw new Refused(LOOKAROUND);
    return { text: '(?P<', length: 3 };
  }
  return { text: '(?', length: 2 };
}

/** The escape at `i` in RE2 syntax, and how many source characters it takes. */
function escape(source: string, i: number, inClass: boolean): { text: string; length: number } {
  const c = source[i + 1] ?? '';
  if (c === 'k' || (c >= '1' && c <= '9')) throw new Refused(BACKREFERENCE);
  if (c === 's') return { text: inClass ? JS_SPACE : `[${JS_SPACE}]`, length: 2 };
  if (c === 'S' && !inClass) return { text: `[^${JS_SPACE}]`, length: 2 };
  if (c === 'b' && inClass) return { text: '\\x{08}', length: 2 };
  if (c === '0') return { text: '\\x{0}', length: 2 };
  if (c === 'c') return { text: `\\x{${((source.charCodeAt(i + 2) % 32) >>> 0).toString(16)}}`, length: 3 };
  if (c === 'u') {
    const braced = /^\{([0-9A-Fa-f]+)\}/.exec(source.slice(i + 2, i + 12));
    if (braced) return { text: `\\x{${braced[1]}}`, length: 2 + (braced[0]?.length ?? 0) };
    const hex = source.slice(i + 2, i + 6);
    if (/^[0-9A-Fa-f]{4}$/.test(hex)) return { text: `\\x{${hex}}`, length: 6 };
  }
  if (c === 'x') return { text: `\\x{${source.slice(i + 2, i + 4)}}`, length: 4 };
  if (c === 'v') return { text: '\\x{0B}', length: 2 };
  if (c === '/') return { text: '/', length: 2 };
  if (c === '-') return { text: '\\-', length: 2 };
  return { text: `\\${c}`, length: 2 };
}
