/**
 * The subset of the built-in git extension's API (extensions/git/src/api/git.d.ts
 * in microsoft/vscode, API version 1) that Change Control uses.
 */
import * as vscode from 'vscode';

export interface GitBranchRef {
  readonly name?: string;
  readonly commit?: string;
  readonly upstream?: { readonly remote: string; readonly name: string };
  readonly ahead?: number;
  readonly behind?: number;
}

/** A file in one of the Source Control groups. */
export interface GitChange {
  readonly uri: vscode.Uri;
  readonly originalUri: vscode.Uri;
  readonly renameUri: vscode.Uri | undefined;
  /** The extension's Status enum; see sourceControlChanges.ts for the values read. */
  readonly status: number;
}

export interface GitRepositoryState {
  readonly HEAD: GitBranchRef | undefined;
  readonly mergeChanges: readonly GitChange[];
  readonly indexChanges: readonly GitChange[];
  readonly workingTreeChanges: readonly GitChange[];
  /** Untracked files when git.untrackedChanges is "separate" (absent before VS Code 1.80). */
  readonly untrackedChanges?: readonly GitChange[];
  /** Fires after every status scan of the repository. */
  readonly onDidChange: vscode.Event<void>;
}

export interface GitInputBox {
  value: string;
}

export interface VsCodeGitRepository {
  readonly rootUri: vscode.Uri;
  readonly inputBox: GitInputBox;
  readonly state: GitRepositoryState;
}

export interface GitApi {
  readonly repositories: VsCodeGitRepository[];
  readonly onDidOpenRepository: vscode.Event<VsCodeGitRepository>;
  readonly onDidCloseRepository: vscode.Event<VsCodeGitRepository>;
  getRepository(uri: vscode.Uri): VsCodeGitRepository | null;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** The built-in git extension's API, or undefined when git is disabled or missing. */
export async function getGitApi(): Promise<GitApi | undefined> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!ext) return undefined;
  try {
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports.enabled ? exports.getAPI(1) : undefined;
  } catch {
    // The git extension failed to activate (no git binary): fall back to folders.
    return undefined;
  }
}
