/**
 * Rule `ticket-approved`: the named ticket exists in the tracker and
 * carries the approval label (`tracker.approvalLabel`) before the change
 * merges.
 *
 * Decisions:
 * - A ticket that could not be looked up (not signed in, tracker down)
 *   blocks the gate even when `tracker.requireApproval` is false: its
 *   existence is unproven, and the pre-flight already blocked on it.
 * - After the fact, "never approved" and "approved after the merge" are
 *   findings only when the policy requires approval, as at the other two
 *   moments.
 */
import type { Fact, TicketRecord } from './facts';
import { blocker, type PolicyRule } from './rule';

type Record = Fact<TicketRecord | 'notFound'>;

export const ticketApproved: PolicyRule = {
  id: 'ticket-approved',
  description: 'The ticket exists in the tracker and carries the approval label.',
  reads: ['ticket', 'merge'],
  preflight: ({ ticket, policy }) => {
    const id = ticket.id;
    if (!id) return [];
    const r: Record = ticket.record;
    if (r.state === 'unknown') return [{ item: 'ticket', severity: 'blocker', message: `Ticket ${id} could not be checked: ${r.reason}.` }];
    if (r.value === 'notFound') return [{ item: 'ticket', severity: 'blocker', message: `Ticket ${id} was not found in the tracker.` }];
    if (r.value.approved) return [];
    return [{
      item: 'approval',
      severity: policy.requireApproval ? 'blocker' : 'warning',
      message: `Ticket ${r.value.id} is not approved (no "${policy.approvalLabel}" label). Ask an approver to add it.`,
    }];
  },
  gate: ({ ticket, policy }) => {
    const id = ticket.id;
    if (!id) return [];
    const r: Record = ticket.record;
    if (r.state === 'unknown') {
      return [blocker(policy.requireApproval ? `ticket approval not checked (${r.reason})` : `ticket ${id} not checked (${r.reason})`)];
    }
    if (r.value === 'notFound') return [blocker(`ticket ${id} not found`)];
    return policy.requireApproval && !r.value.approved ? [blocker('ticket not approved')] : [];
  },
  audit: ({ ticket, branch, merge, policy }) => {
    const id = ticket.id;
    if (branch.directToBase || !id) return [];
    const r: Record = ticket.record;
    if (r.state === 'unknown') return [{ notVerifiable: `ticket ${id} could not be read: ${r.reason}` }];
    if (r.value === 'notFound') {
      return [{ finding: { id: 'no-ticket', title: `Change ticket ${id} could not be found.`, evidence: [`${id} does not exist or is not readable`] } }];
    }
    if (!policy.requireApproval) return [];
    const t = r.value;
    if (!t.approved || !t.approvedAt) {
      return [{ finding: { id: 'ticket-never-approved', title: `Ticket ${t.id} was never approved.`, evidence: [`${t.id} does not carry the approval label`] } }];
    }
    if (merge && t.approvedAt > merge.mergedAt) {
      return [{
        finding: {
          id: 'ticket-approved-after-merge',
          title: `Ticket ${t.id} was approved only after the merge.`,
          evidence: [`merged at ${merge.mergedAt}`, `approved by ${t.approvedBy ?? 'unknown'} at ${t.approvedAt}`],
        },
      }];
    }
    return [];
  },
};
