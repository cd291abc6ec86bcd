/**
 * Open Pull Request, orchestrated: prepare (gather the facts, run the
 * pre-flight, draft title and body) and then open (push, find or create
 * the pull request, request reviewers, link it from the ticket). Each step
 * reports progress and honours cancellation; a failure says which step
 * failed and what is already done, so nothing is half-done silently.
 */
import type { Octokit } from '@octokit/rest';
import { ChangeControlError, isChangeControlError } from '../core/errors';
import type { Policy } from '../core/policy/schema';
import { TICKET_KEY, type GitPort, type Logger, type Ticket, type TicketProvider } from '../core/ports';
import {
  changeKind,
  describeCommits,
  evaluatePreflight,
  pickTemplate,
  pullRequestBody,
  pullRequestTitle,
  summarizeTests,
  type BodyInput,
  type ChangeCommit,
  type CommitLinter,
  type Preflight,
} from '../core/pullRequest';
import { checkTests } from '../core/testMatching/checkTests';
import type { TestCheckResult } from '../core/testMatching/types';
import { compileTicketPattern } from '../core/ticketId';
import { GitRepository } from '../git/gitRepository';
import type { RepoRef, TicketRef } from '../core/ports';
import { GitHubTicketProvider, parseTicketId, trackerRepo } from '../tickets/githubTicketProvider';
import { readTicketApprover } from './ticketApprover';
import { translateGitHubError } from '../github/errors';
import { commentOnTicketOnce, createPullRequest, findOpenPullRequest, planReviewers, requestReviewers, withoutPastReviewers, type OpenedPullRequest, type ReviewerPlan } from '../github/pullRequests';

export interface PrepareOptions {
  root: string;
  remote: string;
  repo: RepoRef;
  policy: Policy;
  octokit: Octokit;
  lint: CommitLinter;
  signal?: AbortSignal;
  /** The git port (default: the repository at `root`); unit tests hand in a fake. */
  git?: PullRequestGit;
  /** Where the ticket is looked up (default: GitHub issues of the tracker repository). */
  tickets?: TicketProvider;
}

/** What Open Pull Request needs from git. */
export type PullRequestGit = Pick<GitPort, 'currentBranch' | 'baseState' | 'commitsInRange' | 'getBranchConfig' | 'readChange' | 'templateCandidates' | 'trackedFile' | 'push'>;

export interface PreparedPullRequest {
  root: string;
  remote: string;
  repo: RepoRef;
  policy: Policy;
  branch: string | undefined;
  ticketId: string | undefined;
  ticket: Ticket | undefined;
  /** Where the ticket lives on GitHub, when it is a GitHub issue. */
  ticketRef: TicketRef | undefined;
  commits: ChangeCommit[];
  tests: TestCheckResult | undefined;
  behindBase: number | undefined;
  preflight: Preflight;
  title: string;
  body: string;
  /** What the body was made from, to rebuild it with another description. */
  bodyInput: BodyInput;
  /** The template used and the other templates the user may pick instead. */
  template: { path: string; alternatives: string[] } | undefined;
}

/** Gathers the facts, runs the pre-flight and drafts the pull request. Changes nothing. */
export async function preparePullRequest(options: PrepareOptions): Promise<PreparedPullRequest> {
  const { root, remote, repo, policy, signal } = options;
  const git = options.git ?? new GitRepository(root);
  // A HEAD that cannot be read counts as detached: the pre-flight then says "not on a branch".
  const branch = await git.currentBranch().catch(() => undefined);
  const base = await git.baseState(remote, policy.branch.base, signal);
  throwIfCancelled(signal);
  const commits = branch ? (await git.commitsInRange(`${base.baseRef}..HEAD`)).filter((c) => c.parents < 2) : [];
  const ticketId = (branch ? await git.getBranchConfig(branch, TICKET_KEY) : undefined) ?? ticketFromCommits(commits, policy);
  const found = await lookUpTicket(options, ticketId);
  // Who applied the approval label, when the policy says who may (tracker.approvers).
  const approver = found.ticket?.approved && found.ref ? await readTicketApprover(options.octokit, found.ref, policy.tracker, options.signal ? { signal: options.signal } : {}) : undefined;
  const tests = await runTestsCheck(git, remote, policy, signal);
  const preflight = evaluatePreflight({
    policy, branch, ticketId, ticket: found.ticket, commits, lint: options.lint, tests, behindBase: base.behind,
    ...(found.error ? { ticketLookupError: found.error } : {}),
    ...(approver ? { ticketApprover: approver } : {}),
    ...(base.note ? { behindBaseNote: base.note } : {}),
  });
  const template = pickTemplate(await git.templateCandidates());
  const templateText = template ? await git.trackedFile(template.path) : undefined;
  const bodyInput: BodyInput = {
    ticket: found.ticket,
    ticketId: found.ticket?.id ?? ticketId ?? '(no ticket)',
    kind: changeKind(branch, found.ticket),
    description: describeCommits(commits),
    testsSummary: summarizeTests(tests),
    ...(templateText !== undefined ? { template: templateText } : {}),
  };
  const body = pullRequestBody(bodyInput);
  return {
    root, remote, repo, policy, branch, ticketId, ticket: found.ticket, ticketRef: found.ref, commits, tests,
    behindBase: base.behind, preflight, title: pullRequestTitle(found.ticket, ticketId, commits), body, bodyInput, template,
  };
}

