/**
 * One audit-evidence run, shared by the CLI and the editor: resolve the
 * scope (pull request, branch, release range), gather the facts with the
 * core linters and test matcher, and assemble the redacted document.
 */
import type { Octokit } from '@octokit/rest';
import { lintMessage } from '../core/commitMessage/lint';
import { STORED_MESSAGE } from '../core/commitMessage/cleanup';
import { buildEvidenceDocument } from '../core/evidence/document';
import type { EvidenceDocument } from '../core/evidence/schema';
import { ChangeControlError } from '../core/errors';
import type { Policy } from '../core/policy/schema';
import { checkTests } from '../core/testMatching/checkTests';
import { createEvidenceGit } from '../git/history';
import { findBranchPullRequest, toChangedFile } from '../github/pullRequestReads';
import type { EvidenceGit, RepoRef } from '../core/ports';
import type { GraphqlUsage } from '../github/graphqlQuery';
import { gatherPullRequest, gatherRange, type EvidenceGatherer } from './evidence';
import { BATCH_CONCURRENCY, prefetchRange } from './evidenceBatch';

export type EvidenceScope = EvidenceDocument['scope'];

export interface EvidenceRunOptions {
  root: string;
  octokit: Octokit;
  repo: RepoRef;
  /** Web URL of the repository, for the document header. */
  repoUrl: string;
  policy: Policy;
  /** Where `policy` was read (the base commit), for the document. */
  policySource?: string;
  scope: EvidenceScope;
  generatorVersion: string;
  now: Date;
  /** Strings to scrub from every field (the token in use). */
  secrets: () => readonly string[];
  onProgress?: (message: string, done: number, total: number) => void;
  signal?: AbortSignal;
  /** Local history; defaults to the repository at `root`. */
  git?: EvidenceGit;
  /**
   * How a release range is read: `graphql` (default) batches its pull
   * requests and tickets; `rest` reads each change with REST requests.
   * A single pull request is always read with (conditional) REST.
   */
  reader?: EvidenceReader;
  /** GraphQL queries and rate-limit points the run spent, added here. */
  usage?: GraphqlUsage;
}

export type EvidenceReader = 'graphql' | 'rest';

export async function produceEvidence(o: EvidenceRunOptions): Promise<EvidenceDocument> {
  const gatherer: EvidenceGatherer = {
    octokit: o.octokit,
    repo: o.repo,
    policy: o.policy,
    git: o.git ?? createEvidenceGit(o.root, o.signal),
    lint: evidenceLinter(o.policy),
    checkTests: evidenceTestChecker(o.policy),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    usage: o.usage ?? { queries: 0, points: 0 },
  };
  const changes =
    o.scope.kind === 'range'
      ? await gatherRangeWith(gatherer, o.scope.from, o.scope.to, o.reader ?? 'graphql', gatherer.usage!)
      : [await gatherPullRequest(gatherer, o.scope.kind === 'pull-request' ? o.scope.number : await pullForBranch(o, o.scope.branch))];
  return buildEvidenceDocument({
    generatedAt: o.now,
    generatorVersion: o.generatorVersion,
    repository: { owner: o.repo.owner, repo: o.repo.repo, url: o.repoUrl },
    scope: o.scope,
    policy: {
      requiredApprovals: o.policy.review.requiredApprovals,
      approvalLabel: o.policy.tracker.approvalLabel,
      baseBranch: o.policy.branch.base,
      allowSelfApproval: o.policy.review.allowSelfApproval,
      requireTests: o.policy.tests.requireTests,
      requireApproval: o.policy.tracker.requireApproval,
      approvers: o.policy.tracker.approvers,
      signOff: o.policy.review.signOff,
      requireApprovalOfLatestCommit: o.policy.review.requireApprovalOfLatestCommit,
      requireResolvedConversations: o.policy.review.requireResolvedConversations,
      ...(o.policySource ? { source: o.policySource } : {}),
    },
    changes,
    secrets: o.secrets(),
  });
}

function gatherRangeWith(g: EvidenceGatherer, from: string, to: string, reader: EvidenceReader, usage: GraphqlUsage): ReturnType<typeof gatherRange> {
  if (reader === 'rest') return gatherRange(g, from, to);
  return gatherRange(g, from, to, (numbers) => prefetchRange(g, numbers, usage), BATCH_CONCURRENCY);
}

/** The pull request of a branch: the open one, else the most recent; an error when there is none. */
export async function pullForBranch(o: Pick<EvidenceRunOptions, 'octokit' | 'repo' | 'signal'>, branch: string): Promise<number> {
  const chosen = await findBranchPullRequest(o.octokit, o.repo, branch, o.signal);
  if (!chosen) {
    throw new ChangeControlError('github.notFound', `Branch ${branch} has no pull request in ${o.repo.owner}/${o.repo.repo}.`, {
      hint: 'Open a pull request for the branch first, or choose another pull request or a release range.',
      cliHint: 'Open one first (change-control pr), or pass --pr N or --range A..B.',
    });
  }
  return chosen.number;
}

/** Core commit-message lint, as evidence lint problems (errors only: the same bar as the merge gate). */
export function evidenceLinter(policy: Policy): EvidenceGatherer['lint'] {
  return (message) =>
    lintMessage(message, { policy, cleanup: STORED_MESSAGE })
      .filter((f) => f.severity === 'error')
      .map((f) => ({ rule: f.ruleId, line: f.range.start.line + 1, column: f.range.start.character + 1, message: f.message }));
}

/** Core test matching over GitHub's changed-file list and the head commit's tree. */
export function evidenceTestChecker(policy: Policy): EvidenceGatherer['checkTests'] {
  return (changed, tree) => {
    const result = checkTests({ base: '', changes: changed.map(toChangedFile), tree, policy: policy.tests });
    return { sources: result.sources.map((s) => ({ path: s.path, verdict: s.verdict, tests: s.tests })), changedTests: result.changedTests };
  };
}
