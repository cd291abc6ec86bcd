/**
 * The GitHub half of the change snapshot: the branch's pull request, its
 * reviews and requested reviewers, the head commit's combined status and
 * check runs, and the ticket (issue) with its comments for the back-link.
 *
 * Every refresh sends the same GET requests with the same parameters, so
 * the shared client's ETag cache answers them with 304s when nothing
 * changed (free against GitHub's rate limit). Independent requests run in
 * parallel: a refresh is three round trips at most.
 */
import type { Octokit } from '@octokit/rest';
import {
  GATE_STATUS_CONTEXT,
  isUnavailable,
  type ChangeSnapshot,
  type CheckInfo,
  type GitHubSection,
  type PullRequestInfo,
  type PullRequestSection,
  type ReviewInfo,
  type ReviewState,
  type TicketSection,
  type Unavailable,
} from '../core/changeSnapshot';
import { describeError } from '../core/errors';
import type { PolicySource } from '../core/policy/governingPolicy';
import type { Policy } from '../core/policy/schema';
import type { RepoRef, TicketRef } from '../core/ports';
import { issueToTicket, parseTicketId, sameRepo, trackerRepo } from '../tickets/githubTicketProvider';
import { readLocalChange } from '../git/branchStatus';
import type { ChangeShortcuts } from '../git/changes';
import { isGoneOrMissing, translateGitHubError } from '../github/errors';
import { readTicketApprover } from './ticketApprover';

export interface ChangeStatusInput {
  octokit: Octokit;
  repo: RepoRef;
  branch: string | undefined;
  ticketId: string | undefined;
  policy: Policy;
  signal?: AbortSignal;
  /** The pull request the caller has read already (verify --pr in CI), instead of finding the branch's. */
  pullRequest?: PullRequestInfo;
}

export interface GitHubChangeStatus {
  github: GitHubSection;
  ticket: TicketSection;
}

interface IssueData {
  number: number;
  title: string;
  html_url: string;
  state: string;
  body?: string | null;
  labels: (string | { name?: string | null })[];
  assignees?: ({ login: string } | null)[] | null;
}

/** Reads the pull request and ticket; GitHub failures become an error section, never a throw. */
export async function readGitHubChangeStatus(input: ChangeStatusInput): Promise<GitHubChangeStatus> {
  const ticketRef = input.ticketId ? parseTicketId(input.ticketId, trackerRepo(input.repo, input.policy.tracker)) : undefined;
  const [prResult, ticketResult] = await Promise.allSettled([findPullRequest(input), readTicket(input, ticketRef)]);
  const ticket: TicketSection = ticketResult.status === 'fulfilled' ? ticketResult.value.section : { id: input.ticketId, lookup: { status: 'error', reason: reason(ticketResult.reason) } };
  if (prResult.status === 'rejected') return { github: { status: 'error', reason: reason(prResult.reason) }, ticket };
  const pr = prResult.value;
  const repository = `${input.repo.owner}/${input.repo.repo}`;
  if (!pr) return { github: { status: 'ok', repository }, ticket };
  try {
    const section = await readPullRequestSection(input, pr);
    if (ticketResult.status === 'fulfilled' && ticketResult.value.texts) {
      section.ticketBackLink = linksTo(ticketResult.value.texts, input.repo, pr, ticketRef);
    }
    return { github: { status: 'ok', repository, pullRequest: section }, ticket };
  } catch (err) {
    return { github: { status: 'error', reason: reason(err) }, ticket };
  }
}

function reason(err: unknown): string {
  return describeError(translateGitHubError(err));
}

async function findPullRequest(input: ChangeStatusInput): Promise<PullRequestInfo | undefined> {
  if (input.pullRequest) return input.pullRequest;
  return input.branch ? findBranchPullRequest(input.octokit, input.repo, input.branch, input.signal) : undefined;
}

/** The pull request of a branch: the open one, else the most recent. */
export async function findBranchPullRequest(octokit: Octokit, repo: RepoRef, branch: string, signal?: AbortSignal): Promise<PullRequestInfo | undefined> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls', {
    owner: repo.owner,
    repo: repo.repo,
    head: `${repo.owner}:${branch}`,
    state: 'all',
    per_page: 20,
    request: { signal },
  });
  const chosen = data.find((p) => p.state === 'open') ?? data[0];
  return chosen ? toPullRequestInfo(chosen) : undefined;
}

