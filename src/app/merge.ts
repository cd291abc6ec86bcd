/**
 * Merge, the use case both shells call (`change-control merge` and the
 * Change view's Merge): judge the change with THE gate (src/core/readiness),
 * refuse while it blocks (there is no "merge anyway"), merge on GitHub
 * pinned to the head the gate checked, with a method the repository allows
 * and a message our own linter passes; then delete the head branch when
 * the repository says so, put the change record on the ticket (once),
 * close the ticket when `tracker.closeOnMerge`, and bring the local base
 * branch up to date without losing local work.
 *
 * A re-run after a merge (or after a step failed) skips the merge and
 * finishes the steps after it; none of them repeats what is done.
 */
import type { Octokit } from '@octokit/rest';
import { isUnavailable, type PullRequestSection } from '../core/changeSnapshot';
import { lintMessage } from '../core/commitMessage/lint';
import { STORED_MESSAGE } from '../core/commitMessage/cleanup';
import { ChangeControlError, describeError } from '../core/errors';
import { countEvidenceApprovals } from '../core/evidence/findings';
import { changeRecordComment, chooseMergeMethod, fullMergeMessage, mergeCommitMessage, type MergeMethod } from '../core/merge';
import type { PolicySource } from '../core/policy/governingPolicy';
import type { Policy } from '../core/policy/schema';
import type { Logger, RepoRef, TicketRef } from '../core/ports';
import { assessReadiness } from '../core/readiness';
import { landMerge, type LandOptions, type LandResult } from '../git/landMerge';
import { translateGitHubError } from '../github/errors';
import { closeTicket, deleteHeadBranch, mergePullRequest, putChangeRecordOnce, readMergeSettings } from '../github/merge';
import { listReviewEvidence, readPullRequest } from '../github/pullRequestReads';
import { parseTicketId, trackerRepo } from '../tickets/githubTicketProvider';
import { readChangeSnapshot } from './changeStatus';
import { produceEvidence } from './evidenceReport';

export type MergeStep = 'check' | 'merge' | 'branch' | 'record' | 'close' | 'local';

export interface MergeInput {
  root: string;
  remote: string;
  github: { octokit: Octokit; repo: RepoRef; webUrl: string };
  /** The gate policy (the base branch's, tightened by the change's own). */
  policy: Policy;
  policySource?: PolicySource;
  /** The method asked for; default: the first the repository allows of merge, squash, rebase. */
  method?: MergeMethod;
  logger: Logger;
  onProgress?: (step: MergeStep, message: string) => void;
  signal?: AbortSignal;
  generatorVersion: string;
  now: () => Date;
  /** Strings the change record must never carry (the token). */
  secrets: () => readonly string[];
  /** The local update (default: src/git/landMerge.ts); tests hand in their own. */
  land?: (root: string, options: LandOptions) => Promise<LandResult>;
}

export interface MergeResult {
  pr: { number: number; url: string; title: string };
  /** False when the pull request was merged before this run (its steps after the merge were finished). */
  mergedNow: boolean;
  mergeCommitSha: string;
  /** Undefined when it was merged before this run. */
  method: MergeMethod | undefined;
  branchDeleted: boolean;
  record: { created: boolean; url?: string } | undefined;
  ticketClosed: boolean;
  /** The local update, or why it was not done (the merge itself stands). */
  local: LandResult | { error: string };
  /** What happened, in order ("merged PR #2 as 1a2b3c", "change record on #1"). */
  done: string[];
}

