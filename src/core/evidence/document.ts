/** Assemble the evidence document and the summary table. Pure. */
import { redact } from '../redact';
import { auditView, type FindingPolicy } from './findings';
import { EVIDENCE_VERSION, type ChangeEvidence, type EvidenceDocument } from './schema';

export interface LabelEvent {
  action: 'labeled' | 'unlabeled';
  label: string;
  actor: string;
  at: string;
}

/**
 * Who applied the approval label and when: the `labeled` event that began
 * the label's current, unbroken presence. Undefined when it is not applied.
 */
export function approvalFromEvents(events: readonly LabelEvent[], approvalLabel: string): { by: string; at: string } | undefined {
  const wanted = approvalLabel.toLowerCase();
  let current: { by: string; at: string } | undefined;
  for (const e of [...events].sort((a, b) => a.at.localeCompare(b.at))) {
    if (e.label.toLowerCase() !== wanted) continue;
    if (e.action === 'labeled' && !current) current = { by: e.actor, at: e.at };
    if (e.action === 'unlabeled') current = undefined;
  }
  return current;
}

export interface DocumentInput {
  generatedAt: Date;
  generatorVersion: string;
  repository: EvidenceDocument['repository'];
  scope: EvidenceDocument['scope'];
  policy: EvidenceDocument['policy'] & Pick<FindingPolicy, 'approvers' | 'signOff' | 'requireApprovalOfLatestCommit'> & { allowSelfApproval: boolean; requireTests: boolean; requireApproval?: boolean };
  changes: Omit<ChangeEvidence, 'findings'>[];
  /** Secrets to scrub from every string of the document (the token in use). */
  secrets?: readonly string[];
}

export function buildEvidenceDocument(input: DocumentInput): EvidenceDocument {
  const findingPolicy: FindingPolicy = {
    requiredApprovals: input.policy.requiredApprovals,
    allowSelfApproval: input.policy.allowSelfApproval,
    requireTests: input.policy.requireTests,
    baseBranch: input.policy.baseBranch,
    approvalLabel: input.policy.approvalLabel,
    ...(input.policy.requireApproval !== undefined ? { requireApproval: input.policy.requireApproval } : {}),
    ...(input.policy.approvers !== undefined ? { approvers: input.policy.approvers } : {}),
    ...(input.policy.signOff !== undefined ? { signOff: input.policy.signOff } : {}),
    ...(input.policy.requireApprovalOfLatestCommit !== undefined ? { requireApprovalOfLatestCommit: input.policy.requireApprovalOfLatestCommit } : {}),
  };
  const changes: ChangeEvidence[] = input.changes.map((c) => {
    const audit = auditView(c, findingPolicy);
    return {
      ...c,
      findings: audit.findings,
      ...(audit.notVerifiable.length > 0 ? { notVerifiable: audit.notVerifiable } : {}),
      ...(audit.notes.length > 0 ? { notes: audit.notes } : {}),
    };
  });
  const rows = changes.map((c) => ({
    label: c.label,
    ticket: c.ticketId,
    approved: Boolean(c.ticket?.approved),
    reviewed: (c.pullRequest?.approvals.counted ?? 0) >= Math.max(1, input.policy.requiredApprovals),
    tested: c.tests !== null && c.tests.sources.every((s) => s.verdict !== 'missing'),
    deviations: c.findings.length,
  }));
  const doc: EvidenceDocument = {
    schema: 'change-control/evidence',
    version: EVIDENCE_VERSION,
    generatedAt: input.generatedAt.toISOString(),
    generator: { name: 'change-control', version: input.generatorVersion },
    repository: input.repository,
    scope: input.scope,
    policy: {
      requiredApprovals: input.policy.requiredApprovals, approvalLabel: input.policy.approvalLabel, baseBranch: input.policy.baseBranch,
      ...(input.policy.source ? { source: input.policy.source } : {}),
      ...(findingPolicy.approvers?.length ? { approvers: findingPolicy.approvers } : {}),
      ...(findingPolicy.signOff ? { signOff: findingPolicy.signOff } : {}),
      ...(findingPolicy.requireApprovalOfLatestCommit !== undefined ? { requireApprovalOfLatestCommit: findingPolicy.requireApprovalOfLatestCommit } : {}),
    },
    changes,
    summary: {
      changes: rows.length,
      withTicket: rows.filter((r) => r.ticket !== null).length,
      approved: rows.filter((r) => r.approved).length,
      reviewed: rows.filter((r) => r.reviewed).length,
      tested: rows.filter((r) => r.tested).length,
      deviations: rows.reduce((n, r) => n + r.deviations, 0),
      rows,
    },
  };
  return scrub(doc, input.secrets ?? []);
}

/** Redact every string in the document: evidence never carries a token. */
function scrub<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets)])) as T;
  }
  return value;
}
