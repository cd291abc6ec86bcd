/**
 * A release is a change to an existing system ("Software Release
 * Procedures"): an issue describes it, an approver approves it, only then
 * is it rolled out. This is the pure half: the release ticket's body
 * (every change of the range and a table of its deviations, behind a
 * hidden marker that finds the ticket again), reading that body back, and
 * the release gate's judgement. The GitHub and git reads are in src/app.
 */
import type { EvidenceDocument, ReleaseEvidence } from './evidence/schema';
import type { Fact, LabelApprover } from './rules/facts';
import { approverName } from './ticketApprover';

/** The hidden first line of a release ticket: finds it again (with its label) and records the range. */
export function releaseMarker(version: string, from: string, to: string): string {
  return `<!-- change-control:release ${version} from ${from} to ${to} -->`;
}

const MARKER = /^<!-- change-control:release (\S+) from (\S+) to (\S+) -->/;

/** The version and range a release ticket's body records; undefined when it is not one. */
export function readReleaseMarker(body: string): { version: string; from: string; to: string } | undefined {
  const m = MARKER.exec(body.replace(/^\uFEFF/, ''));
  return m ? { version: m[1]!, from: m[2]!, to: m[3]! } : undefined;
}

/** One deviation of the range: a finding of one change. */
export interface ReleaseDeviation {
  change: string;
  finding: string;
  title: string;
}

/** Every finding of every change, in the document's order. */
export function releaseDeviations(doc: EvidenceDocument): ReleaseDeviation[] {
  return doc.changes.flatMap((c) => c.findings.map((f) => ({ change: c.label, finding: f.id, title: f.title })));
}