/** Merges the change when the gate says ready. Throws `merge.blocked` (with the blockers) when it does not. */
export async function mergeChange(input: MergeInput): Promise<MergeResult> {
  const { octokit, repo } = input.github;
  const done: string[] = [];
  const step = <T>(name: MergeStep, message: string, run: () => Promise<T>): Promise<T> => {
    input.onProgress?.(name, message);
    input.logger.info(`Merge: ${message}`);
    return run().catch((err: unknown) => {
      throw stepFailure(name, err, done);
    });
  };
  const snapshot = await step('check', 'Checking the change against the policy…', () =>
    readChangeSnapshot(input.root, { policy: input.policy, ...(input.policySource ? { policySource: input.policySource } : {}), remote: input.remote, github: input.github, ...(input.signal ? { signal: input.signal } : {}) }));
  const section = !isUnavailable(snapshot.github) && snapshot.github.status === 'ok' ? snapshot.github.pullRequest : undefined;
  const readiness = assessReadiness(snapshot);
  if (!section) throw blocked(readiness.blockers.length > 0 ? readiness.blockers : ['the branch has no pull request']);
  const pr = section.pr;
  let mergeCommitSha: string;
  let method: MergeMethod | undefined;
  let deleteBranch: boolean;
  let mergedNow = false;
  if (pr.state === 'merged') {
    const details = await step('check', `Pull request #${pr.number} is merged already; finishing the steps after the merge…`, () => readPullRequest(octokit, repo, pr.number, input.signal));
    mergeCommitSha = details.pr.merge?.mergeCommitSha ?? pr.headSha;
    deleteBranch = (await step('check', 'Reading the merge settings…', () => readMergeSettings(octokit, repo, input.signal))).deleteBranchOnMerge;
    done.push(`PR #${pr.number} was merged already`);
  } else {
    if (!readiness.ready) throw blocked(readiness.blockers);
    const settings = await step('check', 'Reading the merge settings…', () => readMergeSettings(octokit, repo, input.signal));
    const chosen = chooseMergeMethod(settings.allowed, input.method);
    if ('refused' in chosen) throw new ChangeControlError('merge.notAllowed', `Cannot merge pull request #${pr.number}: ${chosen.refused}.`, { hint: 'Pick a method the repository allows (Settings → General → Pull Requests).' });
    method = chosen.method;
    deleteBranch = settings.deleteBranchOnMerge;
    const message = await mergeMessage(input, section, method, snapshot.branch.name ?? '', snapshot.ticket.id);
    mergeCommitSha = await step('merge', `Merging pull request #${pr.number} (${method}) at ${pr.headSha.slice(0, 12)}…`, () =>
      mergePullRequest(octokit, repo, { number: pr.number, sha: pr.headSha, method: method!, ...(message ?? {}) }, input.signal));
    mergedNow = true;
    done.push(`merged PR #${pr.number} as ${mergeCommitSha.slice(0, 12)}`);
  }
  const branch = snapshot.branch.name;
  let branchDeleted = false;
  if (deleteBranch && branch) {
    branchDeleted = await step('branch', `Deleting the branch ${branch} on GitHub…`, () => deleteHeadBranch(octokit, repo, branch, input.signal));
    if (branchDeleted) done.push(`deleted ${branch} on GitHub`);
  }
  const ticketRef = snapshot.ticket.id ? parseTicketId(snapshot.ticket.id, trackerRepo(repo, input.policy.tracker)) : undefined;
  const record = ticketRef ? await step('record', `Putting the change record on ticket ${snapshot.ticket.id}…`, () => putRecord(input, ticketRef, pr.number, mergeCommitSha, method)) : undefined;
  if (record) done.push(record.created ? `change record on ticket ${snapshot.ticket.id}` : `ticket ${snapshot.ticket.id} had its change record`);
  let ticketClosed = false;
  if (ticketRef && input.policy.tracker.closeOnMerge) {
    ticketClosed = await step('close', `Closing ticket ${snapshot.ticket.id}…`, () => closeTicket(octokit, ticketRef, input.signal));
    if (ticketClosed) done.push(`closed ticket ${snapshot.ticket.id}`);
  }
  const local = await landLocally(input, branch, pr.headSha, deleteBranch, done);
  return { pr: { number: pr.number, url: pr.url, title: pr.title }, mergedNow, mergeCommitSha, method, branchDeleted, record, ticketClosed, local, done };
}

function blocked(blockers: readonly string[]): ChangeControlError {
  return new ChangeControlError('merge.blocked', `Not merged: the gate blocks it. ${blockers.map((b) => `${b}.`).join(' ').replace(/\.\./g, '.')}`, {
    hint: 'Fix what blocks it, then merge again.',
    detail: { blockers: [...blockers] },
  });
}

