/**
 * The questions Start Change asks about work that already exists: switch
 * to the ticket's branch or pull request instead of making a second one,
 * or link the ticket the current branch names. The safe choice is always
 * the first (default) button.
 */
import * as vscode from 'vscode';
import type { ExistingWork } from '../../core/existingWork';

export type ExistingChoice = { switchTo: string } | 'new' | undefined;

function describe(w: ExistingWork): string {
  const where = w.local ? '' : ' (on the remote)';
  const pr = w.pullRequest ? `, pull request #${w.pullRequest.number} open` : '';
  return `${w.branch}${where}${pr}`;
}

/** Switch to one of the ticket's branches (default), or make a new one; undefined when dismissed. */
export async function askExistingWork(ticket: string, work: readonly ExistingWork[]): Promise<ExistingChoice> {
  const shown = work.slice(0, 3);
  type Item = vscode.MessageItem & { branch?: string };
  const switches: Item[] = shown.map((w) => ({ title: `Switch to ${w.branch}`, branch: w.branch }));
  const fresh: Item = { title: 'Start a New Branch' };
  const detail = `${shown.map((w) => `• ${describe(w)}`).join('\n')}${work.length > shown.length ? `\n• and ${work.length - shown.length} more` : ''}\n\nSwitching keeps your uncommitted changes in the work tree; if they conflict with the branch, nothing is changed and you are told.`;
  const picked = await vscode.window.showWarningMessage<Item>(`Ticket ${ticket} already has work in progress.`, { modal: true, detail }, ...switches, fresh);
  if (!picked) return undefined;
  return picked.branch === undefined ? 'new' : { switchTo: picked.branch };
}

/** Link the ticket the branch names (default), or go on with a new change; undefined when dismissed. */
export async function askLinkNamed(branch: string, ticket: string): Promise<'link' | 'new' | undefined> {
  const link: vscode.MessageItem = { title: `Link ${ticket} to ${branch}` };
  const fresh: vscode.MessageItem = { title: 'Start a New Change' };
  const picked = await vscode.window.showWarningMessage(`${branch} names ticket ${ticket} but is not linked to it.`, {
    modal: true,
    detail: 'Link it to keep working on this branch, or start a new change on a new branch.',
  }, link, fresh);
  return picked === link ? 'link' : picked === fresh ? 'new' : undefined;
}
