/**
 * Pull request operations on GitHub, each idempotent so that re-running
 * Open Pull Request changes nothing: find the open PR of a branch, create
 * one, request only reviewers not yet requested, comment on the ticket
 * only when our back-link comment is not there yet.
 */
import type { Octokit } from '@octokit/rest';
import { backLinkComment, isBackLinkComment } from '../core/pullRequest';
import type { RepoRef } from '../core/ports';

/** A pull request as Open Pull Request finds or creates it (the snapshot's is core PullRequestInfo). */
export interface OpenedPullRequest {
  number: number;
  url: string;
  title: string;
  draft: boolean;
  /** Login of the author. */
  author: string | undefined;
  /** Logins and `org/team` slugs already asked to review. */
  requested: string[];
}

interface PullLike {
  number: number;
  html_url: string;
  title: string;
  draft?: boolean;
  user: { login: string } | null;
  requested_reviewers?: ({ login: string } | null)[] | null;
  requested_teams?: ({ slug: string } | null)[] | null;
}

function toInfo(pr: PullLike, owner: string): OpenedPullRequest {
  return {
    number: pr.number,
    url: pr.html_url,
    title: pr.title,
    draft: pr.draft ?? false,
    author: pr.user?.login,
    requested: [
      ...(pr.requested_reviewers ?? []).filter((r): r is { login: string } => !!r).map((r) => r.login),
      ...(pr.requested_teams ?? []).filter((t): t is { slug: string } => !!t).map((t) => `${owner}/${t.slug}`),
    ],
  };
}

const req = (signal: AbortSignal | undefined): { request: { signal?: AbortSignal } } => ({ request: signal ? { signal } : {} });

/** The open pull request whose head is `branch` of the same repository, if any. */
export async function findOpenPullRequest(octokit: Octokit, repo: RepoRef, branch: string, signal?: AbortSignal): Promise<OpenedPullRequest | undefined> {
  const { data } = await octokit.rest.pulls.list({ ...repo, head: `${repo.owner}:${branch}`, state: 'open', per_page: 5, ...req(signal) });
  const pr = (data as PullLike[])[0];
  return pr ? toInfo(pr, repo.owner) : undefined;
}

export interface CreatePullRequestInput {
  branch: string;
  base: string;
  title: string;
  body: string;
  draft: boolean;
}

export async function createPullRequest(octokit: Octokit, repo: RepoRef, input: CreatePullRequestInput, signal?: AbortSignal): Promise<OpenedPullRequest> {
  const { data } = await octokit.rest.pulls.create({
    ...repo,
    head: input.branch,
    base: input.base,
    title: input.title,
    body: input.body,
    draft: input.draft,
    ...req(signal),
  });
  return toInfo(data as PullLike, repo.owner);
}

/** Replaces the description of an open pull request (Create Pull Request's "Update Description"). */
export async function updatePullRequestBody(octokit: Octokit, repo: RepoRef, number: number, body: string, signal?: AbortSignal): Promise<void> {
  await octokit.rest.pulls.update({ ...repo, pull_number: number, body, ...req(signal) });
}

export interface ReviewerPlan {
  users: string[];
  teams: string[];
  /** Reviewers left out, each with the reason (the author, already requested). */
  skipped: { reviewer: string; reason: string }[];
}

/**
 * Who still needs asking: the author cannot review their own pull request
 * (GitHub answers 422), and those already requested are not asked again.
 */
export function planReviewers(wanted: readonly string[], pr: Pick<OpenedPullRequest, 'author' | 'requested'>): ReviewerPlan {
  const plan: ReviewerPlan = { users: [], teams: [], skipped: [] };
  const requested = new Set(pr.requested.map((r) => r.toLowerCase()));
  const seen = new Set<string>();
  for (const raw of wanted) {
    const reviewer = raw.trim().replace(/^@/, '');
    const key = reviewer.toLowerCase();
    if (!reviewer || seen.has(key)) continue;
    seen.add(key);
    if (pr.author && key === pr.author.toLowerCase()) {
      plan.skipped.push({ reviewer, reason: 'is the author and cannot review their own pull request' });
    } else if (requested.has(key)) {
      plan.skipped.push({ reviewer, reason: 'was already requested' });
    } else if (reviewer.includes('/')) {
      plan.teams.push(reviewer.split('/')[1]!);
    } else {
      plan.users.push(reviewer);
    }
  }
  return plan;
}

/**
 * Drops from the plan the users who already reviewed an existing pull
 * request (they left the requested list when they reviewed); asking again
 * would re-notify them on every re-run. One request, only when needed.
 */
export async function withoutPastReviewers(octokit: Octokit, repo: RepoRef, prNumber: number, plan: ReviewerPlan, signal?: AbortSignal): Promise<ReviewerPlan> {
  if (plan.users.length === 0) return plan;
  const { data } = await octokit.rest.pulls.listReviews({ ...repo, pull_number: prNumber, per_page: 100, ...req(signal) });
  const reviewed = new Set(data.map((r) => r.user?.login.toLowerCase()).filter((l): l is string => !!l));
  const users = plan.users.filter((u) => !reviewed.has(u.toLowerCase()));
  const skipped = plan.users.filter((u) => reviewed.has(u.toLowerCase())).map((reviewer) => ({ reviewer, reason: 'has already reviewed' }));
  return { ...plan, users, skipped: [...plan.skipped, ...skipped] };
}

/** Requests the planned reviewers in one call; nothing when the plan is empty. */
export async function requestReviewers(octokit: Octokit, repo: RepoRef, prNumber: number, plan: ReviewerPlan, signal?: AbortSignal): Promise<boolean> {
  if (plan.users.length === 0 && plan.teams.length === 0) return false;
  await octokit.rest.pulls.requestReviewers({
    ...repo,
    pull_number: prNumber,
    reviewers: plan.users,
    ...(plan.teams.length > 0 ? { team_reviewers: plan.teams } : {}),
    ...req(signal),
  });
  return true;
}

/** How many comment pages to scan for our marker before commenting (100 each). */
const MAX_COMMENT_PAGES = 10;

/**
 * Comments on the ticket with a link to the pull request, once: an
 * existing comment carrying our marker for this PR means it is done.
 * Returns whether a comment was created.
 */
export async function commentOnTicketOnce(
  octokit: Octokit,
  ticket: RepoRef & { number: number },
  pr: Pick<OpenedPullRequest, 'number' | 'url' | 'title'>,
  signal?: AbortSignal,
): Promise<boolean> {
  const target = { owner: ticket.owner, repo: ticket.repo, issue_number: ticket.number };
  let pages = 0;
  for await (const { data } of octokit.paginate.iterator(octokit.rest.issues.listComments, { ...target, per_page: 100, ...req(signal) })) {
    if (data.some((c) => isBackLinkComment(c.body, pr.url))) return false;
    if (++pages >= MAX_COMMENT_PAGES) break;
  }
  await octokit.rest.issues.createComment({ ...target, body: backLinkComment(pr), ...req(signal) });
  return true;
}
