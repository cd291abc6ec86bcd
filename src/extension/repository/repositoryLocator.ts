/**
 * Which repository a command works on: the built-in git extension's
 * repositories when available, else workspace folders that are inside a git
 * work tree. In an untrusted workspace git is not run: the workspace
 * folders stand in for repositories. Multi-root and several repositories:
 * the active editor's one is preferred and the user is asked when it is
 * ambiguous (the decision is repositoryPick.ts).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { workTreeRoot } from '../../git/commits';
import type { GitApi } from '../gitApi';
import { chooseRepository, containingRoot } from './repositoryPick';

export class RepositoryLocator {
  constructor(
    private readonly gitApi: () => GitApi | undefined,
    private readonly isTrusted: () => boolean = () => vscode.workspace.isTrusted,
  ) {}

  /** Absolute roots of every repository in the workspace, deduplicated. */
  async list(): Promise<string[]> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    // No git processes in an untrusted workspace: the workspace folder stands in for the repository.
    if (!this.isTrusted()) return [...new Set(folders.map((f) => f.uri.fsPath))].sort();
    const roots = new Set<string>();
    for (const repo of this.gitApi()?.repositories ?? []) roots.add(repo.rootUri.fsPath);
    if (roots.size === 0) {
      for (const folder of folders) {
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
    return containingRoot(await this.list(), uri.fsPath);
  }

  /** The active editor's repository, else the first one; undefined when there is none. */
  async activeOrFirst(): Promise<string | undefined> {
    const roots = await this.list();
    return activeRoot(roots) ?? roots[0];
  }

  /**
   * The repository to act on: `hint` if given, the only one, or the user's
   * pick (the active editor's first). Undefined when there is none or the
   * user dismissed the pick.
   */
  async pick(options: { hint?: string; title?: string } = {}): Promise<string | undefined> {
    const roots = options.hint ? [] : await this.list();
    const choice = chooseRepository(options.hint, roots, activeRoot(roots));
    if (choice.kind !== 'ask') return choice.kind === 'use' ? choice.root : undefined;
    const items = choice.roots.map((root) => ({
      label: path.basename(root),
      description: vscode.workspace.asRelativePath(root, true),
      detail: root === choice.active ? 'Repository of the active editor' : undefined,
      root,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: options.title ?? 'Change Control: Select Repository',
      placeHolder: 'Which repository?',
    });
    return picked?.root;
  }
}

function activeRoot(roots: readonly string[]): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === 'file' ? containingRoot(roots, uri.fsPath) : undefined;
}
