/**
 * Issues (change tickets) as the change snapshot and the audit evidence
 * read them from GitHub: the issue, its comments and its label history.
 * Only requests and response mapping; what the facts mean (the ticket's
 * approval, the back-link) is decided in src/app and src/core.
 */
import type { Octokit } from '@octokit/rest';
import type { LabelEvent } from '../core/evidence/document';
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

/** The issue's label and unlabel events, oldest first, as GitHub lists them. */
export async function listLabelEvents(octokit: Octokit, ref: TicketRef, signal?: AbortSignal): Promise<LabelEvent[]> {
  const events = await octokit.paginate(octokit.rest.issues.listEvents, { ...params(ref, signal), per_page: 100 });
  return events
    .filter((e) => (e.event === 'labeled' || e.event === 'unlabeled') && 'label' in e && e.label)
    .map((e) => ({
      action: e.event as 'labeled' | 'unlabeled',
      label: (e as { label: { name: string } }).label.name,
      actor: e.actor?.login ?? 'unknown',
      at: e.created_at,
    }));
}