/** The merge commit message, checked by our own linter; undefined for rebase. */
async function mergeMessage(input: MergeInput, section: PullRequestSection, method: MergeMethod, headRef: string, ticketId: string | undefined): Promise<{ title: string; message: string } | undefined> {
  const { octokit, repo } = input.github;
  const reviews = await listReviewEvidence(octokit, repo, section.pr.number, input.signal);
  const approvals = countEvidenceApprovals(reviews, { author: section.pr.author, allowSelfApproval: input.policy.review.allowSelfApproval, headSha: section.pr.headSha }).approvals;
  const message = mergeCommitMessage({
    method,
    pr: { number: section.pr.number, title: section.pr.title, headRef, owner: repo.owner },
    ticketId,
    approvals: approvals.map((a) => ({ reviewer: a.reviewer, commitId: a.commitId })),
    subjectMaxLength: input.policy.commit.subjectMaxLength,
  });
  if (!message) return undefined;
  const errors = lintMessage(fullMergeMessage(message), { policy: input.policy, cleanup: STORED_MESSAGE, merge: method === 'merge' }).filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new ChangeControlError('merge.blocked', `Not merged: the merge commit message would break the policy: ${errors.map((e) => e.message).join(' ')}`, {
      hint: method === 'squash' ? 'Edit the pull request title (it becomes the commit subject), then merge again.' : 'Edit the pull request title, then merge again.',
      detail: { message: fullMergeMessage(message) },
    });
  }
  return message;
}

async function putRecord(input: MergeInput, ticket: TicketRef, number: number, mergeCommitSha: string, method: MergeMethod | undefined): Promise<{ created: boolean; url?: string }> {
  const { octokit, repo, webUrl } = input.github;
  const doc = await produceEvidence({
    root: input.root, octokit, repo, repoUrl: webUrl, policy: input.policy, scope: { kind: 'pull-request', number },
    generatorVersion: input.generatorVersion, now: input.now(), secrets: input.secrets, ...(input.signal ? { signal: input.signal } : {}),
  });
  const change = doc.changes[0];
  if (!change?.pullRequest) throw new ChangeControlError('internal', `The evidence of pull request #${number} is missing.`);
  const body = changeRecordComment({ change, mergeCommitSha, ...(method ? { method } : {}), base: change.pullRequest.baseRef });
  return putChangeRecordOnce(octokit, ticket, change.pullRequest.url, body, input.signal);
}

/** The local update; a failure is reported, never thrown: the merge on GitHub stands. */
async function landLocally(input: MergeInput, branch: string | undefined, headSha: string, deleteLocal: boolean, done: string[]): Promise<LandResult | { error: string }> {
  if (!branch) return { error: 'not on a branch: the local base was left as it is' };
  input.onProgress?.('local', `Updating ${input.policy.branch.base} locally…`);
  try {
    const land = input.land ?? landMerge;
    const result = await land(input.root, { remote: input.remote, base: input.policy.branch.base, branch, mergedHeadSha: headSha, deleteLocalBranch: deleteLocal, ...(input.signal ? { signal: input.signal } : {}) });
    done.push(result.switched ? `switched to ${input.policy.branch.base} at ${result.baseSha.slice(0, 12)}` : `${input.policy.branch.base} fast-forwarded to ${result.baseSha.slice(0, 12)}`);
    if (result.deletedLocalBranch) done.push(`deleted the local branch ${branch}`);
    return result;
  } catch (err) {
    input.logger.warn('Merge: the local update failed:', err);
    return { error: describeError(err) };
  }
}

const STEP_NAMES: Record<MergeStep, string> = {
  check: 'checking the change',
  merge: 'merging on GitHub',
  branch: 'deleting the head branch',
  record: 'putting the change record on the ticket',
  close: 'closing the ticket',
  local: 'updating the local base branch',
};

function stepFailure(step: MergeStep, err: unknown, done: readonly string[]): ChangeControlError {
  const cause = translateGitHubError(err);
  if (cause.code.startsWith('merge.')) return cause;
  const already = done.length > 0 ? ` Already done: ${done.join(', ')}.` : ' Nothing was changed.';
  return new ChangeControlError(cause.code, `Merge failed while ${STEP_NAMES[step]}: ${cause.message}${already}`, {
    cause: err,
    hint: [cause.hint, done.length > 0 ? 'Run Merge again: it finishes the steps after the merge.' : undefined].filter(Boolean).join(' '),
    detail: { step, done: [...done] },
  });
}
