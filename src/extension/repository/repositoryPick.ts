/**
 * Which repository a command acts on, decided without the editor: the
 * command's argument, else the only repository, else the user picks (the
 * active editor's repository first). Kept free of `vscode` so that the
 * decision has unit tests; repositoryLocator.ts shows the pick.
 */
import * as path from 'node:path';

/** What to do for a command: use a root, say there is none, or ask among `roots`. */
export type RepositoryChoice =
  | { kind: 'use'; root: string }
  | { kind: 'none' }
  | { kind: 'ask'; roots: string[]; active?: string };

/**
 * The choice for `hint` (a root named by the command's argument), the
 * workspace's `roots` and the `active` editor's repository. A hint wins;
 * one repository needs no question; several are offered with the active
 * one first.
 */
export function chooseRepository(hint: string | undefined, roots: readonly string[], active: string | undefined): RepositoryChoice {
  if (hint) return { kind: 'use', root: hint };
  if (roots.length === 0) return { kind: 'none' };
  if (roots.length === 1) return { kind: 'use', root: roots[0]! };
  const ordered = [...roots].sort((a, b) => Number(b === active) - Number(a === active));
  return active && roots.includes(active) ? { kind: 'ask', roots: ordered, active } : { kind: 'ask', roots: ordered };
}

/**
 * The repository root a command's argument names: a string, or an object
 * with a string `root` (the Change view passes `{ root }`, Start Change
 * also `{ root, ticket }`). Anything else names none.
 */
export function rootArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg || undefined;
  if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
    const root = (arg as Record<string, unknown>).root;
    if (typeof root === 'string' && root) return root;
  }
  return undefined;
}

/** The deepest of `roots` that contains the absolute path `file` (or is it). */
export function containingRoot(roots: readonly string[], file: string, sep: string = path.sep): string | undefined {
  let best: string | undefined;
  for (const r of roots) {
    if ((file === r || file.startsWith(r.endsWith(sep) ? r : r + sep)) && (!best || r.length > best.length)) best = r;
  }
  return best;
}
