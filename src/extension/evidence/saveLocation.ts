/**
 * Where "Save JSON…" proposes to save an evidence file: outside the work
 * tree (evidence is an audit record, not part of the change, and a file
 * saved in the tree would show up as an untracked change), in the user's
 * home folder, or next to the repository when home is inside it. Pure
 * (no vscode import) so it is unit-tested.
 */
import * as path from 'node:path';

/** A file name for the evidence of `scope` in `repo` (only safe characters). */
export function evidenceFileName(repo: string, scope: string): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'change';
  return `change-evidence-${safe(repo)}-${safe(scope)}.json`;
}

/** The proposed path: `home/name`, unless home is the work tree or inside it; then beside the work tree. */
export function evidenceSaveLocation(root: string, home: string, name: string): string {
  const relative = path.relative(path.resolve(root), path.resolve(home));
  const homeInside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  return path.join(homeInside ? path.dirname(path.resolve(root)) : home, name);
}
