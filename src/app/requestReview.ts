/**
 * Request Review, the use case: asks the given reviewers to review the
 * branch's open pull request, leaving out the author and anyone already
 * requested or who has reviewed (GitHub's requested list drops them once
 * they review; asking again would notify them again).
 */
import type { Octokit } from '@octokit/rest';
import { ChangeControlError } from '../core/errors';
import type { RepoRef } from '../core/ports';
import { findOpenPullRequest, planReviewers, requestReviewers, withoutPastReviewers, type OpenedPullRequest, type ReviewerPlan } from '../github/pullRequests';

export interface RequestReviewInput {
  octokit: Octokit;
  repo: RepoRef;
  branch: string;
  reviewers: readonly string[];
  signal?: AbortSignal;
}

export interface RequestReviewResult {
  pr: OpenedPullRequest;
  /** Users and teams asked now. */
  requested: string[];
  skipped: ReviewerPlan['skipped'];
}

/** The branch's open pull request; a clear error when there is none. */
export async function openPullRequestOf(input: Pick<RequestReviewInput, 'octokit' | 'repo' | 'branch' | 'signal'>): Promise<OpenedPullRequest> {
  const pr = await findOpenPullRequest(input.octokit, input.repo, input.branch, input.signal);
  if (!pr) throw new ChangeControlError('github.notFound', `${input.branch} has no open pull request to request a review on.`, { hint: 'Open the pull request first.' });
  return pr;
}

export async function requestReview(input: RequestReviewInput, known?: OpenedPullRequest): Promise<RequestReviewResult> {
  const pr = known ?? (await openPullRequestOf(input));
  const plan = await withoutPastReviewers(input.octokit, input.repo, pr.number, planReviewers(input.reviewers, pr), input.signal);
  await requestReviewers(input.octokit, input.repo, pr.number, plan, input.signal);
  return { pr, requested: [...plan.users, ...plan.teams.map((t) => `${input.repo.owner}/${t}`)], skipped: plan.skipped };
}
