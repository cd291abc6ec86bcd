/**
 * The change as layers: what the branch committed since its merge-base,
 * then what is staged, then what is in the work tree. The editor already
 * knows the last two (the built-in git extension keeps them up to date),
 * so only the committed layer needs git; this folds the layers into the
 * one list the check takes, as `git diff <merge-base>` against the work
 * tree plus the untracked files would have given it.
 */
import type { ChangedFile } from './checkTests';

/** Later layers win for a path; a new or renamed file stays new or renamed while it only changes. */
function fold(earlier: ChangedFile, later: ChangedFile): ChangedFile {
  if (later.status !== 'modified') return later;
  if (earlier.status === 'added' || earlier.status === 'untracked') return { path: later.path, status: earlier.status };
  if (earlier.status === 'renamed') return earlier.oldPath === undefined ? { path: later.path, status: 'renamed' } : { path: later.path, status: 'renamed', oldPath: earlier.oldPath };
  return later;
}

/**
 * Folds change layers, oldest first (committed, staged, work tree), into
 * one entry per path in first-seen order. A file the branch added and the
 * work tree deleted is reported deleted, so its tests are not counted.
 */
export function combineChangeLayers(layers: readonly (readonly ChangedFile[])[]): ChangedFile[] {
  const byPath = new Map<string, ChangedFile>();
  for (const layer of layers) {
    for (const change of layer) {
      const seen = byPath.get(change.path);
      byPath.set(change.path, seen ? fold(seen, change) : change);
    }
  }
  return [...byPath.values()];
}
