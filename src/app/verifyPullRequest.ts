/**
 * Verify, the use case: judge one pull request with THE readiness rule
 * (the sidebar's), under the policy of its base commit (its own may only
 * tighten it), and say it in the lines `verify` prints. The CLI's
 * `verify` and the GitHub Action both call it; each shell connects to
 * GitHub under its own deadline and loads the gate policy its way.
 */
import type { Octokit } from '@octokit/rest';
import { isUnavailable } from '../core/changeSnapshot';
import { GATE_IGNORED_CHECKS, type IgnoredCheck } from '../core/ignoredChecks';
import { policySourceLines, type PolicySource } from '../core/policy/governingPolicy';
import type { Policy } from '../core/policy/schema';
import type { EvidenceGit, RepoRef } from '../core/ports';
import { assessReadiness, readinessLine, type Readiness } from '../core/readiness';
import { readPullRequestSnapshot } from './pullRequestSnapshot';

/** What `verify` decides about one pull request, for the CLI and the GitHub Action. */
export interface PullRequestVerdict {
  readiness: Readiness;
  /** The summary, one line each, as `verify` prints it. */
  lines: string[];
  /** The head commit that was judged (the one a commit status belongs on), when GitHub answered. */
  headSha?: string;
  title?: string;
}

export interface VerifyPullRequestInput {
  root: string;
  /** The connected client (its deadline bounds every request) and the repository. */
  github: { octokit: Octokit; repo: RepoRef };
  number: number;
  /** The policy that governs the pull request, from its base (ref and commit) and whether it edits the policy file. */
  policyFor: (base: { ref: string; sha: string; editsPolicy: boolean }) => Promise<{ policy: Policy; source?: PolicySource }>;
  /** The environment, for the job running this gate in GitHub Actions (see runningJobCheck). */
  env: NodeJS.ProcessEnv;
  /** Local history; defaults to the repository at `root`. */
  git?: EvidenceGit;
}

/**
 * Judges pull request `number`. Throws on a GitHub or policy failure (the
 * gate fails closed).
 */
export async function judgePullRequest(input: VerifyPullRequestInput): Promise<PullRequestVerdict> {
  let source: PolicySource | undefined;
  const policyFor: VerifyPullRequestInput['policyFor'] = async (base) => {
    const governing = await input.policyFor(base);
    source = governing.source;
    return governing.source ? { policy: governing.policy, source: governing.source } : { policy: governing.policy };
  };
  const snapshot = await readPullRequestSnapshot(input.root, {
    octokit: input.github.octokit,
    repo: input.github.repo,
    policyFor,
    number: input.number,
    ...(input.git ? { git: input.git } : {}),
    ignoreChecks: ignoredChecks(input.env),
  });
  const readiness = assessReadiness(snapshot);
  const pr = !isUnavailable(snapshot.github) ? snapshot.github.pullRequest?.pr : undefined;
  const lines = [
    `Pull request #${input.number}${pr ? `: ${pr.title} (${pr.state}, by ${pr.author})` : ''}`,
    `Ticket: ${snapshot.ticket.id ?? 'none'}${snapshot.ticket.details ? ` — ${snapshot.ticket.details.approved ? 'approved' : 'not approved'}` : ''}`,
    ...(readiness.approvals ? [`Approvals: ${readiness.approvals.approvals} of ${readiness.approvals.required} required`] : []),
    ...(readiness.checks ? [`Checks: ${readiness.checks.passed} passed, ${readiness.checks.failed} failed, ${readiness.checks.pending} pending`] : []),
    ...readiness.blockers.map((b) => `✖ ${b}`),
    ...readiness.warnings.map((w) => `⚠ ${w}`),
    ...(source ? policySourceLines(source).map((l, i) => (i === 0 ? `⚠ ${l}` : `  ${l}`)) : []),
    readiness.ready ? '✔ Ready to merge: the change follows the policy.' : `${readinessLine(readiness)}`,
  ];
  return { readiness, lines, ...(pr ? { headSha: pr.headSha, title: pr.title } : {}) };
}

/**
 * In GitHub Actions the job running this gate has a check run of its own,
 * in progress until the gate ends: it is not a check the gate waits for.
 * (The check run is named after the job's id, GITHUB_JOB, unless the job
 * has a `name:`.) Only while pending: a finished run of that name counts.
 */
export function runningJobCheck(env: NodeJS.ProcessEnv): IgnoredCheck | undefined {
  const job = env.GITHUB_ACTIONS === 'true' ? env.GITHUB_JOB : undefined;
  return job ? { source: 'checkRun', name: job, state: 'pending' } : undefined;
}

/** The checks this gate leaves out: its own status, and in GitHub Actions its running job. */
export function ignoredChecks(env: NodeJS.ProcessEnv): IgnoredCheck[] {
  const job = runningJobCheck(env);
  return [...GATE_IGNORED_CHECKS, ...(job ? [job] : [])];
}
