/**
 * After the ticket step: ask the tracker about the chosen ticket and apply
 * the policy (src/core/ticketChoice.ts). A closed or unknown ticket stops
 * the command with a clear message; an unapproved one (when the policy
 * requires approval) or one the tracker could not be asked about needs
 * the user's go-ahead. Typed IDs without a tracker are not looked up.
 */
import * as vscode from 'vscode';
import { ChangeControlError, describeError } from '../../core/errors';
import type { Policy } from '../../core/policy/schema';
import type { Ticket, TicketProvider } from '../../core/ports';
import type { SecretRegistry } from '../../core/redact';
import { judgeTicket, type TicketLookup } from '../../core/ticketChoice';
import { ManualTicketProvider } from '../../tickets/manualTicketProvider';

/** Bounds the look-up so a hanging tracker never blocks Start Change. */
const LOOKUP_TIMEOUT_MS = 15_000;

/** The user's answer: go on (with the tracker's ticket when it was read), pick another ticket, or stop. */
export type TicketConfirmation = { go: true; ticket?: Ticket } | { go: false; pickAgain: boolean };

/** The button that picks another ticket: the safe choice, so the first (default) one. */
export const PICK_ANOTHER = 'Pick Another Ticket';

/** Whether to go on with `id`; throws on a refusal. */
export async function confirmTicket(provider: TicketProvider | undefined, id: string, tracker: Policy['tracker'], secrets: SecretRegistry): Promise<TicketConfirmation> {
  if (!provider || provider instanceof ManualTicketProvider) return { go: true };
  const lookup = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Checking ticket ${id}…` }, () => lookUp(provider, id, secrets));
  const ticket = lookup.kind === 'found' ? lookup.ticket : undefined;
  const verdict = judgeTicket(id, lookup, tracker, provider.name);
  if (verdict.verdict === 'ok') return { go: true, ...(ticket ? { ticket } : {}) };
  if (verdict.verdict === 'refuse') throw new ChangeControlError(verdict.code, verdict.message, { hint: verdict.hint });
  // The first button is the default (Enter): the safe one. Going on anyway takes a deliberate click.
  const safe: vscode.MessageItem = { title: PICK_ANOTHER };
  const go: vscode.MessageItem = { title: verdict.confirm };
  const picked = await vscode.window.showWarningMessage(verdict.message, { modal: true }, safe, go);
  return picked === go ? { go: true, ...(ticket ? { ticket } : {}) } : { go: false, pickAgain: picked === safe };
}

async function lookUp(provider: TicketProvider, id: string, secrets: SecretRegistry): Promise<TicketLookup> {
  try {
    const ticket = await provider.get(id, AbortSignal.timeout(LOOKUP_TIMEOUT_MS));
    return ticket ? { kind: 'found', ticket } : { kind: 'notFound' };
  } catch (err) {
    return { kind: 'failed', reason: secrets.redact(describeError(err)) };
  }
}