const cell = (text: string): string => text.replace(/[|\\]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();

/** The release ticket's title. */
export function releaseTitle(version: string): string {
  return `Release ${version}`;
}

/**
 * The release ticket's body: the marker, each change (ticket, kind,
 * approvals, findings) and a summary table of the deviations, one row per
 * finding, which `listedDeviations` reads back.
 */
export function renderReleaseBody(version: string, from: string, to: string, doc: EvidenceDocument): string {
  const deviations = releaseDeviations(doc);
  const lines = [
    releaseMarker(version, from, to),
    `## Release ${version}`,
    '',
    `${doc.changes.length} change${doc.changes.length === 1 ? '' : 's'} since ${from} (up to ${to.slice(0, 12)}), ${deviations.length} deviation${deviations.length === 1 ? '' : 's'}.`,
    'An approver approves this release by applying the approval label after its last edit.',
    '',
    '### Changes',
    '',
  ];
  for (const c of doc.changes) {
    const pr = c.pullRequest;
    const what = pr ? `${c.label} ${cell(pr.title)} (${pr.url})` : `${c.label} ${cell(c.commits[0]?.message.split('\n', 1)[0] ?? '')} (direct commit)`;
    const ticket = c.ticket ? `ticket ${c.ticket.id}${c.ticket.approved ? ' approved' : ' not approved'}` : c.ticketId ? `ticket ${c.ticketId} (unreadable)` : 'no ticket';
    const approvals = pr ? `${pr.approvals.counted}/${pr.approvals.required} approvals` : 'not reviewed';
    const findings = c.findings.length > 0 ? c.findings.map((f) => f.id).join(', ') : 'no findings';
    lines.push(`- ${what}: ${c.kind}, ${ticket}, ${approvals}; ${findings}`);
  }
  lines.push('', '### Deviations', '');
  if (deviations.length === 0) lines.push('None.');
  else {
    lines.push('| Change | Finding | What |', '| --- | --- | --- |');
    for (const d of deviations) lines.push(`| ${cell(d.change)} | \`${d.finding}\` | ${cell(d.title)} |`);
  }
  return `${lines.join('\n')}\n`;
}

const ROW = /^\| (.+?) \| `([a-z0-9-]+)` \| .* \|$/;

/** The deviations a release ticket's body lists (`change finding` keys). */
export function listedDeviations(body: string): Set<string> {
  const out = new Set<string>();
  for (const line of body.replace(/\r\n/g, '\n').split('\n')) {
    const m = ROW.exec(line.trim());
    if (m) out.add(`${m[1]!.replace(/\\([|\\])/g, '$1')} ${m[2]}`);
  }
  return out;
}

/** What the release gate reads of the release ticket. */
export interface ReleaseTicketFacts {
  number: number;
  url: string;
  body: string;
  /** When its body or title was last edited (its creation when never). */
  lastEditedAt: string;
  /** Whether the approval label is on it now. */
  approvalLabelPresent: boolean;
  /** Who applied the approval label last, judged against the approvers; undefined when nobody did. */
  approver: Fact<LabelApprover> | undefined;
}

export interface ReleaseVerdict {
  ok: boolean;
  /** What is missing, one sentence each. */
  missing: string[];
  /** What was proven, for the success message. */
  proven: string[];
}

/**
 * The release gate: an approver approved the release ticket after its
 * last edit, and every deviation of the range is listed in it. Fails
 * closed when the approver cannot be read.
 */
export function judgeRelease(version: string, ticket: ReleaseTicketFacts | undefined, deviations: readonly ReleaseDeviation[], approvalLabel: string): ReleaseVerdict {
  if (!ticket) return { ok: false, missing: [`No release ticket for ${version}: run change-control release plan --version ${version}.`], proven: [] };
  const missing: string[] = [];
  const proven: string[] = [];
  const a = ticket.approver;
  if (!ticket.approvalLabelPresent || !a) missing.push(`Release ticket #${ticket.number} is not approved: an approver must apply the "${approvalLabel}" label.`);
  else if (a.state === 'unknown') missing.push(`Release ticket #${ticket.number}: who approved it could not be checked (${a.reason}).`);
  else if (!a.value.isApprover) missing.push(`Release ticket #${ticket.number} was approved by ${approverName(a.value)}, who is not an approver.`);
  else if (a.value.at <= ticket.lastEditedAt) missing.push(`Release ticket #${ticket.number} was approved by ${approverName(a.value)} at ${a.value.at}, before its last edit at ${ticket.lastEditedAt}: approve it again.`);
  else proven.push(`release ticket #${ticket.number} approved by ${approverName(a.value)} at ${a.value.at}`);
  const listed = listedDeviations(ticket.body);
  const unlisted = deviations.filter((d) => !listed.has(`${d.change} ${d.finding}`));
  if (unlisted.length > 0) {
    missing.push(`Release ticket #${ticket.number} does not list ${unlisted.length} deviation${unlisted.length === 1 ? '' : 's'} of the range: ${unlisted.map((d) => `${d.change} ${d.finding}`).join(', ')}; run release plan again, then approve.`);
  } else proven.push(`all ${deviations.length} deviation${deviations.length === 1 ? '' : 's'} listed`);
  return { ok: missing.length === 0, missing, proven };
}

/** The release part of the evidence document: the ticket, its approval and the verdict. */
export function releaseEvidence(version: string, ticket: ReleaseTicketFacts | undefined, verdict: ReleaseVerdict): ReleaseEvidence {
  const a = ticket?.approver?.state === 'known' && ticket.approvalLabelPresent ? ticket.approver.value : undefined;
  return {
    version,
    ticket: ticket ? { number: ticket.number, url: ticket.url, lastEditedAt: ticket.lastEditedAt } : null,
    approval: a && ticket ? { by: a.login, at: a.at, via: a.app, byApprover: a.isApprover, afterLastEdit: a.at > ticket.lastEditedAt } : null,
    verified: verdict.ok,
    missing: verdict.missing,
  };
}

/** Wraps prose at `width` columns on spaces (a word longer than the width stays whole). */
export function wrapReleaseText(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** What the Change view's Release section shows: the release, its ticket's state and the next step. */
export interface ReleaseStatus {
  version: string;
  from: string;
  changes: number;
  deviations: number;
  /** The release ticket and the gate's verdict on it; undefined when none is filed. */
  ticket?: { number: number; verdict: ReleaseVerdict; unlisted: boolean };
}

export type ReleaseStep = 'prepare' | 'openTicket' | 'tag';

/** "v1.4.0: 12 changes since v1.3.0, 1 deviation, release ticket #45 awaiting approval", and the next step. */
export function releaseSummary(s: ReleaseStatus): { label: string; next: ReleaseStep; nextTitle: string } {
  const head = `${s.version}: ${s.changes} change${s.changes === 1 ? '' : 's'} since ${s.from}, ${s.deviations} deviation${s.deviations === 1 ? '' : 's'}`;
  if (!s.ticket) return { label: `${head}, no release ticket`, next: 'prepare', nextTitle: 'Prepare Release' };
  const t = s.ticket;
  if (t.unlisted) return { label: `${head}, release ticket #${t.number} out of date`, next: 'prepare', nextTitle: 'Prepare Release' };
  if (t.verdict.ok) return { label: `${head}, release ticket #${t.number} approved`, next: 'tag', nextTitle: 'Tag Release' };
  return { label: `${head}, release ticket #${t.number} awaiting approval`, next: 'openTicket', nextTitle: 'Open Release Ticket' };
}
