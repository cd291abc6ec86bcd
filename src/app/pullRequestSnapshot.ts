/**
 * The change snapshot of a pull request named by number (for `verify --pr`
 * in CI, where the checkout is a detached merge ref): branch, commits and
 * tests come from the pull request and the local clone's copy of its head,
 * the GitHub half from readGitHubChangeStatus. The readiness rule then
 * judges it exactly as it judges the sidebar's snapshot. The policy is
 * asked for once the pull request's base is known: the base branch's
 * policy governs it, not the one its own branch carries.
 */
import type { Octokit } from '@octokit/rest';
import type { ChangeSnapshot, CommitInfo } from '../core/changeSnapshot';
import { lintMessage } from '../core/commitMessage/lint';
import { STORED_MESSAGE } from '../core/commitMessage/cleanup';
import type { PolicySource } from '../core/policy/governingPolicy';
import { POLICY_FILE, type Policy } from '../core/policy/schema';
import { checkTests } from '../core/testMatching/checkTests';
import { createEvidenceGit } from '../git/history';
import type { EvidenceGit, RepoRef } from '../core/ports';
import { readGitHubChangeStatus, toPullRequestInfo } from './changeStatus';
import { findTicketId } from './evidence';
import { toChangedFile } from './evidenceReport';

export interface PullRequestSnapshotOptions {
  octokit: Octokit;
  repo: RepoRef;
  /** The policy that governs the pull request, from its base (ref and sha) and whether it edits the policy file. */
  policyFor: (base: { ref: string; sha: string; editsPolicy: boolean }) => Promise<{ policy: Policy; source?: PolicySource }>;
  number: number;
  signal?: AbortSignal;
  git?: EvidenceGit;
}

export async function readPullRequestSnapshot(root: string, o: PullRequestSnapshotOptions): Promise<ChangeSnapshot> {
  const req = { ...o.repo, pull_number: o.number, request: { signal: o.signal } };
  const [{ data: pr }, commits, files] = await Promise.all([
    o.octokit.rest.pulls.get(req),
    o.octokit.paginate(o.octokit.rest.pulls.listCommits, { ...req, per_page: 100 }),
    o.octokit.paginate(o.octokit.rest.pulls.listFiles, { ...req, per_page: 100 }),
  ]);
  const editsPolicy = files.some((f) => f.filename === POLICY_FILE || f.previous_filename === POLICY_FILE);
  const { policy, source } = await o.policyFor({ ref: pr.base.ref, sha: pr.base.sha, editsPolicy });
  const ticketId = findTicketId(policy, pr.title, pr.head.ref, pr.body ?? '') ?? undefined;
  const git = o.git ?? createEvidenceGit(root, o.signal);
  const [remote, tree] = await Promise.all([
    readGitHubChangeStatus({ octokit: o.octokit, repo: o.repo, branch: pr.head.ref, ticketId, policy, pullRequest: toPullRequestInfo(pr), ...(o.signal ? { signal: o.signal } : {}) }),
    git.treeFiles(pr.head.sha),
  ]);
  const changes = files.map((f) => toChangedFile({ path: f.filename, status: f.status }));
  const tests: ChangeSnapshot['tests'] = tree
    ? checkTests({ base: pr.base.sha, changes, tree, policy: policy.tests })
    : { status: 'skipped', reason: `head commit ${pr.head.sha.slice(0, 12)} is not in the local clone; fetch it (actions/checkout with fetch-depth: 0)` };
  const commitInfos: CommitInfo[] = commits
    .map((c) => ({ sha: c.sha, subject: c.commit.message.split('\n', 1)[0] ?? '', message: c.commit.message, findings: lintMessage(c.commit.message, { policy, cleanup: STORED_MESSAGE, merge: c.parents.length > 1 }) }))
    .reverse();
  return {
    root,
    policy,
    ...(source ? { policySource: source } : {}),
    ticket: remote.ticket,
    branch: { name: pr.head.ref, base: policy.branch.base, baseRef: pr.base.ref, ahead: commits.length, upstream: pr.head.ref, unpushed: 0 },
    commits: commitInfos,
    tests,
    github: remote.github,
  };
}
