/**
 * Validate a parsed policy and repair it key by key: a bad value that has
 * a default is dropped so its default applies, a bad entry of a list is
 * dropped from the list, and nothing else changes. One zod pass finds
 * every issue and one walk repairs them all, so a file with thousands of
 * bad entries costs two passes, and each issue is reported once. Pure.
 */
import type { z } from 'zod';
import { nearestKey } from './didYouMean';
import { PolicySchema, defaultPolicy, type Policy } from './schema';

/** A schema issue with the path it concerns, before it is located in the text. */
export interface PathProblem {
  path: (string | number)[];
  message: string;
  /** For an unknown key: the known key it most likely meant (the "did you mean" fix). */
  suggestion?: string;
}

export interface RepairedPolicy {
  policy: Policy;
  problems: PathProblem[];
}

type Path = (string | number)[];
type Raw = Record<string, unknown>;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** The schema that validates `path`, or undefined when it cannot be followed. */
function schemaAt(path: readonly (string | number)[]): z.ZodType | undefined {
  let schema: z.ZodType | undefined = PolicySchema;
  for (const segment of path) {
    for (let def = defOf(schema); def && (WRAPPERS.has(def.type) || def.type === 'pipe'); def = defOf(schema)) {
      schema = def.type === 'pipe' ? def.in : def.innerType;
    }
    const def = defOf(schema);
    if (def?.type === 'object' && typeof segment === 'string') schema = Object.hasOwn(def.shape ?? {}, segment) ? def.shape![segment] : undefined;
    else if (def?.type === 'array' && typeof segment === 'number') schema = def.element;
    else return undefined;
  }
  return schema;
}

