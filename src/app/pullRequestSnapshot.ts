/**
 * The change snapshot of a pull request named by number (for `verify --pr`
 * in CI, where the checkout is a detached merge ref): branch, commits and
 * tests come from the pull request and the local clone's copy of its head,
 * the GitHub half from readGitHubChangeStatus (the requests are in
 * src/github). The readiness rule then judges it exactly as it judges
 * the sidebar's snapshot. The policy is
 * asked for once the pull request's base is known: the base branch's
 * policy governs it, not the one its own branch carries.
 */
import type { Octokit } from '@octokit/rest';
import type { ChangeSnapshot, CommitInfo } from '../core/changeSnapshot';
import { lintMessage } from '../core/commitMessage/lint';
import type { IgnoredCheck } from '../core/ignoredChecks';
import { STORED_MESSAGE } from '../core/commitMessage/cleanup';
import type { PolicySource } from '../core/policy/governingPolicy';
import { POLICY_FILE, type Policy } from '../core/policy/schema';
import { checkTests } from '../core/testMatching/checkTests';
import { createEvidenceGit } from '../git/history';
import type { EvidenceGit, RepoRef } from '../core/ports';
import { pullRequestInfo, readPullRequest, toChangedFile } from '../github/pullRequestReads';
import { readGitHubChangeStatus } from './changeStatus';
import { findTicketId } from './evidence';

export interface PullRequestSnapshotOptions {
  octokit: Octokit;
  repo: RepoRef;
  /** The policy that governs the pull request, from its base (ref and sha) and whether it edits the policy file. */
  policyFor: (base: { ref: string; sha: string; editsPolicy: boolean }) => Promise<{ policy: Policy; source?: PolicySource }>;
  number: number;
  signal?: AbortSignal;
  git?: EvidenceGit;
  /** Checks the gate does not judge (see src/core/ignoredChecks.ts). */
  ignoreChecks?: readonly IgnoredCheck[];
}

export async function readPullRequestSnapshot(root: string, o: PullRequestSnapshotOptions): Promise<ChangeSnapshot> {
  const { pr, commits, files } = await readPullRequest(o.octokit, o.repo, o.number, o.signal);
  const editsPolicy = files.some((f) => f.path === POLICY_FILE || f.previousPath === POLICY_FILE);
  const { policy, source } = await o.policyFor({ ref: pr.baseRef, sha: pr.baseSha, editsPolicy });
  const ticketId = findTicketId(policy, pr.title, pr.headRef, pr.body) ?? undefined;
  const git = o.git ?? createEvidenceGit(root, o.signal);
  const [remote, tree] = await Promise.all([
    readGitHubChangeStatus({ octokit: o.octokit, repo: o.repo, branch: pr.headRef, ticketId, policy, pullRequest: pullRequestInfo(pr), ...(o.signal ? { signal: o.signal } : {}), ...(o.ignoreChecks ? { ignoreChecks: o.ignoreChecks } : {}) }),
    git.treeFiles(pr.headSha),
  ]);
  const changes = files.map((f) => toChangedFile({ path: f.path, status: f.status }));
  const tests: ChangeSnapshot['tests'] = tree
    ? checkTests({ base: pr.baseSha, changes, tree, policy: policy.tests })
    : { status: 'skipped', reason: `head commit ${pr.headSha.slice(0, 12)} is not in the local clone; fetch it (actions/checkout with fetch-depth: 0)` };
  const commitInfos: CommitInfo[] = commits
    .map((c) => ({ sha: c.sha, subject: c.message.split('\n', 1)[0] ?? '', message: c.message, findings: lintMessage(c.message, { policy, cleanup: STORED_MESSAGE, merge: c.parents > 1 }) }))
    .reverse();
  return {
    root,
    policy,
    ...(source ? { policySource: source } : {}),
    ticket: remote.ticket,
    branch: { name: pr.headRef, base: policy.branch.base, baseRef: pr.baseRef, ahead: commits.length, upstream: pr.headRef, unpushed: 0 },
    commits: commitInfos,
    tests,
    github: remote.github,
  };
}
