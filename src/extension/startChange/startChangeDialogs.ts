/**
 * The dialogs of Start Change: the kind pick, the description box with a
 * live branch-name preview, and the modal questions the planner asks.
 */
import * as vscode from 'vscode';
import { renderBranchName, type ChangeKind } from '../../core/branchName';
import type { StartQuestion } from '../../core/startChange';
import type { StartAsker } from '../../app/startChangeRunner';

/** The kind pick; the kind the ticket's labels suggest comes first (Enter takes it). */
export async function pickKind(title: string, suggested?: ChangeKind): Promise<ChangeKind | undefined> {
  const items: (vscode.QuickPickItem & { changeKind: ChangeKind })[] = [
    { label: '$(sparkle) Feature', description: 'New or changed behaviour', changeKind: 'feature' },
    { label: '$(bug) Defect', description: 'A fix for something that is wrong', changeKind: 'defect' },
  ];
  if (suggested) {
    items.sort((a, b) => Number(b.changeKind === suggested) - Number(a.changeKind === suggested));
    items[0]!.detail = 'Suggested by the ticket’s labels';
  }
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'What kind of change is this?', ignoreFocusOut: true });
  return picked?.changeKind;
}

/** The description box, prefilled with the ticket's title when known. */
export async function inputDescription(title: string, template: string, kind: ChangeKind, ticket: string, prefill?: string): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title,
    value: prefill ?? '',
    prompt: `A short description of the change for ${ticket}; it names the branch`,
    placeHolder: 'e.g. Fix login timeout',
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (text.trim() === '') return undefined;
      const named = renderBranchName(template, { kind, ticket, description: text });
      if (!named.ok) return { message: named.message, severity: vscode.InputBoxValidationSeverity.Error };
      return { message: `Branch: ${named.name}`, severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
  return value?.trim() ? value : undefined;
}

/** Modal questions: yes is the planner's confirm label; anything else is no. */
export const modalAsker: StartAsker = async (question: StartQuestion) => {
  const confirm: vscode.MessageItem = { title: question.confirm };
  const buttons: vscode.MessageItem[] = [confirm];
  if (question.id === 'carryChanges') buttons.push({ title: 'Stop', isCloseAffordance: true });
  const picked = await vscode.window.showWarningMessage(question.message, { modal: true, ...(question.detail ? { detail: question.detail } : {}) }, ...buttons);
  return picked === confirm;
};
