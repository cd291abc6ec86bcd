/**
 * Read Change Status, the use case: the local git state of the branch,
 * then its pull request (reviews, requested reviewers, the head commit's
 * statuses and check runs) and its ticket (issue) with the comments for
 * the back-link. The requests are the adapters' (src/github); this file
 * decides what is asked and how a failure shows: as a section that says
 * why, never as a throw. Independent requests run in parallel: a refresh
 * is three round trips at most.
 */
import type { Octokit } from '@octokit/rest';
import {
  isUnavailable,
  type ChangeSnapshot,
  type GitHubSection,
  type PullRequestInfo,
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
import { translateGitHubError } from '../github/errors';
import { listIssueComments, readIssue } from '../github/issues';
import { findBranchPullRequest, readPullRequestSection } from '../github/pullRequestReads';
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
    // Comments are LGTM sign-offs only under "approval-or-lgtm": otherwise they are not asked for.
    const section = await readPullRequestSection(input.octokit, input.repo, pr, input.signal, { comments: input.policy.review.signOff === 'approval-or-lgtm' });
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

async function readTicket(input: ChangeStatusInput, ref: TicketRef | undefined): Promise<{ section: TicketSection; texts?: string[] }> {
  if (!input.ticketId) return { section: {} };
  if (!ref) return { section: { id: input.ticketId, lookup: { status: 'skipped', reason: 'not a GitHub issue' } } };
  const issue = await readIssue(input.octokit, ref, input.signal);
  if (!issue) return { section: { id: input.ticketId, lookup: { status: 'notFound', reason: `no issue ${ref.owner}/${ref.repo}#${ref.number}` } } };
  if (issue.pull_request) return { section: { id: input.ticketId, lookup: { status: 'notFound', reason: `#${ref.number} is a pull request, not an issue` } } };
  const comments = await listIssueComments(input.octokit, ref, input.signal);
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
