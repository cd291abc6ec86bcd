/**
 * Merging on GitHub: the repository's merge settings, the merge itself
 * (pinned to the head sha the gate checked, so a push after the check
 * makes GitHub refuse with 409 instead of merging unchecked commits),
 * deleting the head branch, the change-record comment on the ticket (once)
 * and closing the ticket. Requests and their failures only; the decisions
 * are in src/core/merge.ts and src/app/merge.ts.
 */
import type { Octokit } from '@octokit/rest';
import { ChangeControlError } from '../core/errors';
import { isChangeRecordComment, type MergeMethod, type MergeSettings } from '../core/merge';
import type { RepoRef, TicketRef } from '../core/ports';
import { httpStatusOf } from './errors';

const req = (signal: AbortSignal | undefined): { request: { signal?: AbortSignal } } => ({ request: signal ? { signal } : {} });

/** The merge methods the repository allows and whether it deletes merged head branches. */
export async function readMergeSettings(octokit: Octokit, repo: RepoRef, signal?: AbortSignal): Promise<MergeSettings> {
  const { data } = await octokit.rest.repos.get({ ...repo, ...req(signal) });
  const allowed: MergeMethod[] = [];
  // GitHub omits the fields for a token without push access: then nothing is known to be allowed.
  if (data.allow_merge_commit) allowed.push('merge');
  if (data.allow_squash_merge) allowed.push('squash');
  if (data.allow_rebase_merge) allowed.push('rebase');
  return { allowed, deleteBranchOnMerge: data.delete_branch_on_merge === true };
}

export interface MergeRequest {
  number: number;
  /** The head commit the gate judged: GitHub refuses (409) when the head is another. */
  sha: string;
  method: MergeMethod;
  title?: string;
  message?: string;
}

/** Merges the pull request; returns the merge commit's sha. */
export async function mergePullRequest(octokit: Octokit, repo: RepoRef, m: MergeRequest, signal?: AbortSignal): Promise<string> {
  try {
    const { data } = await octokit.rest.pulls.merge({
      ...repo,
      pull_number: m.number,
      sha: m.sha,
      merge_method: m.method,
      ...(m.title !== undefined ? { commit_title: m.title } : {}),
      ...(m.message !== undefined ? { commit_message: m.message } : {}),
      ...req(signal),
    });
    return data.sha;
  } catch (err) {
    const status = httpStatusOf(err);
    if (status === 409) {
      throw new ChangeControlError('merge.headMoved', `Pull request #${m.number} was not merged: its head is no longer ${m.sha.slice(0, 12)}, the commit the gate checked.`, {
        cause: err,
        hint: 'Refresh to check the new commits, then merge again.',
      });
    }
    if (status === 405) {
      throw new ChangeControlError('merge.notAllowed', `GitHub refused to merge pull request #${m.number}: ${githubMessage(err)}`, {
        cause: err,
        hint: "Check the pull request on GitHub (branch protection, conflicts, or the repository's merge settings).",
      });
    }
    throw err;
  }
}

function githubMessage(err: unknown): string {
  const detail = err instanceof ChangeControlError ? err.detail?.githubMessage : undefined;
  if (typeof detail === 'string' && detail) return detail;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Deletes the head branch on GitHub. False when it is already gone
 * (GitHub may delete it itself: 422 "Reference does not exist").
 */
export async function deleteHeadBranch(octokit: Octokit, repo: RepoRef, branch: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await octokit.rest.git.deleteRef({ ...repo, ref: `heads/${branch}`, ...req(signal) });
    return true;
  } catch (err) {
    const status = httpStatusOf(err);
    if (status === 422 || status === 404) return false;
    throw err;
  }
}

/** How many comment pages to scan for the record's marker (100 each). */
const MAX_COMMENT_PAGES = 10;

/** Comments `body` on the ticket unless a comment carries the record marker of `prUrl`. Returns whether it commented. */
export async function putChangeRecordOnce(octokit: Octokit, ticket: TicketRef, prUrl: string, body: string, signal?: AbortSignal): Promise<{ created: boolean; url?: string }> {
  const target = { owner: ticket.owner, repo: ticket.repo, issue_number: ticket.number };
  let pages = 0;
  for await (const { data } of octokit.paginate.iterator(octokit.rest.issues.listComments, { ...target, per_page: 100, ...req(signal) })) {
    const found = data.find((c) => isChangeRecordComment(c.body, prUrl));
    if (found) return { created: false, url: found.html_url };
    if (++pages >= MAX_COMMENT_PAGES) break;
  }
  const { data } = await octokit.rest.issues.createComment({ ...target, body, ...req(signal) });
  return { created: true, url: data.html_url };
}

/** Closes the ticket as completed; false when it was closed already. */
export async function closeTicket(octokit: Octokit, ticket: TicketRef, signal?: AbortSignal): Promise<boolean> {
  const target = { owner: ticket.owner, repo: ticket.repo, issue_number: ticket.number };
  const { data } = await octokit.rest.issues.get({ ...target, ...req(signal) });
  if (data.state === 'closed') return false;
  await octokit.rest.issues.update({ ...target, state: 'closed', state_reason: 'completed', ...req(signal) });
  return true;
}
