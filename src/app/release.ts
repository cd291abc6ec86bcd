/**
 * Prepare Release and the release gate, shared by the CLI, the Action and
 * the editor: `planRelease` gathers the range's evidence and files or
 * updates the one release ticket of a version (found again by its hidden
 * marker and the release label, so a re-run never files a second, and an
 * unchanged body is not rewritten: rewriting would void an approval);
 * `verifyRelease` judges whether an approver approved that ticket after
 * its last edit and whether it lists every deviation of the range
 * (core/release.ts).
 */
import type { Octokit } from '@octokit/rest';
import type { EvidenceDocument } from '../core/evidence/schema';
import type { RepoRef, TicketRef } from '../core/ports';
import { judgeRelease, readReleaseMarker, releaseEvidence, releaseDeviations, releaseTitle, renderReleaseBody, type ReleaseTicketFacts, type ReleaseVerdict } from '../core/release';
import { known, type Fact, type LabelApprover } from '../core/rules/facts';
import { appOf, lastApproval } from '../core/ticketApprover';
import { readIssueEdited } from '../github/graphqlIssues';
import type { GraphqlUsage } from '../github/graphqlQuery';
import { listLabelEvents, type IssueData } from '../github/issues';
import { trackerRepo } from '../tickets/githubTicketProvider';
import { produceEvidence, type EvidenceRunOptions } from './evidenceReport';
import { readTicketApprover } from './ticketApprover';

export interface ReleaseOptions extends Omit<EvidenceRunOptions, 'scope'> {
  version: string;
  /** The previous release (a tag). */
  from: string;
  /** The release's commit (a full sha: the ticket records it). */
  to: string;
}

/** The release ticket as found on GitHub. */
export interface ReleaseTicket {
  number: number;
  url: string;
  title: string;
  body: string;
  labels: string[];
}

const labelNames = (issue: IssueData): string[] => issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')));

/** The release ticket of `version`: an issue with the release label whose body starts with its marker. */
export async function findReleaseTicket(octokit: Octokit, tracker: RepoRef, label: string, version: string, signal?: AbortSignal): Promise<ReleaseTicket | undefined> {
  const issues: IssueData[] = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: tracker.owner, repo: tracker.repo, labels: label, state: 'all', per_page: 100, request: { signal } });
  const found = issues.filter((i) => !i.pull_request && readReleaseMarker(i.body ?? '')?.version === version).sort((a, b) => a.number - b.number)[0];
  return found ? { number: found.number, url: found.html_url, title: found.title, body: found.body ?? '', labels: labelNames(found) } : undefined;
}

export interface PlanResult {
  ticket: ReleaseTicket;
  action: 'created' | 'updated' | 'unchanged';
  doc: EvidenceDocument;
}

/** Files or updates the release ticket of `o.version` with the range's changes and deviations. */
export async function planRelease(o: ReleaseOptions): Promise<PlanResult> {
  const doc = await produceEvidence({ ...o, scope: { kind: 'range', from: o.from, to: o.to } });
  const tracker = trackerRepo(o.repo, o.policy.tracker);
  const label = o.policy.tracker.releaseLabel;
  const title = releaseTitle(o.version);
  const body = renderReleaseBody(o.version, o.from, o.to, doc);
  const existing = await findReleaseTicket(o.octokit, tracker, label, o.version, o.signal);
  if (!existing) {
    const { data } = await o.octokit.request('POST /repos/{owner}/{repo}/issues', { ...tracker, title, body, labels: [label], request: { signal: o.signal } });
    return { ticket: { number: data.number, url: data.html_url, title, body, labels: [label] }, action: 'created', doc };
  }
  if (existing.body === body && existing.title === title) return { ticket: existing, action: 'unchanged', doc };
  await o.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...tracker, issue_number: existing.number, title, body, request: { signal: o.signal } });
  return { ticket: { ...existing, title, body }, action: 'updated', doc };
}

export interface VerifyReleaseResult {
  verdict: ReleaseVerdict;
  ticket: ReleaseTicket | undefined;
  doc: EvidenceDocument | undefined;
  /** The release ticket and its approval as the gate judged them (for the evidence). */
  facts: ReleaseTicketFacts | undefined;
}

/**
 * The release gate for `o.version`. The range is the one the ticket
 * records (what the approver saw), unless `o.from`/`o.to` are given.
 */
export async function verifyRelease(o: Omit<ReleaseOptions, 'from' | 'to'> & { from?: string; to?: string; usage?: GraphqlUsage }): Promise<VerifyReleaseResult> {
  const tracker = trackerRepo(o.repo, o.policy.tracker);
  const ticket = await findReleaseTicket(o.octokit, tracker, o.policy.tracker.releaseLabel, o.version, o.signal);
  const approvalLabel = o.policy.tracker.approvalLabel;
  if (!ticket) return { verdict: judgeRelease(o.version, undefined, [], approvalLabel), ticket, doc: undefined, facts: undefined };
  const marker = readReleaseMarker(ticket.body)!;
  const from = o.from ?? marker.from;
  const to = o.to ?? marker.to;
  const ref: TicketRef = { ...tracker, number: ticket.number };
  const usage = o.usage ?? { queries: 0, points: 0 };
  const [doc, edited, approver] = await Promise.all([
    produceEvidence({ ...o, usage, scope: { kind: 'range', from, to } }),
    readIssueEdited(o.octokit, ref, usage, o.signal),
    releaseApprover(o.octokit, ref, o.policy.tracker, o.signal),
  ]);
  const facts: ReleaseTicketFacts = {
    number: ticket.number,
    url: ticket.url,
    body: ticket.body,
    lastEditedAt: edited.lastEditedAt ?? edited.createdAt,
    approvalLabelPresent: ticket.labels.some((l) => l.toLowerCase() === approvalLabel.toLowerCase()),
    approver,
  };
  const verdict = judgeRelease(o.version, facts, releaseDeviations(doc), approvalLabel);
  return { verdict, ticket, doc: { ...doc, release: releaseEvidence(o.version, facts, verdict) }, facts };
}

/** Who applied the approval label last; with no approvers in the policy, anyone who can label issues approves. */
async function releaseApprover(octokit: Octokit, ref: TicketRef, tracker: ReleaseOptions['policy']['tracker'], signal?: AbortSignal): Promise<Fact<LabelApprover> | undefined> {
  const events = await listLabelEvents(octokit, ref, signal);
  if (tracker.approvers.length > 0) return readTicketApprover(octokit, ref, tracker, { events, ...(signal ? { signal } : {}) });
  const last = lastApproval(events, tracker.approvalLabel);
  return last ? known({ login: last.actor, at: last.at, app: appOf(last), isApprover: true }) : undefined;
}
