/**
 * The built-in git extension's Source Control groups as the check's
 * changes: conflicts, staged, unstaged and untracked files, in that
 * order, so a later entry for a path wins when they are folded. No vscode
 * import: a change needs only its paths and status number.
 */
import * as path from 'node:path';
import type { ChangedFile } from '../../core/testMatching/checkTests';

/**
 * The git extension's Status enum values read here; they are the same in
 * every version of API 1 (later versions only append values after
 * IGNORED, so anything above it is read as a modification).
 */
export const GitStatus = {
  INDEX_MODIFIED: 0,
  INDEX_ADDED: 1,
  INDEX_DELETED: 2,
  INDEX_RENAMED: 3,
  INDEX_COPIED: 4,
  MODIFIED: 5,
  DELETED: 6,
  UNTRACKED: 7,
  IGNORED: 8,
} as const;

export interface SourceControlChange {
  readonly uri: { readonly fsPath: string };
  readonly originalUri: { readonly fsPath: string };
  readonly renameUri: { readonly fsPath: string } | undefined;
  readonly status: number;
}

export interface SourceControlGroups {
  readonly mergeChanges: readonly SourceControlChange[];
  readonly indexChanges: readonly SourceControlChange[];
  readonly workingTreeChanges: readonly SourceControlChange[];
  readonly untrackedChanges?: readonly SourceControlChange[];
}

/** Repository-relative, forward-slash path; undefined outside the repository. */
function relative(root: string, fsPath: string): string | undefined {
  const rel = path.relative(root, fsPath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

function toChangedFile(root: string, change: SourceControlChange): ChangedFile | undefined {
  const target = relative(root, (change.renameUri ?? change.uri).fsPath);
  if (target === undefined) return undefined;
  switch (change.status) {
    case GitStatus.IGNORED:
      return undefined;
    case GitStatus.INDEX_ADDED:
    case GitStatus.INDEX_COPIED:
      return { path: target, status: 'added' };
    case GitStatus.INDEX_DELETED:
    case GitStatus.DELETED:
      return { path: target, status: 'deleted' };
    case GitStatus.UNTRACKED:
      return { path: target, status: 'untracked' };
    case GitStatus.INDEX_RENAMED: {
      const oldPath = relative(root, change.originalUri.fsPath);
      return oldPath === undefined || oldPath === target ? { path: target, status: 'modified' } : { path: target, status: 'renamed', oldPath };
    }
    default:
      return { path: target, status: 'modified' };
  }
}

/** Every file in the groups, oldest layer first (conflicts, staged, unstaged, untracked). */
export function changesFromSourceControl(root: string, groups: SourceControlGroups): ChangedFile[] {
  const out: ChangedFile[] = [];
  for (const group of [groups.mergeChanges, groups.indexChanges, groups.workingTreeChanges, groups.untrackedChanges ?? []]) {
    for (const change of group) {
      const file = toChangedFile(root, change);
      if (file) out.push(file);
    }
  }
  return out;
}

/** How many files the groups hold (to compare with git.statusLimit). */
export function sourceControlSize(groups: SourceControlGroups): number {
  return groups.mergeChanges.length + groups.indexChanges.length + groups.workingTreeChanges.length + (groups.untrackedChanges?.length ?? 0);
}
