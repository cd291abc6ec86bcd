/**
 * Rule `ticket-open`: the change's ticket is still open while the change is
 * under way.
 *
 * Decision: a closed ticket blocks at the gate as it does before the pull
 * request (it used to only warn there). Once the pull request is merged, a
 * closed ticket is expected (closing keywords close it), so the gate
 * accepts it then. The audit does not judge it for the same reason.
 */
import { blocker, notApplicable, type PolicyRule } from './rule';

export const ticketOpen: PolicyRule = {
  id: 'ticket-open',
  description: 'The ticket is open until the change merges.',
  reads: ['ticket', 'pullRequest'],
  preflight: ({ ticket }) => {
    const r = ticket.record;
    if (!ticket.id || r.state !== 'known' || r.value === 'notFound' || r.value.state !== 'closed') return [];
    return [{ item: 'ticket', severity: 'blocker', message: `Ticket ${r.value.id} is closed. Reopen it or link an open ticket.` }];
  },
  gate: ({ ticket, pullRequest }) => {
    const r = ticket.record;
    if (!ticket.id || r.state !== 'known' || r.value === 'notFound' || r.value.state !== 'closed') return [];
    const merged = pullRequest.state === 'known' && pullRequest.value?.state === 'merged';
    return merged ? [] : [blocker('ticket is closed')];
  },
  audit: notApplicable('a ticket is expected to close once its change merges'),
};
