/**
 * Parse the policy file text into a usable policy plus located problems.
 * A bad value falls back to its default and becomes a problem at the exact
 * key, so a typo never stops the extension, the hook or the CLI; the rest
 * of the file still applies. The file is untrusted input: its size and
 * nesting are bounded before parsing, a byte order mark is accepted, every
 * key is an own property, and the work is linear in the file's size. A
 * gate tells "policy invalid" from a clean policy with isPolicyInvalid.
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { buildPolicyTree, copyOwn, findTooDeep } from './policyTree';
import { showKey, validatePolicy, type PathProblem } from './policyRepair';
import { defaultPolicy, type Policy } from './schema';
import { plural } from '../rules/text';

export interface PolicyProblem {
  /** JSON path of the offending key, e.g. ["commit", "subjectMaxLength"]. */
  path: (string | number)[];
  message: string;
  /** Offset and length in the file text (0-based UTF-16), for squiggles. */
  offset: number;
  length: number;
  /** 1-based line and column of `offset`, for the CLI. */
  line: number;
  column: number;
  /** For an unknown key: the known key it most likely meant. */
  suggestion?: string;
  /** A JSON syntax error (an editor's JSON support reports these itself). */
  syntax?: true;
}

export interface ParsedPolicy {
  policy: Policy;
  problems: PolicyProblem[];
  /**
   * The keys the text sets (`extends`, `commit.subjectMaxLength`, …), so a
   * policy that extends another overrides only those; absent when unknown.
   */
  declared?: string[];
}

/** Largest policy file read, in UTF-8 bytes; a real one is a few hundred. */
export const MAX_POLICY_BYTES = 1024 * 1024;
/** Deepest nesting of objects and lists accepted; the schema needs five. */
export const MAX_POLICY_DEPTH = 32;
/** Problems listed at most; one more says how many were left out. */
export const MAX_POLICY_PROBLEMS = 1000;

/**
 * Whether a parsed policy has problems, so a gate must not decide on it:
 * its bad keys were replaced by defaults, which may be looser than meant.
 */
export function isPolicyInvalid(parsed: Pick<ParsedPolicy, 'problems'>): boolean {
  return parsed.problems.length > 0;
}

/** Parse policy file text. Never throws. */
export function parsePolicy(text: string): ParsedPolicy {
  const bytes = utf8Length(text, MAX_POLICY_BYTES);
  if (bytes > MAX_POLICY_BYTES) {
    const message = `The policy file is larger than ${MAX_POLICY_BYTES} bytes (1 MB), the limit; nothing in it is used. Shorten it.`;
    return { policy: defaultPolicy(), problems: [{ path: [], message, offset: 0, length: 1, line: 1, column: 1 }] };
  }
  // A UTF-8 byte order mark becomes a space: offsets stay those of the text given.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom ? ` ${text.slice(1)}` : text;
  const lines = new LineIndex(source, bom);
  const fail = (problems: PolicyProblem[]): ParsedPolicy => ({ policy: defaultPolicy(), problems: capped(problems, lines) });

  const deep = findTooDeep(source, MAX_POLICY_DEPTH);
  if (deep >= 0) {
    return fail([lines.problem([], `The policy file nests deeper than ${MAX_POLICY_DEPTH} levels here; nothing in it is used.`, deep, 1)]);
  }
  const errors: ParseError[] = [];
  let root: ReturnType<typeof parseTree>;
  try {
    root = parseTree(source, errors, { allowTrailingComma: false, disallowComments: false });
  } catch (err) {
    // Last resort, should the depth scan ever miss a shape the parser nests on: never a crash.
    if (!(err instanceof RangeError)) throw err;
    return fail([lines.problem([], `The policy file nests too deep to read; nothing in it is used.`, 0, 1)]);
  }
  if (errors.length > 0) {
    return fail(errors.map((e) => ({ ...lines.problem([], `JSON syntax error: ${describeParseError(printParseErrorCode(e.error))}`, e.offset, Math.max(e.length, 1)), syntax: true as const })));
  }
  if (!root) return fail([lines.problem([], 'The policy file is empty.', 0, 1)]);
  if (root.type !== 'object') return fail([lines.problem([], 'The policy file must contain a JSON object.', root.offset, root.length)]);

  const tree = buildPolicyTree(root, (offset) => lines.lineEnd(offset));
  const { policy, problems } = validatePolicy(tree.value as Record<string, unknown>);
  const located = tree.duplicates.map((d) =>
    lines.problem(d.path, `Duplicate key "${showKey(String(d.path[d.path.length - 1]))}": only this last one applies. Keep one.`, d.range.offset, d.range.length),
  );
  for (const p of unique(problems)) {
    const range = tree.locate(p.path);
    const problem = lines.problem(p.path, p.message, range.offset, range.length);
    located.push(p.suggestion ? { ...problem, suggestion: p.suggestion } : problem);
  }
  // In file order, so the CLI reads top to bottom (sort is stable: one key's problems keep their order).
  located.sort((a, b) => a.offset - b.offset);
  return { policy, problems: capped(located, lines), declared: declaredKeys(tree.value as Record<string, unknown>) };
}

