/**
 * Link Ticket to Branch: records the change ticket of a branch that was
 * not made by Start Change, so the hooks, the CLI and the sidebar know it.
 */
import { ChangeControlError } from './errors';
import { TICKET_KEY, type StartChangeGit } from './ports';
import { normaliseTicketId } from './ticketId';

export interface LinkTicketResult {
  branch: string;
  ticket: string;
  /** The ticket recorded before, when it was a different one. */
  replaced?: string;
}

type LinkGit = Pick<StartChangeGit, 'snapshot' | 'getBranchConfig' | 'setBranchConfig'>;

/** Record `rawTicket` for `branch` (default: the current branch). */
export async function linkTicket(git: LinkGit, rawTicket: string, ticketPattern: string, branch?: string): Promise<LinkTicketResult> {
  const ticket = normaliseTicketId(rawTicket, ticketPattern);
  if (!ticket.ok) throw new ChangeControlError('ticket.invalidId', ticket.message);
  const snapshot = await git.snapshot();
  const target = branch ?? snapshot.branch;
  if (!target) {
    throw new ChangeControlError('git.detachedHead', 'HEAD is detached, so there is no branch to link the ticket to.', {
      hint: 'Check out a branch (or start a change) first.',
    });
  }
  if (!snapshot.localBranches.includes(target) && target !== snapshot.branch) {
    throw new ChangeControlError('git.baseNotFound', `There is no local branch named "${target}".`);
  }
  const before = await git.getBranchConfig(target, TICKET_KEY);
  await git.setBranchConfig(target, TICKET_KEY, ticket.id);
  return { branch: target, ticket: ticket.id, ...(before && before !== ticket.id ? { replaced: before } : {}) };
}
