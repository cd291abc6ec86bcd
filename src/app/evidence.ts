/**
 * Collect Evidence, the gathering half: for a pull request or a release
 * range, ask GitHub (src/github adapters) and the local git history for
 * the facts and put them into the evidence shape. The judgement (findings,
 * summary) is pure and lives in src/core/evidence.
 */
import type { Octokit } from '@octokit/rest';
import { ChangeControlError, describeError } from '../core/errors';
import type { ChangeEvidence, PullRequestEvidence, ReviewEvidence } from '../core/evidence/schema';
import { approvalFromEvents } from '../core/evidence/document';
import { countEvidenceApprovals } from '../core/evidence/findings';
import { isLgtm } from '../core/rules/approvals';
import type { Fact, LabelApprover } from '../core/rules/facts';
import { readTicketApprover } from './ticketApprover';
import { POLICY_FILE, type Policy } from '../core/policy/schema';
import { compileTicketPattern } from '../core/ticketId';
import type { EvidenceGit, RepoRef } from '../core/ports';
import { parseTicketId, trackerRepo } from '../tickets/githubTicketProvider';
import { linksTo } from './changeStatus';
import { readEvidenceChecks } from '../github/commitChecks';
import { listIssueComments, listLabelEvents, readIssue } from '../github/issues';
import { findMergedPulls, listPullComments, listReviewEvidence, readPullRequest } from '../github/pullRequestReads';
import { readReviewThreads } from '../github/reviewThreads';
import { translateGitHubError } from '../github/errors';

type Change = Omit<ChangeEvidence, 'findings'>;
type Commit = Change['commits'][number];
type Tests = NonNullable<Change['tests']>;

