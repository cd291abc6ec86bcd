/**
 * Whether a chosen change ticket may start (or be linked to) a branch:
 * a closed or unknown ticket is refused, an unapproved one is warned
 * about when the policy requires approval, and a ticket the tracker could
 * not be asked about is left to the user. Pure: the shells look the ticket
 * up and show the verdict.
 */
import type { Policy } from './policy/schema';
import type { Ticket } from './ports';

/** What the tracker said about the chosen ID. */
export type TicketLookup =
  | { kind: 'found'; ticket: Ticket }
  | { kind: 'notFound' }
  /** The tracker could not be asked (network, permissions, an ID it does not know the form of). */
  | { kind: 'failed'; reason: string };

export type TicketVerdict =
  | { verdict: 'ok' }
  /** Ask the user before going on; `confirm` is the button that goes on. */
  | { verdict: 'warn'; message: string; confirm: string }
  | { verdict: 'refuse'; code: 'ticket.closed' | 'ticket.notFound'; message: string; hint: string };

export function judgeTicket(id: string, lookup: TicketLookup, tracker: Policy['tracker'], trackerName: string): TicketVerdict {
  if (lookup.kind === 'notFound') {
    return {
      verdict: 'refuse',
      code: 'ticket.notFound',
      message: `Ticket ${id} does not exist in ${trackerName} (or you cannot see it).`,
      hint: 'Check the ID, or create the ticket first.',
    };
  }
  if (lookup.kind === 'failed') {
    return {
      verdict: 'warn',
      message: `Could not check ticket ${id} in ${trackerName}: ${lookup.reason}. Its state and approval are unknown.`,
      confirm: 'Continue Without Checking',
    };
  }
  const { ticket } = lookup;
  if (ticket.state === 'closed') {
    return {
      verdict: 'refuse',
      code: 'ticket.closed',
      message: `Ticket ${ticket.id} is closed; a change needs an open ticket.`,
      hint: 'Reopen the ticket, or pick an open one.',
    };
  }
  if (!ticket.approved && tracker.requireApproval) {
    return {
      verdict: 'warn',
      message: `Ticket ${ticket.id} is not approved yet (no "${tracker.approvalLabel}" label). The policy requires approval before the change ships; the pull request will be blocked until then.`,
      confirm: 'Continue Anyway',
    };
  }
  return { verdict: 'ok' };
}
