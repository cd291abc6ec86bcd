/**
 * Who can be asked to review: the repository's collaborators with push
 * access (GitHub refuses a review request to anyone else) and the teams
 * with access to it, as `login` and `org/team`. For the reviewer picker of
 * Create Pull Request and Request Reviewers; bounded to a few pages.
 */
import type { Octokit } from '@octokit/rest';
import type { RepoRef } from '../core/ports';
import { httpStatusOf } from './errors';

export interface ReviewerCandidate {
  /** `login` or `org/team`, as the review request takes it. */
  id: string;
  kind: 'user' | 'team';
  /** The team's name, or the user's login. */
  name: string;
}

/** Pages of 100 read at most, per list: a picker, not an export. */
const MAX_PAGES = 3;

export async function listReviewerCandidates(octokit: Octokit, repo: RepoRef, signal?: AbortSignal): Promise<ReviewerCandidate[]> {
  const [users, teams] = await Promise.all([collaborators(octokit, repo, signal), repoTeams(octokit, repo, signal)]);
  return [...users, ...teams];
}

async function collaborators(octokit: Octokit, repo: RepoRef, signal?: AbortSignal): Promise<ReviewerCandidate[]> {
  const out: ReviewerCandidate[] = [];
  let pages = 0;
  for await (const { data } of octokit.paginate.iterator(octokit.rest.repos.listCollaborators, { ...repo, per_page: 100, request: { signal } })) {
    for (const c of data) if (c.permissions?.push !== false) out.push({ id: c.login, kind: 'user', name: c.login });
    if (++pages >= MAX_PAGES) break;
  }
  return out;
}

async function repoTeams(octokit: Octokit, repo: RepoRef, signal?: AbortSignal): Promise<ReviewerCandidate[]> {
  const out: ReviewerCandidate[] = [];
  let pages = 0;
  try {
    for await (const { data } of octokit.paginate.iterator(octokit.rest.repos.listTeams, { ...repo, per_page: 100, request: { signal } })) {
      for (const t of data) out.push({ id: `${repo.owner}/${t.slug}`, kind: 'team', name: t.name });
      if (++pages >= MAX_PAGES) break;
    }
  } catch (err) {
    // A personal repository has no teams, and a token may not read them: users only.
    if (httpStatusOf(err) !== 404 && httpStatusOf(err) !== 403) throw err;
  }
  return out;
}
