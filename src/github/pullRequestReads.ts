/**
 * Reading pull requests from GitHub for the change snapshot, `verify` and
 * the audit evidence: a branch's pull request, one pull request with its
 * commits and changed files, its reviews, and the merged pull requests of
 * a release range. Only requests and response mapping into plain facts;
 * the judgement is made in src/core, the orchestration in src/app.
 *
 * Every refresh sends the same GET requests with the same parameters, so
 * the shared client's ETag cache answers them with 304s when nothing
 * changed (free against GitHub's rate limit).
 */
import type { Octokit } from '@octokit/rest';
import type { PullCommentInfo, PullRequestInfo, PullRequestSection, ReviewInfo, ReviewState } from '../core/changeSnapshot';
import type { ReviewEvidence } from '../core/evidence/schema';
import type { IgnoredCheck } from '../core/ignoredChecks';
import type { RepoRef } from '../core/ports';
import type { ChangedFile } from '../core/testMatching/checkTests';
import { readGateChecks } from './commitChecks';

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

/** A changed file as GitHub lists it (`removed`, `added`, `renamed`, …), as the test check takes it. */
export function toChangedFile(f: { path: string; status: string }): ChangedFile {
  const status = f.status === 'removed' ? 'deleted' : f.status === 'added' ? 'added' : f.status === 'renamed' ? 'renamed' : 'modified';
  return { path: f.path, status };
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

/** What else the gate needs beside reviews and checks. */
export interface PullRequestSectionOptions {
  /** Read the pull request's comments (LGTM sign-offs count under `review.signOff` "approval-or-lgtm"). */
  comments?: boolean;
  /** Checks the gate does not judge, as readGateChecks takes them (default: its own status). */
  ignoreChecks?: readonly IgnoredCheck[];
}

/** The reviews, requested reviewers and head checks of a pull request, as the merge gate reads them. */
export async function readPullRequestSection(octokit: Octokit, repo: RepoRef, pr: PullRequestInfo, signal?: AbortSignal, options: PullRequestSectionOptions = {}): Promise<PullRequestSection> {
  const base = { owner: repo.owner, repo: repo.repo, request: { signal } };
  const [reviews, requested, checks, comments] = await Promise.all([
    octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { ...base, pull_number: pr.number, per_page: 100 }),
    octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', { ...base, pull_number: pr.number }),
    readGateChecks(octokit, repo, pr.headSha, signal, options.ignoreChecks),
    options.comments ? listPullComments(octokit, repo, pr.number, signal) : undefined,
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
    ...(comments ? { comments } : {}),
    requestedReviewers: [
      ...requested.data.users.map((u) => u.login),
      ...requested.data.teams.map((t) => `${repo.owner}/${t.slug}`),
    ],
    checks,
  };
}

/** Every comment of a pull request (its conversation, not the review threads), every page. */
export async function listPullComments(octokit: Octokit, repo: RepoRef, number: number, signal?: AbortSignal): Promise<PullCommentInfo[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: repo.owner, repo: repo.repo, issue_number: number, per_page: 100, request: { signal } });
  return comments.map((c) => ({ id: c.id, author: c.user?.login ?? '', body: c.body ?? '', createdAt: c.created_at }));
}

/** One pull request in full, as `verify --pr` and the evidence read it. */
export interface PullRequestDetails extends PullRequestInfo {
  body: string;
  createdAt: string;
  headRef: string;
  baseRef: string;
  baseSha: string;
  /** Logins asked to review. */
  requestedUsers: string[];
  /** Team slugs asked to review (without the owner). */
  requestedTeams: string[];
  /** Who merged it and when; null while it is not merged. */
  merge: { mergedBy: string | null; mergedAt: string; mergeCommitSha: string | null } | null;
}

/** The snapshot's part of the details (the rest stays out of `status --json` and the view). */
export function pullRequestInfo(pr: PullRequestDetails): PullRequestInfo {
  return { number: pr.number, title: pr.title, url: pr.url, state: pr.state, author: pr.author, headSha: pr.headSha, body: pr.body };
}

/** One commit of a pull request. */
export interface PullRequestCommit {
  sha: string;
  parents: number;
  message: string;
  /** The author's name (else login, else `unknown`). */
  author: string;
  /** Authored at (ISO), '' when GitHub does not say. */
  date: string;
  /** Committed at (ISO), null when GitHub does not say. */
  committedAt: string | null;
}

