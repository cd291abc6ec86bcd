/**
 * The repository's open pull requests from its own branches (one page of
 * 100, newest first), so Start Change can offer a ticket's pull request
 * instead of making a second branch.
 */
import type { Octokit } from '@octokit/rest';
import type { OpenPull } from '../core/existingWork';
import type { RepoRef } from '../core/ports';

export async function listOpenPulls(octokit: Octokit, repo: RepoRef, signal?: AbortSignal): Promise<OpenPull[]> {
  const { data } = await octokit.rest.pulls.list({ ...repo, state: 'open', per_page: 100, ...(signal ? { request: { signal } } : {}) });
  return data
    .filter((p) => (p.head.repo?.full_name ?? '').toLowerCase() === `${repo.owner}/${repo.repo}`.toLowerCase())
    .map((p) => ({ number: p.number, url: p.html_url, head: p.head.ref }));
}
