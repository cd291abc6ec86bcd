/**
 * Gathers audit evidence for a pull request or a release range from GitHub
 * and the local git repository. The judgement (findings, summary) is pure
 * and lives in src/core/evidence; this adapter only collects facts.
 */
import type { Octokit } from '@octokit/rest';
import { ChangeControlError } from '../core/errors';
import type { ChangeEvidence, ReviewEvidence } from '../core/evidence/schema';
import { approvalFromEvents, type LabelEvent } from '../core/evidence/document';
import { countEvidenceApprovals } from '../core/evidence/findings';
import { isLgtm } from '../core/rules/approvals';
import type { Fact, LabelApprover } from '../core/rules/facts';
import { readTicketApprover, toLabelEvents } from './ticketApprover';
import { POLICY_FILE, type Policy } from '../core/policy/schema';
import { compileTicketPattern } from '../core/ticketId';
import type { EvidenceGit, RepoRef } from '../core/ports';
import { parseTicketId, trackerRepo } from '../tickets/githubTicketProvider';
import { checkRunState, linksTo, pullRequestState, statusCheckState } from './changeStatus';
import { isGoneOrMissing } from '../github/errors';

type Change = Omit<ChangeEvidence, 'findings'>;
type Commit = Change['commits'][number];
type Tests = NonNullable<Change['tests']>;
type PullSummary = { number: number; merge_commit_sha: string | null; merged_at: string | null };

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
  const { owner, repo } = g.repo;
  const req = { owner, repo, pull_number: number, request: { signal: g.signal } };
  const lgtmCounts = g.policy.review.signOff === 'approval-or-lgtm';
  const [{ data: pr }, commits, reviews, files, comments] = await Promise.all([
    g.octokit.rest.pulls.get(req),
    g.octokit.paginate(g.octokit.rest.pulls.listCommits, { ...req, per_page: 100 }),
    g.octokit.paginate(g.octokit.rest.pulls.listReviews, { ...req, per_page: 100 }),
    g.octokit.paginate(g.octokit.rest.pulls.listFiles, { ...req, per_page: 100 }),
    // LGTM comments sign off only under "approval-or-lgtm"; otherwise they are not asked for.
    lgtmCounts ? g.octokit.paginate(g.octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100, request: { signal: g.signal } }) : [],
  ]);
  const headSha = pr.head.sha;
  const [checks, ticketFacts, tree] = await Promise.all([
    gatherChecks(g, headSha),
    gatherTicket(g, findTicketId(g.policy, pr.title, pr.head.ref, pr.body ?? ''), pr.html_url, number),
    g.git.treeFiles(headSha),
  ]);
  const reviewEvidence: ReviewEvidence[] = [
    ...reviews.filter((r) => r.user).map((r) => ({
      reviewer: r.user!.login,
      state: normaliseReviewState(r.state),
      submittedAt: r.submitted_at ?? null,
      commitId: r.commit_id ?? null,
      ...(r.body ? { body: r.body } : {}),
    })),
    ...comments.filter((c) => c.user && isLgtm(c.body)).map((c) => ({
      reviewer: c.user!.login, state: 'COMMENTED' as const, submittedAt: c.created_at, commitId: null, body: c.body ?? '', kind: 'comment' as const,
    })),
  ];
  const author = pr.user?.login ?? 'unknown';
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
    branch: { head: pr.head.ref, base: pr.base.ref },
    commits: commits.map((c) => toCommit(g, c.sha, c.commit.author?.name ?? c.author?.login ?? 'unknown', c.commit.author?.date ?? '', c.commit.message)),
    tests: tree ? g.checkTests(files.map((f) => ({ path: f.filename, status: f.status })), tree) : null,
    pullRequest: {
      number,
      url: pr.html_url,
      title: pr.title,
      author,
      body: pr.body ?? '',
      state: pullRequestState(pr),
      createdAt: pr.created_at,
      headRef: pr.head.ref,
      baseRef: pr.base.ref,
      headSha,
      lastCommitAt: lastCommit?.commit.committer?.date ?? null,
      requestedReviewers: [...(pr.requested_reviewers ?? []).map((u) => u.login), ...(pr.requested_teams ?? []).map((t) => t.slug)],
      reviews: reviewEvidence,
      approvals: { counted: approvers.length, required: g.policy.review.requiredApprovals, approvers },
      checks,
    },
    merge: pr.merged_at ? { mergedBy: pr.merged_by?.login ?? null, mergedAt: pr.merged_at, mergeCommitSha: pr.merge_commit_sha ?? null } : null,
    ...(files.some((f) => f.filename === POLICY_FILE || f.previous_filename === POLICY_FILE) ? { policyChanged: true } : {}),
  };
}