interface PullPayload {
  number: number;
  title: string;
  html_url: string;
  state: string;
  draft?: boolean;
  merged_at: string | null;
  user: { login: string } | null;
  head: { sha: string };
  body?: string | null;
}

/** A pull request as GitHub lists or gets it, as the snapshot holds it. */
export function toPullRequestInfo(p: PullPayload): PullRequestInfo {
  return { number: p.number, title: p.title, url: p.html_url, state: pullRequestState(p), author: p.user?.login ?? '', headSha: p.head.sha, body: p.body ?? null };
}

export function pullRequestState(p: Pick<PullPayload, 'state' | 'draft' | 'merged_at'>): PullRequestInfo['state'] {
  return p.merged_at ? 'merged' : p.state === 'closed' ? 'closed' : p.draft ? 'draft' : 'open';
}

async function readPullRequestSection(input: ChangeStatusInput, pr: PullRequestInfo): Promise<PullRequestSection> {
  const { octokit, repo, signal } = input;
  const base = { owner: repo.owner, repo: repo.repo, request: { signal } };
  // Comments are LGTM sign-offs only under "approval-or-lgtm": otherwise they are not asked for.
  const wantComments = input.policy.review.signOff === 'approval-or-lgtm';
  const [reviews, requested, status, runs, comments] = await Promise.all([
    octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { ...base, pull_number: pr.number, per_page: 100 }),
    octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', { ...base, pull_number: pr.number }),
    octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/status', { ...base, ref: pr.headSha, per_page: 100 }),
    octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ...base, ref: pr.headSha, per_page: 100 }),
    wantComments ? octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...base, issue_number: pr.number, per_page: 100 }) : undefined,
  ]);
  return {
    pr,
    reviews: reviews.data.map((r): ReviewInfo => ({
      id: Number(r.id),
      author: r.user?.login ?? '',
      state: (r.state as ReviewState) ?? 'COMMENTED',
      ...(r.submitted_at ? { submittedAt: r.submitted_at } : {}),
      url: r.html_url,
      ...(r.commit_id ? { commitId: r.commit_id } : {}),
      ...(r.body ? { body: r.body } : {}),
    })),
    ...(comments ? { comments: comments.map((c) => ({ id: c.id, author: c.user?.login ?? '', body: c.body ?? '', createdAt: c.created_at })) } : {}),
    requestedReviewers: [
      ...requested.data.users.map((u) => u.login),
      ...requested.data.teams.map((t) => `${repo.owner}/${t.slug}`),
    ],
    checks: [
      // The gate's own earlier verdict is not a check it judges (it would block on itself).
      ...status.data.statuses.filter((s) => s.context !== GATE_STATUS_CONTEXT).map((s): CheckInfo => ({
        name: s.context,
        state: statusCheckState(s.state),
        ...(s.target_url ? { detailsUrl: s.target_url } : {}),
        source: 'status',
        detail: s.state,
      })),
      ...runs.data.check_runs.map(checkRunInfo),
    ],
  };
}

/** A commit status's state as a check state: only success passes. */
export function statusCheckState(state: string): CheckInfo['state'] {
  return state === 'success' ? 'passed' : state === 'pending' ? 'pending' : 'failed';
}

/** A check run's state: pending until completed, then neutral and skipped pass as success does. */
export function checkRunState(run: { status: string; conclusion: string | null }): CheckInfo['state'] {
  if (run.status !== 'completed') return 'pending';
  return ['success', 'neutral', 'skipped'].includes(run.conclusion ?? '') ? 'passed' : 'failed';
}

function checkRunInfo(run: { name: string; status: string; conclusion: string | null; details_url?: string | null; html_url?: string | null }): CheckInfo {
  const url = run.details_url || run.html_url || undefined;
  return { name: run.name, state: checkRunState(run), ...(url ? { detailsUrl: url } : {}), source: 'checkRun', detail: run.status === 'completed' ? (run.conclusion ?? 'completed') : run.status };
}

