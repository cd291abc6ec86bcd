/**
 * Rule `ticket-linked`: the change names its change ticket (the branch's
 * linked ticket; after the fact, the pull request's title, branch or body).
 */
import { blocker, type PolicyRule } from './rule';

export const ticketLinked: PolicyRule = {
  id: 'ticket-linked',
  description: 'The change names a change ticket.',
  reads: ['ticket'],
  preflight: ({ ticket }) =>
    ticket.id ? [] : [{ item: 'ticket', severity: 'blocker', message: 'No change ticket is linked to this branch. Run Link Ticket to Branch.' }],
  gate: ({ ticket }) => (ticket.id ? [] : [blocker('no change ticket')]),
  audit: ({ ticket, branch }) => {
    // A direct push has no ticket by construction; feature-branch reports it.
    if (branch.directToBase || ticket.id) return [];
    return [{ finding: { id: 'no-ticket', title: 'No change ticket is named by the change.', evidence: ['no ticket ID in the pull request title, body or branch name'] } }];
  },
};