/**
 * Evidence for every change in a release range: each first-parent commit of
 * `from..to` is a merged pull request or a direct commit to the base branch.
 */
export async function gatherRange(g: EvidenceGatherer, from: string, to: string): Promise<Change[]> {
  const commits = await g.git.firstParentCommits(from, to);
  const bySha = await findMergedPulls(g, new Set(commits.map((c) => c.sha)));
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

/** Page through closed pull requests into the base branch until every merge commit is matched. */
async function findMergedPulls(g: EvidenceGatherer, wanted: Set<string>): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (wanted.size === 0) return found;
  const iterator = g.octokit.paginate.iterator(g.octokit.rest.pulls.list, {
    ...g.repo,
    state: 'closed',
    base: g.policy.branch.base,
    sort: 'updated',
    direction: 'desc',
    per_page: 100,
    request: { signal: g.signal },
  });
  for await (const page of iterator) {
    for (const pr of page.data as PullSummary[]) {
      if (pr.merged_at && pr.merge_commit_sha && wanted.has(pr.merge_commit_sha)) found.set(pr.merge_commit_sha, pr.number);
    }
    if (found.size === wanted.size) break;
  }
  return found;
}

async function gatherChecks(g: EvidenceGatherer, sha: string): Promise<NonNullable<Change['pullRequest']>['checks']> {
  const ref = { ...g.repo, ref: sha, request: { signal: g.signal } };
  const [{ data: combined }, { data: runs }] = await Promise.all([
    g.octokit.rest.repos.getCombinedStatusForRef(ref),
    g.octokit.rest.checks.listForRef({ ...ref, per_page: 100 }),
  ]);
  const statuses = combined.statuses.map((s) => ({ name: s.context, state: statusCheckState(s.state), url: s.target_url ?? null }));
  const checkRuns = runs.check_runs.map((r) => ({ name: r.name, state: checkRunState(r), url: r.details_url ?? r.html_url ?? null }));
  return [...statuses, ...checkRuns];
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
  const req = { owner: target.owner, repo: target.repo, issue_number: target.number, request: { signal: g.signal } };
  let issue;
  try {
    issue = (await g.octokit.rest.issues.get(req)).data;
  } catch (err) {
    if (isGoneOrMissing(err)) return { id, ticket: null, backLink: none };
    throw err;
  }
  const [events, comments] = await Promise.all([
    g.octokit.paginate(g.octokit.rest.issues.listEvents, { ...req, per_page: 100 }),
    g.octokit.paginate(g.octokit.rest.issues.listComments, { ...req, per_page: 100 }),
  ]);
  const labelEvents: LabelEvent[] = events
    .filter((e) => (e.event === 'labeled' || e.event === 'unlabeled') && 'label' in e && e.label)
    .map((e) => ({
      action: e.event as 'labeled' | 'unlabeled',
      label: (e as { label: { name: string } }).label.name,
      actor: e.actor?.login ?? 'unknown',
      at: e.created_at,
    }));
  const labels = issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
  const approvalLabel = g.policy.tracker.approvalLabel.toLowerCase();
  const approved = labels.some((l) => l.toLowerCase() === approvalLabel);
  const approval = approved ? approvalFromEvents(labelEvents, g.policy.tracker.approvalLabel) : undefined;
  const approver = approved ? await readTicketApprover(g.octokit, target, g.policy.tracker, { events: toLabelEvents(events as never[]) }) : undefined;
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
      ? { present: true, url: linkComment.html_url, at: linkComment.created_at }
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

function normaliseReviewState(state: string): ReviewEvidence['state'] {
  const upper = state.toUpperCase();
  if (upper === 'APPROVED' || upper === 'CHANGES_REQUESTED' || upper === 'COMMENTED' || upper === 'DISMISSED' || upper === 'PENDING') return upper;
  return 'COMMENTED';
}
