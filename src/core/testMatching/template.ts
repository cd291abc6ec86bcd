/**
 * Resolves a convention's test-path template for one source file: into a
 * regular expression that recognises its tests, the stem key under which
 * candidates sit in the test index, and concrete paths for a new test.
 *
 * Placeholders: {dir} {name} {Name} {ext} {root} {path} {parent} {project};
 * "**" as a whole segment matches any folders, "*" any characters in a name.
 */
import { normalisePrefix, normaliseStem } from './stem';
import { compileGeneratedPattern } from '../patterns/repositoryPattern';
import { escapeRegExp, extensionFamily, splitPath } from './paths';

export interface SourceVars {
  dir: string;
  name: string;
  Name: string;
  ext: string;
  root: string;
  path: string;
  parent: string;
  project: string;
}

/** Folders that start a package's source tree. */
const SOURCE_ROOTS = new Set(['src', 'lib', 'app', 'source', 'sources']);
/** Language folders below `src/main/` (Maven and Gradle layouts). */
const MAIN_LANG = /^main\/(?:java|kotlin|scala|groovy|resources)(?:\/|$)|^main(?:\/|$)/;
/** File names that stand for their folder (`parser/index.ts`). */
const FOLDER_FILES = new Set(['index', 'mod']);

export function sourceVars(source: string): SourceVars {
  const { dir, name: fileName, ext } = splitPath(source);
  const segments = dir === '' ? [] : dir.split('/');
  const at = segments.findIndex((s) => SOURCE_ROOTS.has(s));
  const root = at < 0 ? '' : segments.slice(0, at).join('/');
  const below = at < 0 ? dir : segments.slice(at + 1).join('/');
  const path = below.replace(MAIN_LANG, '');
  const parent = segments[segments.length - 1] ?? '';
  const stands = FOLDER_FILES.has(fileName) && parent !== '' && !SOURCE_ROOTS.has(parent);
  const name = stands ? parent : fileName;
  return {
    dir,
    name,
    Name: capitalised(name),
    ext,
    root,
    path,
    parent,
    project: path.split('/')[0] ?? '',
  };
}

function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The same source's variables under another name (`{Name}` follows `{name}`). */
export function withName(vars: SourceVars, name: string): SourceVars {
  return { ...vars, name, Name: capitalised(name) };
}

const TOKEN = /\{(dir|name|Name|ext|root|path|parent|project)\}|\*/g;

type Key = { kind: 'exact'; stem: string } | { kind: 'prefix'; prefix: string } | { kind: 'all' };

export interface ResolvedTemplate {
  /** Anchored to the whole path; linear-time whatever the template (see compileGeneratedPattern). */
  regex: Pick<RegExp, 'test'>;
  /** How to find candidates in the test index. */
  key: Key;
}

function segmentRegex(segment: string, vars: SourceVars): string {
  return segment.replace(/[^{}*]+|\{[A-Za-z]+\}|\*|[{}]/g, (part) => {
    if (part === '*') return '[^/]*';
    if (part === '{ext}') return `(?:${extensionFamily(vars.ext).map(escapeRegExp).join('|')})`;
    const m = /^\{([A-Za-z]+)\}$/.exec(part);
    if (m && m[1] !== undefined && Object.hasOwn(vars, m[1])) return escapeRegExp(vars[m[1] as keyof SourceVars]);
    return escapeRegExp(part);
  });
}

function substitute(text: string, vars: SourceVars, ext: string): string {
  return text.replace(TOKEN, (part, key: string | undefined) => {
    if (part === '*') return '*';
    if (key === 'ext') return ext;
    return vars[key as keyof SourceVars];
  });
}

/** Segments of the template with empty placeholders (`{root}` at the top) dropped. */
function segments(template: string, vars: SourceVars): string[] {
  return template.split('/').filter((seg) => seg !== '' && substitute(seg, vars, vars.ext) !== '');
}

function keyFor(fileTemplate: string, vars: SourceVars): Key {
  const text = substitute(fileTemplate, vars, vars.ext || 'x');
  const star = text.indexOf('*');
  if (star < 0) {
    const stem = normaliseStem(text);
    return stem ? { kind: 'exact', stem } : { kind: 'all' };
  }
  const prefix = normalisePrefix(text.slice(0, star));
  return prefix ? { kind: 'prefix', prefix } : { kind: 'all' };
}

export function resolveTemplate(template: string, vars: SourceVars): ResolvedTemplate {
  const segs = segments(template, vars);
  let body = '';
  segs.forEach((seg, i) => {
    if (seg === '**') body += '(?:[^/]+/)*';
    else body += segmentRegex(seg, vars) + (i < segs.length - 1 ? '/' : '');
  });
  const nativeIsLinear = segs.filter((s) => s === '**').length <= 1 && segs.every((s) => s === '**' || s.split('*').length <= 2);
  const regex = compileGeneratedPattern(`^${body}$`, { ignoreCase: true, nativeIsLinear });
  return { regex, key: keyFor(segs[segs.length - 1] ?? '', vars) };
}

/** Extension of a new test file for a source (a `.vue` component gets a `.ts` test). */
function testExtension(ext: string): string {
  return ext === 'vue' || ext === 'svelte' ? 'ts' : ext;
}

/**
 * Concrete test paths a template proposes for a new test: flat (every
 * "**" dropped) and mirrored (the last "**" becomes {path}). Templates
 * with "*" wildcards propose nothing.
 */
export function concretePaths(template: string, vars: SourceVars): string[] {
  const segs = segments(template, vars);
  const ext = testExtension(vars.ext);
  const file = (list: string[]): string | undefined => {
    const text = list.filter((s) => s !== '**').map((s) => substitute(s, vars, ext)).filter((s) => s !== '').join('/');
    return text.includes('*') ? undefined : text;
  };
  const out: string[] = [];
  const flat = file(segs);
  if (flat) out.push(flat);
  const last = segs.lastIndexOf('**');
  if (last >= 0 && vars.path) {
    const mirrored = file([...segs.slice(0, last), vars.path, ...segs.slice(last + 1)]);
    if (mirrored && mirrored !== flat) out.push(mirrored);
  }
  return out;
}
