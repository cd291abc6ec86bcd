/**
 * Issues (change tickets) as the change snapshot and the audit evidence
 * read them from GitHub: the issue, its comments and its label history.
 * Only requests and response mapping; what the facts mean (the ticket's
 * approval, the back-link) is decided in src/app and src/core.
 */
import type { Octokit } from '@octokit/rest';
import type { ApprovalLabelEvent } from '../core/ticketApprover';
import type { TicketRef } from '../core/ports';
import { isGoneOrMissing } from './errors';

/** An issue as GitHub returns it, the fields the ticket is made of. */
export interface IssueData {
  number: number;
  title: string;
  html_url: string;
  state: string;
  body?: string | null;
  labels: (string | { name?: string | null })[];
  assignees?: ({ login: string } | null)[] | null;
  /** Set when the number is a pull request (the issues API returns those too). */
  pull_request?: unknown;
}

/** One comment of an issue. */
export interface IssueComment {
  body: string | null | undefined;
  url: string;
  createdAt: string;
}

const params = (ref: TicketRef, signal?: AbortSignal) => ({ owner: ref.owner, repo: ref.repo, issue_number: ref.number, request: { signal } });

/** The issue, or undefined when GitHub says it is missing or gone (404, 410). */
export async function readIssue(octokit: Octokit, ref: TicketRef, signal?: AbortSignal): Promise<IssueData | undefined> {
  try {
    return (await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', params(ref, signal))).data as IssueData;
  } catch (err) {
    if (isGoneOrMissing(err)) return undefined;
    throw err;
  }
}

/** Every comment of the issue (every page: on a busy ticket the back-link may sit past the first hundred). */
export async function listIssueComments(octokit: Octokit, ref: TicketRef, signal?: AbortSignal): Promise<IssueComment[]> {
  const comments = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...params(ref, signal), per_page: 100 });
  return comments.map((c) => ({ body: c.body, url: c.html_url, createdAt: c.created_at }));
}

/** One event of an issue as GitHub lists it: the fields a label event is made of. */
interface RawIssueEvent {
  event: string;
  created_at: string;
  actor?: { login: string; type?: string } | null;
  label?: { name: string } | null;
  performed_via_github_app?: { name?: string | null; slug?: string | null } | null;
}

/** Label events as the approval rules read them: actor, actor type and the app that acted. */
export function toLabelEvents(events: readonly RawIssueEvent[]): ApprovalLabelEvent[] {
  return events
    .filter((e) => (e.event === 'labeled' || e.event === 'unlabeled') && e.label)
    .map((e) => ({
      action: e.event as 'labeled' | 'unlabeled',
      label: e.label!.name,
      actor: e.actor?.login ?? 'unknown',
      ...(e.actor?.type ? { actorType: e.actor.type } : {}),
      app: e.performed_via_github_app?.name ?? e.performed_via_github_app?.slug ?? null,
      at: e.created_at,
    }));
}

/**
 * The issue's label and unlabel events, oldest first, as GitHub lists
 * them (every page; each page a conditional GET through the client's
 * ETag cache, so an unchanged ticket costs 304s).
 */
export async function listLabelEvents(octokit: Octokit, ref: TicketRef, signal?: AbortSignal): Promise<ApprovalLabelEvent[]> {
  const events = await octokit.paginate(octokit.rest.issues.listEvents, { ...params(ref, signal), per_page: 100 });
  return toLabelEvents(events as unknown as RawIssueEvent[]);
}
