/**
 * "Change Control: Open Policy File": opens the repository's
 * `.github/change-control.json`, offering to create it (with the schema
 * reference and every default spelled out) when it does not exist yet.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ChangeControlError } from '../../core/errors';
import { POLICY_FILE } from '../../core/policy/schema';
import { initialPolicyText } from './initialPolicy';

export async function openPolicyFile(root: string): Promise<void> {
  const uri = vscode.Uri.file(path.join(root, POLICY_FILE));
  if (!(await exists(uri))) {
    const create = 'Create Policy File';
    const picked = await vscode.window.showInformationMessage(
      `${path.basename(root)} has no ${POLICY_FILE}; the default policy applies. Create the file to share the team's policy?`,
      { modal: true },
      create,
    );
    if (picked !== create) return;
    // A WorkspaceEdit makes the creation undoable like any other edit.
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(initialPolicyText()) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new ChangeControlError('internal', `Could not create ${uri.fsPath}.`);
    }
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    // stat fails only when the file is missing (or unreadable, which opening will report).
    return false;
  }
}
