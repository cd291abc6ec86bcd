/**
 * The ticket step of Start Change and Link Ticket: a quick pick of open
 * tickets from the TicketProvider, with "Enter a ticket ID…" for anything
 * else, or just the input box when the provider cannot list.
 */
import * as vscode from 'vscode';
import type { Ticket, TicketProvider } from '../../core/ports';
import { normaliseTicketId, validateTicketId } from '../../core/ticketId';
import { ManualTicketProvider } from '../../tickets/manualTicketProvider';

interface TicketItem extends vscode.QuickPickItem {
  ticketId?: string;
  enterId?: boolean;
}

const ENTER_ITEM: TicketItem = { label: '$(edit) Enter a ticket ID…', alwaysShow: true, enterId: true };

export interface PickTicketOptions {
  title: string;
  ticketPattern: string;
  /** Shown as the input box's initial value (a ticket already linked). */
  current?: string;
}

/** The chosen ticket ID, normalised; undefined when the user dismissed the step. */
export async function pickTicket(provider: TicketProvider | undefined, options: PickTicketOptions): Promise<string | undefined> {
  if (!provider || provider instanceof ManualTicketProvider) return inputTicketId(options);
  const picked = await showTicketPick(provider, options);
  if (picked === undefined) return undefined;
  return picked === ENTER_ITEM ? inputTicketId(options) : picked.ticketId;
}

/** The input box, validating against the policy pattern as the user types. */
export async function inputTicketId(options: PickTicketOptions): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: options.title,
    prompt: 'The change ticket this work is for',
    placeHolder: 'e.g. #123, owner/repo#123 or ABC-123',
    value: options.current ?? '',
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? undefined : validateTicketId(text, options.ticketPattern)),
  });
  if (value === undefined || value.trim() === '') return undefined;
  const result = normaliseTicketId(value, options.ticketPattern);
  return result.ok ? result.id : undefined;
}

function showTicketPick(provider: TicketProvider, options: PickTicketOptions): Promise<TicketItem | undefined> {
  const pick = vscode.window.createQuickPick<TicketItem>();
  const abort = new AbortController();
  let listed: TicketItem[] = [];
  pick.title = options.title;
  pick.placeholder = `Loading tickets from ${provider.name}…`;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.ignoreFocusOut = true;
  pick.busy = true;
  pick.items = [ENTER_ITEM];
  const refresh = (): void => {
    const typed = normaliseTicketId(pick.value, options.ticketPattern);
    const typedItem: TicketItem[] = typed.ok && !listed.some((i) => i.ticketId === typed.id) ? [{ label: `$(arrow-right) Use ${typed.id}`, alwaysShow: true, ticketId: typed.id }] : [];
    pick.items = [...typedItem, ...listed, ENTER_ITEM];
  };
  provider.listOpen({ signal: abort.signal }).then(
    (tickets) => {
      listed = tickets.map(ticketItem);
      pick.placeholder = tickets.length > 0 ? 'Pick the change ticket, or type its ID' : `No open tickets in ${provider.name}; type a ticket ID`;
      pick.busy = false;
      refresh();
    },
    (err: unknown) => {
      pick.placeholder = `Could not list tickets (${err instanceof Error ? err.message : String(err)}); type a ticket ID`;
      pick.busy = false;
    },
  );
  return new Promise((resolve) => {
    pick.onDidChangeValue(refresh);
    pick.onDidAccept(() => {
      const [item] = pick.selectedItems;
      if (!item) return;
      resolve(item);
      pick.hide();
    });
    pick.onDidHide(() => {
      abort.abort();
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

function ticketItem(ticket: Ticket): TicketItem {
  const approval = ticket.approved ? '$(pass) Approved' : '$(circle-large-outline) Not approved';
  const labels = ticket.labels.length > 0 ? ` · ${ticket.labels.join(', ')}` : '';
  const assignees = ticket.assignees.length > 0 ? ` · ${ticket.assignees.map((a) => `@${a}`).join(', ')}` : '';
  return { label: ticket.id, description: ticket.title, detail: `${approval}${labels}${assignees}`, ticketId: ticket.id };
}
