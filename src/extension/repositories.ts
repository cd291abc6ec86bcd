/**
 * Which repository a command works on: the built-in git extension's
 * repositories when available, else workspace folders that are inside a git
 * work tree. Multi-root and several repositories: the active editor's one
 * is preferred and the user is asked when it is ambiguous.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { workTreeRoot } from '../git/commits';
import type { GitApi } from './gitApi';

export class RepositoryLocator {
  constructor(private readonly gitApi: () => GitApi | undefined) {}

  /** Absolute roots of every repository in the workspace, deduplicated. */
  async list(): Promise<string[]> {
    const api = this.gitApi();
    const roots = new Set<string>();
    for (const repo of api?.repositories ?? []) roots.add(repo.rootUri.fsPath);
    if (roots.size === 0) {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        if (folder.uri.scheme !== 'file') continue;
        try {
          const top = await workTreeRoot(folder.uri.fsPath);
          if (top) roots.add(path.resolve(top));
        } catch {
          // Any other git failure (no git binary, say): this folder has no repository to offer either.
        }
      }
    }
    return [...roots].sort();
  }

  /** The repository that contains `uri` (deepest root wins). */
  async forUri(uri: vscode.Uri | undefined): Promise<string | undefined> {
    if (!uri || uri.scheme !== 'file') return undefined;
    return containingRoot(await this.list(), uri);
  }

  /** The active editor's repository, else the first one; undefined when there is none. */
  async activeOrFirst(): Promise<string | undefined> {
    const roots = await this.list();
    return containingRoot(roots, vscode.window.activeTextEditor?.document.uri) ?? roots[0];
  }

  /**
   * The repository to act on: `hint` if given, the only one, the active
   * editor's, or the user's pick. Undefined when there is none or the user
   * dismissed the pick.
   */
  async pick(options: { hint?: string; title?: string } = {}): Promise<string | undefined> {
    if (options.hint) return options.hint;
    const roots = await this.list();
    if (roots.length <= 1) return roots[0];
    const active = containingRoot(roots, vscode.window.activeTextEditor?.document.uri);
    const items = roots.map((root) => ({
      label: path.basename(root),
      description: vscode.workspace.asRelativePath(root, true),
      detail: root === active ? 'Repository of the active editor' : undefined,
      root,
    }));
    items.sort((a, b) => Number(b.root === active) - Number(a.root === active));
    const picked = await vscode.window.showQuickPick(items, {
      title: options.title ?? 'Change Control: Select Repository',
      placeHolder: 'Which repository?',
    });
    return picked?.root;
  }
}

/** The deepest of `roots` that contains the file `uri`. */
function containingRoot(roots: readonly string[], uri: vscode.Uri | undefined): string | undefined {
  if (!uri || uri.scheme !== 'file') return undefined;
  const file = uri.fsPath;
  return roots.filter((r) => file === r || file.startsWith(r + path.sep)).sort((a, b) => b.length - a.length)[0];
}