function ticketFromCommits(commits: readonly ChangeCommit[], policy: Policy): string | undefined {
  const re = compileTicketPattern(policy.commit.ticketPattern);
  for (const c of commits) {
    const m = re.firstMatch(c.message);
    if (m) return m;
  }
  return undefined;
}

async function lookUpTicket(options: PrepareOptions, ticketId: string | undefined): Promise<{ ticket?: Ticket; ref?: TicketRef; error?: string }> {
  if (!ticketId) return {};
  const tracker = trackerRepo(options.repo, options.policy.tracker);
  const ref = parseTicketId(ticketId, tracker);
  if (!ref) return { error: `"${ticketId}" is not a GitHub issue ID of ${tracker.owner}/${tracker.repo}` };
  const provider = options.tickets ?? new GitHubTicketProvider({ octokit: options.octokit, codeRepo: options.repo, tracker: options.policy.tracker });
  const ticket = await provider.get(ticketId, options.signal);
  return ticket ? { ticket, ref } : { ref };
}

async function runTestsCheck(git: Pick<GitPort, 'readChange'>, remote: string, policy: Policy, signal?: AbortSignal): Promise<TestCheckResult | undefined> {
  try {
    const change = await git.readChange({ baseBranch: policy.branch.base, remote, ...(signal ? { signal } : {}) });
    return checkTests({ base: change.baseRef, changes: change.changes, tree: change.tree, inlineTests: change.inlineTests, policy: policy.tests });
  } catch (err) {
    if (isChangeControlError(err, 'cancelled')) throw err;
    // The pre-flight reports "the check did not run" as a warning.
    return undefined;
  }
}

export interface OpenChoices {
  title: string;
  body: string;
  draft: boolean;
  reviewers: string[];
}

export type OpenStep = 'push' | 'find' | 'create' | 'reviewers' | 'comment';

export interface OpenOptions {
  octokit: Octokit;
  logger: Logger;
  onProgress?: (step: OpenStep, message: string) => void;
  signal?: AbortSignal;
  /** The git port (default: the repository the pull request was prepared in). */
  git?: Pick<GitPort, 'push'>;
}

export interface OpenResult {
  pr: OpenedPullRequest;
  created: boolean;
  pushed: boolean;
  reviewers: ReviewerPlan;
  reviewersRequested: boolean;
  commented: boolean;
  /** What happened, in order, for the report ("pushed feature/x", "created PR #4"). */
  done: string[];
}