export interface EvidenceGatherer {
  octokit: Octokit;
  repo: RepoRef;
  policy: Policy;
  git: EvidenceGit;
  /** Lints one commit message with the policy (core lintMessage, adapted). */
  lint: (message: string) => Commit['lint'];
  /** Pairs the changed paths with tests in the given tree (core test matching, adapted). */
  checkTests: (changed: { path: string; status: string }[], treeFiles: string[]) => Tests;
  onProgress?: (message: string, done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Evidence for one pull request. */
export async function gatherPullRequest(g: EvidenceGatherer, number: number): Promise<Change> {
  // LGTM comments sign off only under "approval-or-lgtm"; otherwise they are not asked for.
  const lgtmCounts = g.policy.review.signOff === 'approval-or-lgtm';
  const [{ pr, commits, files }, reviews, comments, threads] = await Promise.all([
    readPullRequest(g.octokit, g.repo, number, g.signal),
    listReviewEvidence(g.octokit, g.repo, number, g.signal),
    lgtmCounts ? listPullComments(g.octokit, g.repo, number, g.signal) : [],
    threadEvidence(g, number),
  ]);
  const headSha = pr.headSha;
  const [checks, ticketFacts, tree] = await Promise.all([
    readEvidenceChecks(g.octokit, g.repo, headSha, g.signal),
    gatherTicket(g, findTicketId(g.policy, pr.title, pr.headRef, pr.body), pr.url, number),
    g.git.treeFiles(headSha),
  ]);
  const reviewEvidence: ReviewEvidence[] = [
    ...reviews,
    ...comments.filter((c) => c.author && isLgtm(c.body)).map((c) => ({
      reviewer: c.author, state: 'COMMENTED' as const, submittedAt: c.createdAt, commitId: null, body: c.body, kind: 'comment' as const,
    })),
  ];
  const author = pr.author || 'unknown';
  const review = g.policy.review;
  const approvers = countEvidenceApprovals(reviewEvidence, {
    author, allowSelfApproval: review.allowSelfApproval, headSha, signOff: review.signOff, requireLatestCommit: review.requireApprovalOfLatestCommit,
  }).approvals.map((r) => r.reviewer);
  const lastCommit = commits[commits.length - 1];
  return {
    kind: 'pull-request',
    label: `PR #${number}`,
    ticketId: ticketFacts.id,
    ticket: ticketFacts.ticket,
    ticketBackLink: ticketFacts.backLink,
    branch: { head: pr.headRef, base: pr.baseRef },
    commits: commits.map((c) => toCommit(g, c.sha, c.author, c.date, c.message)),
    tests: tree ? g.checkTests(files.map((f) => ({ path: f.path, status: f.status })), tree) : null,
    pullRequest: {
      number,
      url: pr.url,
      title: pr.title,
      author,
      body: pr.body,
      state: pr.state,
      createdAt: pr.createdAt,
      headRef: pr.headRef,
      baseRef: pr.baseRef,
      headSha,
      lastCommitAt: lastCommit?.committedAt ?? null,
      requestedReviewers: [...pr.requestedUsers, ...pr.requestedTeams],
      reviews: reviewEvidence,
      approvals: { counted: approvers.length, required: g.policy.review.requiredApprovals, approvers },
      checks,
      ...threads,
    },
    merge: pr.merge,
    ...(files.some((f) => f.path === POLICY_FILE || f.previousPath === POLICY_FILE) ? { policyChanged: true } : {}),
  };
}

/** Every review conversation with who resolved it; why not, when GraphQL could not answer (never a throw). */
async function threadEvidence(g: EvidenceGatherer, number: number): Promise<Pick<PullRequestEvidence, 'reviewThreads' | 'reviewThreadsUnknown'>> {
  try {
    const threads = await readReviewThreads(g.octokit, g.repo, number, { lastComment: true, ...(g.signal ? { signal: g.signal } : {}) });
    return {
      reviewThreads: threads.map((t) => ({
        path: t.path, line: t.line, isResolved: t.isResolved, isOutdated: t.isOutdated, author: t.author, body: t.body, url: t.url,
        createdAt: t.createdAt || null, comments: t.comments, resolvedBy: t.resolvedBy, lastCommentAt: t.lastCommentAt ?? null,
      })),
    };
  } catch (err) {
    return { reviewThreadsUnknown: describeError(translateGitHubError(err)) };
  }
}

/**
 * Evidence for every change in a release range: each first-parent commit of
 * `from..to` is a merged pull request or a direct commit to the base branch.
 */
export async function gatherRange(g: EvidenceGatherer, from: string, to: string): Promise<Change[]> {
  const commits = await g.git.firstParentCommits(from, to);
  const bySha = await findMergedPulls(g.octokit, g.repo, g.policy.branch.base, new Set(commits.map((c) => c.sha)), g.signal);
  const changes: Change[] = [];
  for (const [i, commit] of commits.entries()) {
    if (g.signal?.aborted) throw new ChangeControlError('cancelled', 'Evidence gathering was cancelled.');
    const number = bySha.get(commit.sha) ?? mergeMessagePull(commit.message);
    g.onProgress?.(number ? `PR #${number}` : `commit ${commit.sha.slice(0, 12)}`, i, commits.length);
    if (number) changes.push(await gatherPullRequest(g, number));
    else changes.push({ ...directCommit(g, commit), ...((await g.git.editsPolicy?.(commit.sha)) ? { policyChanged: true } : {}) });
  }
  g.onProgress?.('done', commits.length, commits.length);
  return changes;
}

interface TicketFacts {
  id: string | null;
  ticket: Change['ticket'];
  backLink: Change['ticketBackLink'];
}

async function gatherTicket(g: EvidenceGatherer, id: string | null, prUrl: string, prNumber: number): Promise<TicketFacts> {
  const none = { present: false, url: null, at: null };
  if (!id) return { id: null, ticket: null, backLink: none };
  const target = parseTicketId(id, trackerRepo(g.repo, g.policy.tracker));
  if (!target) return { id, ticket: null, backLink: none };
  const issue = await readIssue(g.octokit, target, g.signal);
  if (!issue) return { id, ticket: null, backLink: none };
  const [labelEvents, comments] = await Promise.all([listLabelEvents(g.octokit, target, g.signal), listIssueComments(g.octokit, target, g.signal)]);
  const labels = issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
  const approvalLabel = g.policy.tracker.approvalLabel.toLowerCase();
  const approved = labels.some((l) => l.toLowerCase() === approvalLabel);
  const approval = approved ? approvalFromEvents(labelEvents, g.policy.tracker.approvalLabel) : undefined;
  const approver = approved ? await readTicketApprover(g.octokit, target, g.policy.tracker, { events: labelEvents, ...(g.signal ? { signal: g.signal } : {}) }) : undefined;
  const mentions = (text: string | null | undefined): boolean => linksTo([text ?? ''], g.repo, { number: prNumber, url: prUrl }, target);
  const linkComment = comments.find((c) => mentions(c.body));
  return {
    id,
    ticket: {
      id,
      title: issue.title,
      url: issue.html_url,
      state: issue.state === 'closed' ? 'closed' : 'open',
      approved,
      approvedBy: approval?.by ?? null,
      approvedAt: approval?.at ?? null,
      labelEvents: labelEvents.filter((e) => e.label.toLowerCase() === approvalLabel).map(({ action, actor, at }) => ({ action, actor, at })),
      ...approverEvidence(approver),
    },
    backLink: linkComment
      ? { present: true, url: linkComment.url, at: linkComment.createdAt }
      : mentions(issue.body)
        ? { present: true, url: issue.html_url, at: null }
        : none,
  };
}

/** The approver judgement as the evidence records it (absent when the policy names no approvers). */
function approverEvidence(a: Fact<LabelApprover> | undefined): Partial<NonNullable<Change['ticket']>> {
  if (!a) return {};
  if (a.state === 'unknown') return { approvedByApprover: null, approverUnknown: a.reason };
  // The last `labeled` event is the one judged: its actor and time are the evidence's.
  return { approvedBy: a.value.login, approvedAt: a.value.at, approvedVia: a.value.app, approvedByApprover: a.value.isApprover };
}

/** The ticket a pull request names: in its title, its branch name, then its body. */
export function findTicketId(policy: Policy, title: string, headRef: string, body: string): string | null {
  const re = compileTicketPattern(policy.commit.ticketPattern);
  const inTitle = re.firstMatch(title);
  if (inTitle) return inTitle;
  const branchNumber = headRef.match(/(?:^|\/)(\d+)-/)?.[1];
  if (branchNumber) return `#${branchNumber}`;
  const inBranch = re.firstMatch(headRef);
  if (inBranch) return inBranch;
  return re.firstMatch(body) ?? null;
}

function mergeMessagePull(message: string): number | undefined {
  const m = message.match(/^Merge pull request #(\d+) /);
  return m ? Number(m[1]) : undefined;
}

function directCommit(g: EvidenceGatherer, c: { sha: string; author: string; date: string; message: string }): Change {
  return {
    kind: 'direct-commit',
    label: c.sha.slice(0, 12),
    ticketId: null,
    ticket: null,
    ticketBackLink: { present: false, url: null, at: null },
    branch: null,
    commits: [toCommit(g, c.sha, c.author, c.date, c.message)],
    tests: null,
    pullRequest: null,
    merge: null,
  };
}

function toCommit(g: EvidenceGatherer, sha: string, author: string, date: string, message: string): Commit {
  return { sha, author, date, message, lint: g.lint(message) };
}
