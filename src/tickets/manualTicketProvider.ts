/**
 * The provider-less path: no tracker to list from, so Start Change shows
 * an input box. IDs are only checked against the policy's pattern; a
 * ticket's existence and approval are checked where a tracker exists.
 */
import type { Ticket, TicketProvider } from '../core/ports';
import { normaliseTicketId } from '../core/ticketId';

export class ManualTicketProvider implements TicketProvider {
  readonly name = 'Ticket IDs typed by hand';

  constructor(private readonly ticketPattern: string) {}

  /** Nothing to list: the caller asks for an ID instead. */
  async listOpen(): Promise<Ticket[]> {
    return [];
  }

  /** A ticket carrying just the (normalised) ID, or undefined when the ID is not valid. */
  async get(id: string): Promise<Ticket | undefined> {
    const result = normaliseTicketId(id, this.ticketPattern);
    if (!result.ok) return undefined;
    return { id: result.id, title: '', state: 'open', assignees: [], labels: [], approved: false };
  }
}