async function readTicket(input: ChangeStatusInput, ref: TicketRef | undefined): Promise<{ section: TicketSection; texts?: string[] }> {
  if (!input.ticketId) return { section: {} };
  if (!ref) return { section: { id: input.ticketId, lookup: { status: 'skipped', reason: 'not a GitHub issue' } } };
  const params = { owner: ref.owner, repo: ref.repo, issue_number: ref.number, request: { signal: input.signal } };
  let issue: IssueData & { pull_request?: unknown };
  try {
    issue = (await input.octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', params)).data as IssueData;
  } catch (err) {
    if (isGoneOrMissing(err)) {
      return { section: { id: input.ticketId, lookup: { status: 'notFound', reason: `no issue ${ref.owner}/${ref.repo}#${ref.number}` } } };
    }
    throw err;
  }
  if (issue.pull_request) return { section: { id: input.ticketId, lookup: { status: 'notFound', reason: `#${ref.number} is a pull request, not an issue` } } };
  // Every page: on a busy ticket the back-link may sit past the first hundred comments.
  const comments = await input.octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...params, per_page: 100 });
  const details = issueToTicket(issue, ref, input.repo, input.policy.tracker.approvalLabel);
  // Who applied the label, only when the policy says who may (tracker.approvers).
  const approver = details.approved ? await readTicketApprover(input.octokit, ref, input.policy.tracker, input.signal ? { signal: input.signal } : {}) : undefined;
  const judged = approver === undefined ? {} : { approver: approver.state === 'known' ? approver.value : { status: 'error' as const, reason: approver.reason } };
  return { section: { id: input.ticketId, details, ...judged }, texts: [issue.body ?? '', ...comments.map((c) => c.body ?? '')] };
}

/** True when any text names the pull request: its URL, `owner/repo#N`, or `#N` inside the same repository. */
export function linksTo(texts: readonly string[], repo: RepoRef, pr: Pick<PullRequestInfo, 'number' | 'url'>, ticket: RepoRef | undefined): boolean {
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [
    new RegExp(`${esc(pr.url)}(?![0-9])`, 'i'),
    new RegExp(`/${esc(repo.owner)}/${esc(repo.repo)}/pull/${pr.number}(?![0-9])`, 'i'),
    new RegExp(`(?:^|[^\\w/])${esc(repo.owner)}/${esc(repo.repo)}#${pr.number}(?![0-9])`, 'i'),
  ];
  if (ticket && sameRepo(ticket, repo)) patterns.push(new RegExp(`(?:^|[^\\w/&])#${pr.number}(?![0-9])`));
  return texts.some((t) => patterns.some((re) => re.test(t)));
}

export interface ReadChangeSnapshotOptions {
  policy: Policy;
  /** Where the policy came from (see loadGoverningPolicy), for the "policy changed" note. */
  policySource?: PolicySource | Unavailable;
  remote: string;
  /** The GitHub client and repository, or why GitHub is not asked (no token, untrusted). */
  github: { octokit: Octokit; repo: RepoRef } | Unavailable;
  signal?: AbortSignal;
  /** Passed to the tests check (see ReadChangeOptions). */
  shortcuts?: ChangeShortcuts;
}

/** The whole snapshot: local git state first, then GitHub (skipped or failed sections say why). */
export async function readChangeSnapshot(root: string, options: ReadChangeSnapshotOptions): Promise<ChangeSnapshot> {
  const local = await readLocalChange(root, {
    policy: options.policy,
    remote: options.remote,
    ...(options.shortcuts ? { shortcuts: options.shortcuts } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const base = { root, policy: options.policy, ...(options.policySource ? { policySource: options.policySource } : {}), branch: local.branch, commits: local.commits, tests: local.tests };
  if (isUnavailable(options.github)) {
    const ticket: TicketSection = local.ticketId ? { id: local.ticketId, lookup: options.github } : {};
    return { ...base, ticket, github: options.github };
  }
  const remote = await readGitHubChangeStatus({
    octokit: options.github.octokit,
    repo: options.github.repo,
    branch: local.branch.name,
    ticketId: local.ticketId,
    policy: options.policy,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { ...base, ticket: remote.ticket, github: remote.github };
}
