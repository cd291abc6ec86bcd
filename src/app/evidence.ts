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
import type { EvidenceGit, RepoRef, TicketRef } from '../core/ports';
import type { PullCommentInfo, ReviewThreadInfo } from '../core/changeSnapshot';
import { parseTicketId, trackerRepo } from '../tickets/githubTicketProvider';
import { linksTo } from './changeStatus';
import { readEvidenceChecks, type EvidenceCheck } from '../github/commitChecks';
import type { TicketRead } from '../github/graphqlIssues';
import { listIssueComments, listLabelEvents, readIssue } from '../github/issues';
import { findMergedPulls, listPullComments, listReviewEvidence, readPullRequest, type PullRequestEvidenceRead, type PullRequestFile } from '../github/pullRequestReads';
import { readReviewThreads } from '../github/reviewThreads';
import type { GraphqlUsage } from '../github/graphqlQuery';
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
  /** GraphQL queries and points spent, added to by every GraphQL read (the review conversations too). */
  usage?: GraphqlUsage;
}

/**
 * Where the facts of a pull request and of a ticket come from: REST, one
 * pull request at a time (restSource), or prefetched in GraphQL batches
 * with REST for what a batch could not describe (evidenceBatch.ts). The
 * change is built from the facts the same way for both.
 */
export interface EvidenceSource {
  pull(number: number): Promise<{ read: PullRequestEvidenceRead; reviews: ReviewEvidence[] }>;
  checks(number: number, headSha: string): Promise<EvidenceCheck[]>;
  /** The pull request's conversation comments (asked for only when LGTM comments sign off). */
  comments(number: number): Promise<PullCommentInfo[]>;
  /** Every review conversation, with its last comment's time (rejects when GitHub cannot answer). */
  threads(number: number): Promise<ReviewThreadInfo[]>;
  ticket(target: TicketRef): Promise<TicketRead | undefined>;
  /** The test check of the changed files in the head's tree (null: the head is not in the local clone). */
  tests(number: number, headSha: string, files: readonly PullRequestFile[]): Promise<Tests | null>;
}

/** Every fact read through REST when it is asked for. */
export function restSource(g: EvidenceGatherer): EvidenceSource {
  return {
    pull: async (number) => {
      const [read, reviews] = await Promise.all([readPullRequest(g.octokit, g.repo, number, g.signal), listReviewEvidence(g.octokit, g.repo, number, g.signal)]);
      return { read, reviews };
    },
    checks: (_number, headSha) => readEvidenceChecks(g.octokit, g.repo, headSha, g.signal),
    comments: (number) => listPullComments(g.octokit, g.repo, number, g.signal),
    threads: (number) => readReviewThreads(g.octokit, g.repo, number, { lastComment: true, ...(g.signal ? { signal: g.signal } : {}), ...(g.usage ? { usage: g.usage } : {}) }),
    ticket: async (target) => {
      const issue = await readIssue(g.octokit, target, g.signal);
      if (!issue) return undefined;
      const [labelEvents, comments] = await Promise.all([listLabelEvents(g.octokit, target, g.signal), listIssueComments(g.octokit, target, g.signal)]);
      return { issue, labelEvents, comments };
    },
    tests: async (_number, headSha, files) => {
      const tree = await g.git.treeFiles(headSha);
      return tree ? g.checkTests(files.map((f) => ({ path: f.path, status: f.status })), tree) : null;
    },
  };
}

/** Evidence for one pull request. */
export async function gatherPullRequest(g: EvidenceGatherer, number: number, source: EvidenceSource = restSource(g)): Promise<Change> {
  // LGTM comments sign off only under "approval-or-lgtm"; otherwise they are not asked for.
  const lgtmCounts = g.policy.review.signOff === 'approval-or-lgtm';
  const [{ read: { pr, commits, files }, reviews }, comments, threads] = await Promise.all([source.pull(number), lgtmCounts ? source.comments(number) : [], threadEvidence(source, number)]);
  const headSha = pr.headSha;
  const [checks, ticketFacts, tests] = await Promise.all([
    source.checks(number, headSha),
    gatherTicket(g, source, findTicketId(g.policy, pr.title, pr.headRef, pr.body), pr.url, number),
    source.tests(number, headSha, files),
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
    tests,
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
async function threadEvidence(source: EvidenceSource, number: number): Promise<Pick<PullRequestEvidence, 'reviewThreads' | 'reviewThreadsUnknown'>> {
  try {
    const threads = await source.threads(number);
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

/** A release range's first-parent commits, each with the merged pull request it brought in (if any). */
export async function rangeCommits(g: EvidenceGatherer, from: string, to: string): Promise<{ commit: RangeCommit; number: number | undefined }[]> {
  const commits = await g.git.firstParentCommits(from, to);
  const bySha = await findMergedPulls(g.octokit, g.repo, g.policy.branch.base, new Set(commits.map((c) => c.sha)), g.signal);
  return commits.map((commit) => ({ commit, number: bySha.get(commit.sha) ?? mergeMessagePull(commit.message) }));
}

type RangeCommit = Awaited<ReturnType<EvidenceGit['firstParentCommits']>>[number];

/**
 * Evidence for every change in a release range: each first-parent commit of
 * `from..to` is a merged pull request or a direct commit to the base branch.
 * With a prefetching source, `concurrency` changes are built at once
 * (their facts are mostly in hand; git is read locally); the order of the
 * changes is the order of the commits either way.
 */
export async function gatherRange(g: EvidenceGatherer, from: string, to: string, prepare?: (numbers: number[]) => Promise<EvidenceSource>, concurrency = 1): Promise<Change[]> {
  const entries = await rangeCommits(g, from, to);
  const source = prepare ? await prepare([...new Set(entries.flatMap((e) => (e.number ? [e.number] : [])))]) : restSource(g);
  const changes: Change[] = new Array(entries.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < entries.length) {
      const i = next++;
      const { commit, number } = entries[i]!;
      if (g.signal?.aborted) throw new ChangeControlError('cancelled', 'Evidence gathering was cancelled.');
      g.onProgress?.(number ? `PR #${number}` : `commit ${commit.sha.slice(0, 12)}`, i, entries.length);
      changes[i] = number ? await gatherPullRequest(g, number, source) : { ...directCommit(g, commit), ...((await g.git.editsPolicy?.(commit.sha)) ? { policyChanged: true } : {}) };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, entries.length)) }, worker));
  g.onProgress?.('done', entries.length, entries.length);
  return changes;
}

interface TicketFacts {
  id: string | null;
  ticket: Change['ticket'];
  backLink: Change['ticketBackLink'];
}

/** The ticket a pull request names, as GitHub knows it (undefined: no ticket, or one that is not a GitHub issue). */
export function ticketTarget(g: Pick<EvidenceGatherer, 'policy' | 'repo'>, id: string | null): TicketRef | undefined {
  return id ? parseTicketId(id, trackerRepo(g.repo, g.policy.tracker)) : undefined;
}

async function gatherTicket(g: EvidenceGatherer, source: EvidenceSource, id: string | null, prUrl: string, prNumber: number): Promise<TicketFacts> {
  const none = { present: false, url: null, at: null };
  if (!id) return { id: null, ticket: null, backLink: none };
  const target = ticketTarget(g, id);
  if (!target) return { id, ticket: null, backLink: none };
  const read = await source.ticket(target);
  if (!read) return { id, ticket: null, backLink: none };
  const { issue, labelEvents, comments } = read;
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
