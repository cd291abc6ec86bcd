/**
 * Rule `ticket-approver`: with `tracker.approvers`, a ticket counts as
 * approved only when an approver applied its approval label last (read
 * from the issue's label events, with their actor). An app-applied label
 * is named as such. When the events or a team's membership could not be
 * read, the gate says so and fails closed. Without approvers the rule
 * says nothing (anyone who can label issues approves; `status` hints).
 */
import { approverName } from '../ticketApprover';
import type { ChangeFacts, Fact, LabelApprover } from './facts';
import { blocker, warning, type PolicyRule } from './rule';

type Judged = { kind: 'ok' } | { kind: 'notApprover'; approver: LabelApprover } | { kind: 'unknown'; reason: string };

function judge({ ticket, policy }: ChangeFacts): { id: string; judged: Judged } | undefined {
  if (policy.approvers.length === 0 || !ticket.id) return undefined;
  const r = ticket.record;
  if (r.state !== 'known' || r.value === 'notFound' || !r.value.approved) return undefined; // ticket-approved speaks
  const a: Fact<LabelApprover> | undefined = r.value.approver;
  if (!a) return { id: r.value.id, judged: { kind: 'unknown', reason: 'its label events were not read' } };
  if (a.state === 'unknown') return { id: r.value.id, judged: { kind: 'unknown', reason: a.reason } };
  return { id: r.value.id, judged: a.value.isApprover ? { kind: 'ok' } : { kind: 'notApprover', approver: a.value } };
}

function words(id: string, j: Judged): string | undefined {
  if (j.kind === 'notApprover') return `ticket ${id} approved by ${approverName(j.approver)}, who is not an approver`;
  if (j.kind === 'unknown') return `ticket ${id} approver not checked: ${j.reason}`;
  return undefined;
}

export const ticketApprover: PolicyRule = {
  id: 'ticket-approver',
  description: 'An approver (tracker.approvers) applied the ticket\'s approval label last.',
  reads: ['ticket'],
  preflight: (facts) => {
    const j = judge(facts);
    const message = j && words(j.id, j.judged);
    if (!message) return [];
    return [{ item: 'approval', severity: facts.policy.requireApproval ? 'blocker' : 'warning', message: `${message[0]!.toUpperCase()}${message.slice(1)}. Ask an approver to apply the label.` }];
  },
  gate: (facts) => {
    const j = judge(facts);
    const message = j && words(j.id, j.judged);
    if (!message) return [];
    return [facts.policy.requireApproval ? blocker(message) : warning(message)];
  },
  audit: (facts) => {
    if (facts.branch.directToBase) return [];
    const j = judge(facts);
    if (!j || j.judged.kind === 'ok') return [];
    if (j.judged.kind === 'unknown') return [{ notVerifiable: `ticket ${j.id}: ${j.judged.reason}` }];
    const a = j.judged.approver;
    return [{
      finding: {
        id: 'ticket-approved-by-non-approver',
        title: `Ticket ${j.id} was approved by ${approverName(a)}, who is not an approver.`,
        evidence: [`${a.login}${a.app ? ` (app ${a.app})` : ''} applied the approval label at ${a.at}`, `approvers: ${facts.policy.approvers.join(', ')}`],
      },
    }];
  },
};
