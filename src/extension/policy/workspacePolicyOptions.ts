/**
 * How the editor reads a policy file: in an untrusted workspace (Restricted
 * Mode) a policy's `extends` is not followed into node_modules or into
 * GitHub copies, which the repository controls; the problem then says so.
 */
import * as vscode from 'vscode';

export function workspacePolicyOptions(): { trusted: boolean } {
  return { trusted: vscode.workspace.isTrusted };
}
