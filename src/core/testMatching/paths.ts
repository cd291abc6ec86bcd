/**
 * Path helpers for repository-relative, forward-slash paths. Pure string
 * work so the matcher never touches the file system.
 */

export interface PathParts {
  /** Folder without a trailing slash ('' at the root). */
  dir: string;
  /** File name with extension. */
  base: string;
  /** File name without its last extension. */
  name: string;
  /** Last extension without the dot, lower case ('' when none). */
  ext: string;
}

export function splitPath(path: string): PathParts {
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash);
  const base = path.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return { dir, base, name: base, ext: '' };
  return { dir, base, name: base.slice(0, dot), ext: base.slice(dot + 1).toLowerCase() };
}

/**
 * Extensions of one language family: a test may use any of them for a
 * source in the same family (a `.tsx` component tested from `.spec.ts`).
 */
const FAMILIES: string[][] = [
  ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'vue', 'svelte'],
  ['py', 'pyi'],
  ['go'],
  ['java', 'kt', 'kts', 'scala', 'groovy'],
  ['rb'],
  ['cs', 'fs', 'vb'],
  ['rs'],
  ['php'],
  ['swift', 'm', 'mm'],
  ['c', 'cc', 'cpp', 'cxx', 'h', 'hh', 'hpp'],
];

const FAMILY_OF = new Map<string, string[]>();
for (const family of FAMILIES) for (const ext of family) FAMILY_OF.set(ext, family);

/** The extensions a test for a source with extension `ext` may have. */
export function extensionFamily(ext: string): string[] {
  return FAMILY_OF.get(ext) ?? [ext];
}

/** Extensions of code files: only these can be sources. */
export const CODE_EXTENSIONS: ReadonlySet<string> = new Set(FAMILIES.flat());

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
