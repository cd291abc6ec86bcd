/**
 * Globs that a repository supplies (`tests.exempt`, `tests.testGlobs`,
 * `tests.otherGlobs`, a convention's `sources`), compiled to run in time
 * linear in the path.
 *
 * picomatch turns a glob into a backtracking RegExp: `src/*a*a*a*a*a*a*a*a*b.ts`
 * took over 60 s on one long file name, and a hostile repository can commit
 * such a name. Here a glob is translated to RE2 syntax and run on the same
 * linear-time engine as the repository's regular expressions. The syntax
 * is picomatch's with `dot: true`, on the normalised paths git reports
 * (no `./`, no `..`, no empty segments): `*`, `?`, `**` segments, `[...]`
 * classes, `{a,b}` braces, `@(…)`, `?(…)`, `+(…)`, `*(…)` and a leading `!`.
 * What cannot run in linear time (`!(…)`) or would expand (`{1..9}`) is
 * refused with a message; the policy parser reports it at the key.
 */
import { compileLinearSource } from './repositoryPattern';

/** Longest glob accepted; real globs are a few dozen characters. */
export const MAX_GLOB_LENGTH = 500;
/** Deepest nesting of braces and extglob groups accepted. */
export const MAX_GLOB_NESTING = 8;

class Refused extends Error {}

/** Why a repository glob cannot be used, or undefined when it can (for the policy schema). */
export function globProblem(glob: string): string | undefined {
  try {
    globToRe2(glob);
    return undefined;
  } catch (e) {
    if (e instanceof Refused) return e.message;
    throw e;
  }
}

/**
 * One matcher for a list of repository globs: true when any glob matches
 * the whole path (a `!glob` matches every path the glob does not). A glob
 * that {@link globProblem} refuses matches nothing; the policy parser has
 * already reported it. Time is linear in the path's length.
 */
export function compileRepositoryGlobs(globs: readonly string[]): (path: string) => boolean {
  const positive: string[] = [];
  const negative: string[] = [];
  // Like picomatch, a glob also matches the path spelled exactly like it ("a(b).ts").
  const literal = new Set<string>();
  for (const glob of globs) {
    try {
      const { source, negated } = globToRe2(glob);
      (negated ? negative : positive).push(source);
      if (!negated) literal.add(glob);
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      // Refused globs match nothing: the problem is reported where the policy is parsed.
    }
  }
  const any = positive.length > 0 ? compileLinearSource(positive.map((s) => `(?:${s})`).join('|')) : undefined;
  const nots = negative.map((s) => compileLinearSource(s));
  if (!any && nots.length === 0) return () => false;
  return (path) => literal.has(path) || (any?.matchesWhole(path) ?? false) || nots.some((p) => !p.matchesWhole(path));
}

/** A glob in RE2 syntax (to match the whole path), and whether a leading `!` negates it. */
function globToRe2(glob: string): { source: string; negated: boolean } {
  if (glob.length === 0) throw new Refused('must not be empty');
  if (glob.length > MAX_GLOB_LENGTH) throw new Refused(`is longer than ${MAX_GLOB_LENGTH} characters`);
  let negated = false;
  let start = 0;
  while (glob[start] === '!' && glob[start + 1] !== '(') {
    negated = !negated;
    start++;
  }
  return { source: new Translator(glob.slice(start)).run(0, glob.length - start, 0), negated };
}

const EXTGLOB_SUFFIX: Record<string, string> = { '@': '', '?': '?', '+': '+', '*': '*' };

class Translator {
  constructor(private readonly glob: string) {}