/** The keys the schema knows in the object at `path` (none when it is not an object). */
function knownKeys(path: readonly (string | number)[]): string[] {
  let schema = schemaAt(path);
  for (let def = defOf(schema); def && (WRAPPERS.has(def.type) || def.type === 'pipe'); def = defOf(schema)) {
    schema = def.type === 'pipe' ? def.in : def.innerType;
  }
  const def = defOf(schema);
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function defOf(schema: z.ZodType | undefined): Def | undefined {
  return schema ? (schema._zod.def as unknown as Def) : undefined;
}

/** What leaving a key out gives: refused, its default, or nothing (an optional key). */
type Absent = 'refused' | 'default' | 'unset';
const absentCache = new WeakMap<z.ZodType, Absent>();

function whenAbsent(path: Path): Absent {
  const schema = schemaAt(path);
  if (!schema) return 'refused';
  let known = absentCache.get(schema);
  if (known === undefined) {
    const result = schema.safeParse(undefined);
    known = !result.success ? 'refused' : result.data === undefined ? 'unset' : 'default';
    absentCache.set(schema, known);
  }
  return known;
}

/** Follow `path` through own properties only; undefined when it breaks off. */
function ownAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let node = raw;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Whether the last key of `path` is absent from an object that exists. */
function missing(raw: Raw, path: Path): boolean {
  const parent = ownAt(raw, path.slice(0, -1));
  return typeof parent === 'object' && parent !== null && !Array.isArray(parent) && !Object.hasOwn(parent, path[path.length - 1]!);
}

const MAX_KEY_SHOWN = 60;

/**
 * A key from the file as a message shows it: control and bidirectional
 * characters escaped (a key must not drive the terminal or reorder the
 * line), and cut to a readable length.
 */
export function showKey(key: string): string {
  const escaped = key.slice(0, MAX_KEY_SHOWN).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return key.length > MAX_KEY_SHOWN ? `${escaped}…` : escaped;
}

/** What to do about one issue: delete a key, or drop an entry of a list. */
type Repair = { kind: 'delete'; path: Path } | { kind: 'drop'; list: Path; index: number };

/**
 * The smallest repair that removes an issue at `path`: the innermost key
 * that may be left out, else the entry of the outermost list holding it
 * (so dropping entries never shifts the index of another issue), else the
 * top-level section, whose default always applies.
 */
function repairFor(path: Path): Repair {
  for (let n = path.length; n >= 1; n--) {
    const segment = path[n - 1]!;
    if (typeof segment === 'number') {
      const first = path.findIndex((s) => typeof s === 'number');
      return { kind: 'drop', list: path.slice(0, first), index: path[first] as number };
    }
    if (whenAbsent(path.slice(0, n)) !== 'refused') return { kind: 'delete', path: path.slice(0, n) };
  }
  return { kind: 'delete', path: path.slice(0, 1) };
}

function describe(path: Path, issue: string, repair: Repair): string {
  const name = path.length ? `"${path.join('.')}"` : 'The policy';
  if (repair.kind === 'drop') return `${name}: ${issue}. The entry "${[...repair.list, repair.index].join('.')}" is ignored.`;
  const outcome = whenAbsent(repair.path) === 'unset' ? `"${repair.path.join('.')}" is ignored` : 'The default is used instead';
  return `${name}: ${issue}. ${outcome}.`;
}

/** One pass: every issue of `raw` becomes a problem and a repair; repairs are applied together. */
function repairPass(raw: Raw, issues: readonly z.core.$ZodIssue[], problems: PathProblem[]): void {
  const drops = new Map<unknown[], Set<number>>();
  const deletes: Path[] = [];
  for (const issue of issues) {
    const at = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(at);
      for (const key of issue.keys) {
        const suggestion = nearestKey(key, known);
        const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
        problems.push({ path: [...at, key], message: `Unknown key "${showKey(key)}"${at.length ? ` in "${at.join('.')}"` : ''}.${hint} It is ignored.`, ...(suggestion ? { suggestion } : {}) });
        deletes.push([...at, key]);
      }
      continue;
    }
    if (at.length === 0) {
      // Only a non-object root fails as a whole, and that is refused before validation.
      problems.push({ path: at, message: `The policy: ${issue.message}. The defaults are used instead.` });
      for (const key of Object.keys(raw)) deletes.push([key]);
      continue;
    }
    const repair = repairFor(at);
    problems.push({ path: at, message: describe(at, missing(raw, at) ? `${issue.message} (the key is missing)` : issue.message, repair) });
    if (repair.kind === 'delete') {
      deletes.push(repair.path);
      continue;
    }
    const list = ownAt(raw, repair.list);
    if (!Array.isArray(list)) continue;
    const set = drops.get(list) ?? new Set<number>();
    set.add(repair.index);
    drops.set(list, set);
  }
  // Delete keys first: their paths hold list indexes that dropping entries would shift.
  for (const path of deletes) {
    const parent = ownAt(raw, path.slice(0, -1));
    if (typeof parent === 'object' && parent !== null) delete (parent as Record<string | number, unknown>)[path[path.length - 1]!];
  }
  for (const [list, indexes] of drops) {
    const kept = list.filter((_, i) => !indexes.has(i));
    list.length = 0;
    for (const item of kept) list.push(item);
  }
}

const MAX_PASSES = 4;

/**
 * Validate `raw` (own properties only; it is modified), repairing each
 * bad key so only that key falls back. Never throws.
 */
export function validatePolicy(raw: Raw): RepairedPolicy {
  const problems: PathProblem[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = PolicySchema.safeParse(raw);
    if (result.success) return { policy: result.data, problems };
    // A later pass only sees issues the repairs themselves caused (say, a list left empty).
    if (pass < MAX_PASSES - 1) repairPass(raw, result.error.issues, problems);
    else {
      for (const issue of result.error.issues) {
        const section = String(issue.path[0] ?? '');
        problems.push({ path: section ? [section] : [], message: `${section ? `"${section}"` : 'The policy'}: ${issue.message}. The defaults are used instead.` });
        if (section) delete raw[section];
      }
    }
  }
  const last = PolicySchema.safeParse(raw);
  return { policy: last.success ? last.data : defaultPolicy(), problems };
}
