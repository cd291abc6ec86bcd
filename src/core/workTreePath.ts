/**
 * Where Change Control may write a new file inside a work tree. The path
 * comes from the repository (its policy's test conventions), and so does
 * the file system under it: a committed symlink (`test -> /etc`) must not
 * carry a write outside the work tree. These are the pure decisions; the
 * adapter (src/git/workTreeFile.ts) supplies what lstat and realpath saw.
 */

/** What lstat saw at one path. */
export type EntryKind = 'missing' | 'file' | 'directory' | 'symlink' | 'other';

/** A repository-relative path split into checked segments, or why it is refused. */
export type RelativePathCheck = { ok: true; segments: string[] } | { ok: false; reason: string };

/**
 * Checks a repository-relative, forward-slash path before any file system
 * call: no absolute path or drive, no `..` or `.` or empty segment, no
 * control character, and nothing inside `.git` (a file there, such as a
 * hook, would run on the next git command).
 */
export function checkRelativeWritePath(relative: string): RelativePathCheck {
  if (!relative) return { ok: false, reason: 'the path is empty' };
  if (/[\u0000-\u001f\u007f]/.test(relative)) return { ok: false, reason: 'the path contains a control character' };
  if (relative.includes('\\')) return { ok: false, reason: 'the path contains a backslash' };
  if (relative.startsWith('/') || /^[A-Za-z]:/.test(relative)) return { ok: false, reason: 'the path is absolute' };
  const segments = relative.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return { ok: false, reason: `the path has a "${segment || '//'}" segment` };
    if (segment.toLowerCase() === '.git') return { ok: false, reason: 'the path is inside .git' };
  }
  return { ok: true, segments };
}

/**
 * True when `candidate` is `root` or below it. Both are absolute real
 * paths (symlinks resolved); `sep` is the platform separator. Windows
 * paths compare without case, as the file system does.
 */
export function isWithinRoot(root: string, candidate: string, sep: '/' | '\\'): boolean {
  const fold = (p: string): string => (sep === '\\' ? p.toLowerCase() : p);
  const r = fold(root.endsWith(sep) ? root.slice(0, -1) : root);
  const c = fold(candidate);
  return c === r || c.startsWith(r + sep);
}

/** What to do with one folder on the way to the new file. */
export type FolderStep = { action: 'create' } | { action: 'enter' } | { action: 'refuse'; reason: string };

/**
 * One folder segment: a missing one is created, a real folder is entered,
 * a symlink is entered only when its real path stays inside the work tree
 * (`realPath` is its resolution), anything else is refused.
 */
export function decideFolder(kind: EntryKind, shown: string, inside: { realPath: string; root: string; sep: '/' | '\\' } | undefined): FolderStep {
  switch (kind) {
    case 'missing':
      return { action: 'create' };
    case 'directory':
      return inside && !isWithinRoot(inside.root, inside.realPath, inside.sep) ? { action: 'refuse', reason: `${shown} resolves outside the repository` } : { action: 'enter' };
    case 'symlink':
      if (!inside) return { action: 'refuse', reason: `${shown} is a symbolic link that could not be resolved` };
      return isWithinRoot(inside.root, inside.realPath, inside.sep)
        ? { action: 'enter' }
        : { action: 'refuse', reason: `${shown} is a symbolic link to ${inside.realPath}, outside the repository` };
    default:
      return { action: 'refuse', reason: `${shown} exists and is not a folder` };
  }
}

/** What to do at the file itself. */
export type FileStep = { action: 'create' } | { action: 'openExisting' } | { action: 'refuse'; reason: string };

/**
 * The file: created only when nothing is there; an existing regular file
 * is opened, never overwritten; a symlink (even a dangling one) or any
 * other kind of entry is refused, so nothing is written through it.
 */
export function decideFile(kind: EntryKind, shown: string): FileStep {
  if (kind === 'missing') return { action: 'create' };
  if (kind === 'file') return { action: 'openExisting' };
  if (kind === 'symlink') return { action: 'refuse', reason: `${shown} is a symbolic link; Change Control does not write through links` };
  return { action: 'refuse', reason: `${shown} exists and is not a regular file` };
}