  /** Translate glob[from, to) at the given nesting depth. */
  run(from: number, to: number, depth: number): string {
    if (depth > MAX_GLOB_NESTING) throw new Refused(`nests braces or groups deeper than ${MAX_GLOB_NESTING} levels`);
    const g = this.glob;
    let out = '';
    for (let i = from; i < to; i++) {
      const c = g[i] as string;
      const segmentStart = i === from || g[i - 1] === '/';
      if (c === '\\') {
        out += quote(g[i + 1] ?? '\\');
        i++;
      } else if (c === '/' && g.startsWith('/**', i) && i + 3 === to) {
        out += '(?:/.*)?';
        i += 2;
      } else if (c === '*' && g[i + 1] === '*' && segmentStart && (i + 2 === to || g[i + 2] === '/')) {
        out += i + 2 === to ? '.*' : '(?:[^/]*/)*';
        i += i + 2 === to ? 1 : 2;
      } else if (c in EXTGLOB_SUFFIX && g[i + 1] === '(') {
        const end = this.closing(i + 1, to, '(', ')');
        if (end < 0) throw new Refused(`has an unclosed "${c}(" group`);
        out += `(?:${this.alternatives(i + 2, end, '|', depth)})${EXTGLOB_SUFFIX[c]}`;
        i = end;
      } else if (c === '!' && g[i + 1] === '(') {
        throw new Refused('uses a negated group "!(…)", which cannot be matched in linear time; list what to match instead, or negate the whole glob with a leading "!"');
      } else if (c === '*') {
        while (g[i + 1] === '*') i++;
        out += '[^/]*';
      } else if (c === '?') {
        out += '[^/]';
      } else if (c === '(') {
        const end = this.closing(i, to, '(', ')');
        if (end < 0) throw new Refused('has an unclosed "(" group');
        out += `(?:${this.alternatives(i + 1, end, '|', depth)})`;
        i = end;
      } else if (c === '[') {
        const cls = classAt(g, i, to);
        out += cls ? cls.text : '\\[';
        if (cls) i = cls.end;
      } else if (c === '{') {
        const brace = this.brace(i, to, depth);
        out += brace ? brace.text : '\\{';
        if (brace) i = brace.end;
      } else {
        out += quote(c);
      }
    }
    return out;
  }

  private brace(i: number, to: number, depth: number): { text: string; end: number } | undefined {
    const end = this.closing(i, to, '{', '}');
    if (end < 0) return undefined;
    const inner = this.glob.slice(i + 1, end);
    if (this.splitTopLevel(i + 1, end, ',').length < 2) {
      if (/^(?:-?\d+|[A-Za-z])\.\.(?:-?\d+|[A-Za-z])(?:\.\.\d+)?$/.test(inner)) {
        throw new Refused(`uses a brace range "{${inner}}", which is not supported; list the values, as in "{1,2,3}"`);
      }
      return undefined;
    }
    return { text: `(?:${this.alternatives(i + 1, end, ',', depth)})`, end };
  }

  private alternatives(from: number, to: number, separator: string, depth: number): string {
    return this.splitTopLevel(from, to, separator)
      .map(([a, b]) => this.run(a, b, depth + 1))
      .join('|');
  }

  /** Index of the bracket that closes the one at `open`, or -1. */
  private closing(open: number, to: number, left: string, right: string): number {
    let depth = 0;
    for (let i = open; i < to; i++) {
      const c = this.glob[i];
      if (c === '\\') i++;
      else if (c === left) depth++;
      else if (c === right && --depth === 0) return i;
    }
    return -1;
  }

  /** [start, end) ranges of glob[from, to) split at separators outside any bracket. */
  private splitTopLevel(from: number, to: number, separator: string): [number, number][] {
    const parts: [number, number][] = [];
    let depth = 0;
    let start = from;
    for (let i = from; i < to; i++) {
      const c = this.glob[i];
      if (c === '\\') i++;
      else if (c === '{' || c === '(') depth++;
      else if (c === '}' || c === ')') depth--;
      else if (c === separator && depth === 0) {
        parts.push([start, i]);
        start = i + 1;
      }
    }
    parts.push([start, to]);
    return parts;
  }
}

/** A `[...]` class at `i` in RE2 syntax (never matching "/"), or undefined when it is not closed. */
function classAt(g: string, i: number, to: number): { text: string; end: number } | undefined {
  let j = i + 1;
  const negated = g[j] === '!' || g[j] === '^';
  if (negated) j++;
  let body = '';
  for (let first = true; j < to; j++, first = false) {
    const c = g[j] as string;
    if (c === ']' && !first) return { text: negated ? `[^/${body}]` : `[${body}]`, end: j };
    if (c === '\\') {
      body += quote(g[j + 1] ?? '\\');
      j++;
    } else if (c === '[' && g[j + 1] === ':') {
      const close = g.indexOf(':]', j + 2);
      if (close < 0 || close >= to || !/^[a-z]+$/.test(g.slice(j + 2, close))) return undefined;
      body += g.slice(j, close + 2);
      j = close + 1;
    } else {
      body += c === '-' ? '-' : quote(c);
    }
  }
  return undefined;
}

/** One literal character in RE2 syntax. */
function quote(c: string): string {
  return /[\\^$.|?*+()[\]{}-]/.test(c) ? `\\${c}` : c;
}