/** Opens (or finds) the pull request. Refuses when the pre-flight has blockers. */
export async function openPullRequest(prepared: PreparedPullRequest, choices: OpenChoices, options: OpenOptions): Promise<OpenResult> {
  const { preflight, branch, repo } = prepared;
  if (preflight.blockers.length > 0 || !branch) {
    throw new ChangeControlError('usage', `The pull request is blocked: ${preflight.blockers.map((b) => b.message).join(' ')}`);
  }
  const { octokit, signal } = options;
  const done: string[] = [];
  const step = async <T>(name: OpenStep, message: string, run: () => Promise<T>): Promise<T> => {
    throwIfCancelled(signal, done);
    options.onProgress?.(name, message);
    options.logger.info(`Open Pull Request: ${message}`);
    try {
      return await run();
    } catch (err) {
      throw stepFailure(name, err, done);
    }
  };
  const push = await step('push', `Pushing ${branch} to ${prepared.remote}…`, () => (options.git ?? new GitRepository(prepared.root)).push(prepared.remote, branch, signal));
  done.push(push.updated ? `pushed ${branch}` : `${branch} was already pushed`);
  let pr = await step('find', 'Looking for an open pull request…', () => findOpenPullRequest(octokit, repo, branch, signal));
  let created = false;
  if (pr) {
    done.push(`found open PR #${pr.number}`);
  } else {
    const made = await step('create', 'Creating the pull request…', () => createOrFind(octokit, prepared, choices, signal));
    ({ pr, created } = made);
    done.push(created ? `PR #${pr.number} created` : `found PR #${pr.number}, opened meanwhile`);
  }
  const current = pr;
  let plan = planReviewers(choices.reviewers, current);
  if (!created && plan.users.length > 0) {
    const first = plan;
    plan = await step('reviewers', 'Checking past reviews…', () => withoutPastReviewers(octokit, repo, current.number, first, signal));
  }
  for (const s of plan.skipped) options.logger.warn(`Reviewer ${s.reviewer} ${s.reason}; not requested.`);
  const reviewersRequested = await step('reviewers', 'Requesting reviewers…', () => requestReviewers(octokit, repo, current.number, plan, signal));
  if (reviewersRequested) done.push(`reviewers requested (${[...plan.users, ...plan.teams].join(', ')})`);
  let commented = false;
  if (prepared.ticketRef) {
    const ref = prepared.ticketRef;
    commented = await step('comment', `Linking PR #${current.number} from ticket ${prepared.ticketId}…`, () => commentOnTicketOnce(octokit, ref, current, signal));
    done.push(commented ? `ticket ${prepared.ticketId} linked to the PR` : `ticket ${prepared.ticketId} already linked`);
  }
  return { pr: current, created, pushed: push.updated, reviewers: plan, reviewersRequested, commented, done };
}

/** Creates the PR; if one appeared meanwhile (422 "already exists"), uses that one. */
async function createOrFind(octokit: Octokit, prepared: PreparedPullRequest, choices: OpenChoices, signal?: AbortSignal): Promise<{ pr: OpenedPullRequest; created: boolean }> {
  try {
    const pr = await createPullRequest(octokit, prepared.repo, {
      branch: prepared.branch!, base: prepared.policy.branch.base, title: choices.title, body: choices.body, draft: choices.draft,
    }, signal);
    return { pr, created: true };
  } catch (err) {
    const text = validationText(err);
    if (/already exists/i.test(text)) {
      const existing = await findOpenPullRequest(octokit, prepared.repo, prepared.branch!, signal);
      if (existing) return { pr: existing, created: false };
    }
    if (/no commits between/i.test(text)) {
      throw new ChangeControlError('github.validation', `GitHub sees no commits between ${prepared.policy.branch.base} and ${prepared.branch}.`, {
        cause: err, hint: `Commit your change on ${prepared.branch}, or check that the base branch is right.`,
      });
    }
    throw err;
  }
}

/** The reasons of a 422 (the client has translated it to github.validation). */
function validationText(err: unknown): string {
  return isChangeControlError(err, 'github.validation') ? err.message : '';
}

const STEP_NAMES: Record<OpenStep, string> = {
  push: 'pushing the branch',
  find: 'looking for an existing pull request',
  create: 'creating the pull request',
  reviewers: 'requesting reviewers',
  comment: 'linking the pull request from the ticket',
};

/** The error of a failed step, saying what is already done. */
function stepFailure(step: OpenStep, err: unknown, done: readonly string[]): ChangeControlError {
  const cause = translateGitHubError(err);
  const already = alreadyDone(done);
  if (cause.code === 'cancelled') {
    return new ChangeControlError('cancelled', `Open Pull Request was cancelled while ${STEP_NAMES[step]}.${already}`, { cause: err, detail: { step, done: [...done] } });
  }
  return new ChangeControlError(cause.code, `Open Pull Request failed while ${STEP_NAMES[step]}: ${cause.message}${already}`, {
    cause: err,
    hint: [cause.hint, done.length > 0 ? 'Run Open Pull Request again: it continues where it stopped.' : undefined].filter(Boolean).join(' '),
    detail: { step, done: [...done] },
  });
}

function throwIfCancelled(signal: AbortSignal | undefined, done: readonly string[] = []): void {
  if (!signal?.aborted) return;
  throw new ChangeControlError('cancelled', `Open Pull Request was cancelled.${alreadyDone(done)}`, { detail: { done: [...done] } });
}

/** " Already done: pushed x, PR #4 created." — or that nothing changed. */
function alreadyDone(done: readonly string[]): string {
  return done.length > 0 ? ` Already done: ${done.join(', ')}.` : ' Nothing was changed.';
}
