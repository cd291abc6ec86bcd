/**
 * Which documents are commit messages, and which repository each belongs
 * to: the Source Control input box (language `scminput`, URI scheme
 * `vscode-scm` with the repository in the `rootUri` query; older VS Code
 * used scheme `vscode` and path `scm/...`) and `git-commit` documents such
 * as COMMIT_EDITMSG opened by `git commit` with `code --wait`.
 * Model: joshbolduc/vscode-commitlint src/utils.ts.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';

export function isScmInput(doc: vscode.TextDocument): boolean {
  const { scheme, path: p } = doc.uri;
  if (scheme === 'vscode-scm') return /^\/?git\//.test(p);
  return doc.languageId === 'scminput' && scheme === 'vscode' && /^\/?scm\/git\//.test(p);
}

export function isCommitMessageDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'git-commit' || isScmInput(doc);
}

/** The repository root in an input box URI's `rootUri` query, if any. */
export function scmInputRoot(uri: vscode.Uri): string | undefined {
  const raw = new URLSearchParams(uri.query).get('rootUri');
  if (!raw) return undefined;
  try {
    const root = vscode.Uri.parse(raw, true);
    return root.scheme === 'file' ? root.fsPath : undefined;
  } catch {
    // A malformed query: lint on the defaults rather than fail.
    return undefined;
  }
}

/**
 * The work tree of a message file in a git folder: `<root>/.git/X`, or a
 * linked worktree's `<common>/.git/worktrees/<name>/X` whose `gitdir` file
 * names `<worktree>/.git`. Reads one small file; never runs git.
 */
export async function gitDirMessageRoot(file: string): Promise<string | undefined> {
  const dir = path.dirname(file);
  if (path.basename(dir) === '.git') return path.dirname(dir);
  if (path.basename(path.dirname(dir)) === 'worktrees' && path.basename(path.dirname(path.dirname(dir))) === '.git') {
    try {
      const gitFile = (await readFile(path.join(dir, 'gitdir'), 'utf8')).trim();
      return gitFile ? path.dirname(path.resolve(dir, gitFile)) : undefined;
    } catch {
      // A pruned worktree: no repository to read the policy from.
      return undefined;
    }
  }
  return undefined;
}

/** The repository root for any commit-message document, or undefined (then defaults apply). */
export async function commitDocumentRoot(
  doc: vscode.TextDocument,
  containingRepository: (uri: vscode.Uri) => Promise<string | undefined>,
): Promise<string | undefined> {
  if (isScmInput(doc)) return scmInputRoot(doc.uri);
  if (doc.uri.scheme !== 'file') return undefined;
  return (await gitDirMessageRoot(doc.uri.fsPath)) ?? (await containingRepository(doc.uri));
}