/** Validate an already-parsed value (settings, tests); problems are located at offset 0. */
export function parsePolicyValue(value: unknown): ParsedPolicy {
  const at0 = (message: string): ParsedPolicy => ({
    policy: defaultPolicy(),
    problems: [{ path: [], message, offset: 0, length: 0, line: 1, column: 1 }],
  });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return at0('The policy must be a JSON object.');
  const raw = copyOwn(value, MAX_POLICY_DEPTH);
  if (raw === undefined) return at0(`The policy nests deeper than ${MAX_POLICY_DEPTH} levels; nothing in it is used.`);
  const { policy, problems } = validatePolicy(raw as Record<string, unknown>);
  return { policy, problems: unique(problems).map((p) => ({ ...p, offset: 0, length: 0, line: 1, column: 1 })) };
}

/** `section.key` for each key of each section object, and each top-level key that is not an object. */
function declaredKeys(raw: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const [top, value] of Object.entries(raw)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) for (const key of Object.keys(value)) keys.push(`${top}.${key}`);
    else keys.push(top);
  }
  return keys;
}

/** Each problem once: the same message at the same path is one problem. */
function unique(problems: readonly PathProblem[]): PathProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.path, p.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function capped(problems: PolicyProblem[], lines: LineIndex): PolicyProblem[] {
  if (problems.length <= MAX_POLICY_PROBLEMS) return problems;
  const rest = problems.length - MAX_POLICY_PROBLEMS;
  const last = problems[MAX_POLICY_PROBLEMS]!;
  const more = lines.problem([], `${plural(rest, 'more problem', 'more problems')} not listed, from here on. Fix the ones above first.`, last.offset, last.length);
  return [...problems.slice(0, MAX_POLICY_PROBLEMS), more];
}

/** Line starts of a text, found once; each look-up is a binary search. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    private readonly text: string,
    /** Characters at the start (a byte order mark) that take no column. */
    private readonly hidden: number,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Index of the line holding `offset`. */
  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset of the newline ending the line that holds `offset` (or the text's end). */
  lineEnd(offset: number): number {
    const next = this.starts[this.lineOf(offset) + 1];
    return next === undefined ? this.text.length : next - 1;
  }

  problem(path: (string | number)[], message: string, offset: number, length: number): PolicyProblem {
    const at = Math.min(Math.max(offset, 0), this.text.length);
    const line = this.lineOf(at);
    const start = line === 0 ? Math.min(this.hidden, at) : this.starts[line]!;
    return { path, message, offset, length, line: line + 1, column: at - start + 1 };
  }
}

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const { line, column } = new LineIndex(text, 0).problem([], '', offset, 0);
  return { line, column };
}

/** UTF-8 length of `text`, counted only until it passes `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
