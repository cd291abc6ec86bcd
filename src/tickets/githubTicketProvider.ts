/**
 * Change tickets as GitHub issues: in the code repository, or in the
 * tracker repository the policy names (`tracker.repo`). Pull requests,
 * which GitHub's issues API also returns, are never tickets.
 */
import type { Octokit } from '@octokit/rest';
import { ChangeControlError, isChangeControlError } from '../core/errors';
import { parseIssueReference } from '../core/issueReference';
import type { Policy } from '../core/policy/schema';
import type { RepoRef, Ticket, TicketProvider, TicketQuery, TicketRef } from '../core/ports';

export interface GitHubTicketProviderOptions {
  octokit: Octokit;
  /** The repository the code lives in (from the remote). */
  codeRepo: RepoRef;
  tracker: Policy['tracker'];
  /** The signed-in user's login, to list their tickets first; undefined if unknown. */
  currentLogin?: () => Promise<string | undefined>;
}

/** How many open issues one listing fetches (one request, no paging). */
const PAGE_SIZE = 100;

type IssueLabel = string | { name?: string | null };
interface IssueLike {
  number: number;
  title: string;
  html_url: string;
  state: string;
  assignees?: ({ login: string } | null)[] | null;
  assignee?: { login: string } | null;
  labels: IssueLabel[];
  pull_request?: unknown;
  updated_at?: string;
}

export function sameRepo(a: RepoRef, b: RepoRef): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}

/** The tracker repository: the policy's `tracker.repo`, else the code repository. */
export function trackerRepo(codeRepo: RepoRef, tracker: Policy['tracker']): RepoRef {
  if (!tracker.repo) return codeRepo;
  const [owner, repo] = tracker.repo.split('/');
  return { owner: owner!, repo: repo! };
}

/**
 * Reads a ticket ID as a GitHub issue (the grammar of
 * src/core/issueReference.ts: `#123`, `123`, `owner/repo#123` or the
 * issue's URL); a bare number belongs to the tracker repository.
 * Undefined when it is no GitHub issue ID.
 */
export function parseTicketId(id: string, tracker: RepoRef): TicketRef | undefined {
  const issue = parseIssueReference(id);
  if (!issue) return undefined;
  return 'repo' in issue ? issue : { ...tracker, number: issue.number };
}

/** `#123` for an issue of the code repository, `owner/repo#123` otherwise. */
export function formatTicketId(ref: TicketRef, codeRepo: RepoRef): string {
  return sameRepo(ref, codeRepo) ? `#${ref.number}` : `${ref.owner}/${ref.repo}#${ref.number}`;
}

/** Label names whether GitHub sent strings or objects. */
export function labelNames(labels: readonly IssueLabel[] | undefined): string[] {
  return (labels ?? [])
    .map((l) => (typeof l === 'string' ? l : (l?.name ?? '')))
    .filter((name) => name.length > 0);
}

/** A GitHub issue as a change ticket. */
export function issueToTicket(issue: IssueLike, ref: RepoRef, codeRepo: RepoRef, approvalLabel: string): Ticket {
  const labels = labelNames(issue.labels);
  const wanted = approvalLabel.toLowerCase();
  const assignees = (issue.assignees ?? (issue.assignee ? [issue.assignee] : []))
    .filter((a): a is { login: string } => !!a)
    .map((a) => a.login);
  return {
    id: formatTicketId({ ...ref, number: issue.number }, codeRepo),
    title: issue.title,
    url: issue.html_url,
    state: issue.state === 'closed' ? 'closed' : 'open',
    assignees,
    labels,
    approved: labels.some((l) => l.toLowerCase() === wanted),
  };
}

/** True when `ticket` matches every word of `search` (ID, title, labels, assignees). */
export function ticketMatches(ticket: Ticket, search: string | undefined): boolean {
  const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [ticket.id, ticket.title, ...ticket.labels, ...ticket.assignees].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** Mine first (in the order GitHub sent them), then the others. */
export function sortMineFirst(tickets: readonly Ticket[], login: string | undefined): Ticket[] {
  if (!login) return [...tickets];
  const me = login.toLowerCase();
  const mine = (t: Ticket): boolean => t.assignees.some((a) => a.toLowerCase() === me);
  return [...tickets.filter(mine), ...tickets.filter((t) => !mine(t))];
}

export class GitHubTicketProvider implements TicketProvider {
  readonly name: string;
  private readonly tracker: RepoRef;

  constructor(private readonly options: GitHubTicketProviderOptions) {
    this.tracker = trackerRepo(options.codeRepo, options.tracker);
    this.name = `GitHub issues in ${this.tracker.owner}/${this.tracker.repo}`;
  }

  async listOpen(query: TicketQuery = {}): Promise<Ticket[]> {
    const [response, login] = await Promise.all([
      this.options.octokit.rest.issues.listForRepo({
        ...this.tracker,
        state: 'open',
        sort: 'updated',
        direction: 'desc',
        per_page: PAGE_SIZE,
        request: query.signal ? { signal: query.signal } : {},
      }),
      this.login(),
    ]);
    const tickets = (response.data as IssueLike[])
      .filter((issue) => !issue.pull_request)
      .map((issue) => issueToTicket(issue, this.tracker, this.options.codeRepo, this.options.tracker.approvalLabel))
      .filter((t) => ticketMatches(t, query.search));
    return sortMineFirst(tickets, login);
  }

  async get(id: string, signal?: AbortSignal): Promise<Ticket | undefined> {
    const ref = parseTicketId(id, this.tracker);
    if (!ref) {
      throw new ChangeControlError('ticket.invalidId', `"${id}" is not a GitHub issue ID.`, {
        hint: `Use #123 or ${this.tracker.owner}/${this.tracker.repo}#123.`,
      });
    }
    try {
      const { data } = await this.options.octokit.rest.issues.get({ owner: ref.owner, repo: ref.repo, issue_number: ref.number, request: signal ? { signal } : {} });
      const issue = data as IssueLike;
      // A pull request is an issue to GitHub's API, but never a change ticket.
      if (issue.pull_request) return undefined;
      return issueToTicket(issue, ref, this.options.codeRepo, this.options.tracker.approvalLabel);
    } catch (err) {
      // 404: no such issue (or no access to it); 410: the issue was deleted.
      // The shared client translates statuses; a bare Octokit leaves them on the error.
      const status = isChangeControlError(err) ? err.detail?.status : (err as { status?: number }).status;
      if (status === 404 || status === 410) return undefined;
      throw err;
    }
  }

  private async login(): Promise<string | undefined> {
    try {
      return await this.options.currentLogin?.();
    } catch {
      // Ordering is a convenience: without the login, tickets keep GitHub's order.
      return undefined;
    }
  }
}