/** One changed file of a pull request, with GitHub's status word (`added`, `removed`, `renamed`, …). */
export interface PullRequestFile {
  path: string;
  status: string;
  previousPath?: string;
}

/** What the evidence reads of a pull request (GraphQL batches do not ask for each commit's parents: they would cost 100 points a batch). */
export interface PullRequestEvidenceRead {
  pr: PullRequestDetails;
  /** Oldest first. */
  commits: Omit<PullRequestCommit, 'parents'>[];
  files: PullRequestFile[];
}

export interface PullRequestRead extends PullRequestEvidenceRead {
  /** Oldest first, as GitHub lists them. */
  commits: PullRequestCommit[];
  files: PullRequestFile[];
}

/** A pull request with every page of its commits and changed files. */
export async function readPullRequest(octokit: Octokit, repo: RepoRef, number: number, signal?: AbortSignal): Promise<PullRequestRead> {
  const req = { owner: repo.owner, repo: repo.repo, pull_number: number, request: { signal } };
  const [{ data: pr }, commits, files] = await Promise.all([
    octokit.rest.pulls.get(req),
    octokit.paginate(octokit.rest.pulls.listCommits, { ...req, per_page: 100 }),
    octokit.paginate(octokit.rest.pulls.listFiles, { ...req, per_page: 100 }),
  ]);
  return {
    pr: {
      ...toPullRequestInfo(pr),
      body: pr.body ?? '',
      createdAt: pr.created_at,
      headRef: pr.head.ref,
      baseRef: pr.base.ref,
      baseSha: pr.base.sha,
      requestedUsers: (pr.requested_reviewers ?? []).map((u) => u.login),
      requestedTeams: (pr.requested_teams ?? []).map((t) => t.slug),
      merge: pr.merged_at ? { mergedBy: pr.merged_by?.login ?? null, mergedAt: pr.merged_at, mergeCommitSha: pr.merge_commit_sha ?? null } : null,
    },
    commits: commits.map((c) => ({
      sha: c.sha,
      parents: c.parents.length,
      message: c.commit.message,
      author: c.commit.author?.name ?? c.author?.login ?? 'unknown',
      date: c.commit.author?.date ?? '',
      committedAt: c.commit.committer?.date ?? null,
    })),
    files: files.map((f) => ({ path: f.filename, status: f.status, ...(f.previous_filename ? { previousPath: f.previous_filename } : {}) })),
  };
}

/** Every review of a pull request by a known user, as the evidence records it. */
export async function listReviewEvidence(octokit: Octokit, repo: RepoRef, number: number, signal?: AbortSignal): Promise<ReviewEvidence[]> {
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { owner: repo.owner, repo: repo.repo, pull_number: number, per_page: 100, request: { signal } });
  return reviews
    .filter((r) => r.user)
    .map((r) => ({
      reviewer: r.user!.login,
      state: normaliseReviewState(r.state),
      submittedAt: r.submitted_at ?? null,
      commitId: r.commit_id ?? null,
      ...(r.body ? { body: r.body } : {}),
    }));
}

export function normaliseReviewState(state: string): ReviewEvidence['state'] {
  const upper = state.toUpperCase();
  if (upper === 'APPROVED' || upper === 'CHANGES_REQUESTED' || upper === 'COMMENTED' || upper === 'DISMISSED' || upper === 'PENDING') return upper;
  return 'COMMENTED';
}

/**
 * The numbers of the merged pull requests whose merge commits are in
 * `wanted`: closed pull requests into `base`, newest first, paged until
 * every merge commit is matched.
 */
export async function findMergedPulls(octokit: Octokit, repo: RepoRef, base: string, wanted: ReadonlySet<string>, signal?: AbortSignal): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (wanted.size === 0) return found;
  const iterator = octokit.paginate.iterator(octokit.rest.pulls.list, {
    ...repo,
    state: 'closed',
    base,
    sort: 'updated',
    direction: 'desc',
    per_page: 100,
    request: { signal },
  });
  type PullSummary = { number: number; merge_commit_sha: string | null; merged_at: string | null };
  for await (const page of iterator) {
    for (const pr of page.data as PullSummary[]) {
      if (pr.merged_at && pr.merge_commit_sha && wanted.has(pr.merge_commit_sha)) found.set(pr.merge_commit_sha, pr.number);
    }
    if (found.size === wanted.size) break;
  }
  return found;
}
