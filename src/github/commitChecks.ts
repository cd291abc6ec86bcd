/**
 * The checks of a commit as GitHub reports them: commit statuses (the
 * combined status) and check runs, each mapped to passed, failed or
 * pending the same way for the merge gate and the audit evidence.
 */
import type { Octokit } from '@octokit/rest';
import type { CheckInfo } from '../core/changeSnapshot';
import { GATE_IGNORED_CHECKS, isIgnoredCheck, type IgnoredCheck } from '../core/ignoredChecks';
import type { RepoRef } from '../core/ports';

/** A commit status's state as a check state: only success passes. */
export function statusCheckState(state: string): CheckInfo['state'] {
  return state === 'success' ? 'passed' : state === 'pending' ? 'pending' : 'failed';
}

/** A check run's state: pending until completed, then neutral and skipped pass as success does. */
export function checkRunState(run: { status: string; conclusion: string | null }): CheckInfo['state'] {
  if (run.status !== 'completed') return 'pending';
  return ['success', 'neutral', 'skipped'].includes(run.conclusion ?? '') ? 'passed' : 'failed';
}

function checkRunInfo(run: { name: string; status: string; conclusion: string | null; details_url?: string | null; html_url?: string | null }): CheckInfo {
  const url = run.details_url || run.html_url || undefined;
  return { name: run.name, state: checkRunState(run), ...(url ? { detailsUrl: url } : {}), source: 'checkRun', detail: run.status === 'completed' ? (run.conclusion ?? 'completed') : run.status };
}

/**
 * The checks the merge gate judges on `sha`: every commit status and
 * check run but those `ignore` names (by default the gate's own earlier
 * status, which would block on itself).
 */
export async function readGateChecks(
  octokit: Octokit,
  repo: RepoRef,
  sha: string,
  signal?: AbortSignal,
  ignore: readonly IgnoredCheck[] = GATE_IGNORED_CHECKS,
): Promise<CheckInfo[]> {
  const base = { owner: repo.owner, repo: repo.repo, ref: sha, per_page: 100, request: { signal } };
  const [status, runs] = await Promise.all([
    octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/status', base),
    octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', base),
  ]);
  const checks = [
    ...status.data.statuses.map((s): CheckInfo => ({
      name: s.context,
      state: statusCheckState(s.state),
      ...(s.target_url ? { detailsUrl: s.target_url } : {}),
      source: 'status',
      detail: s.state,
    })),
    ...runs.data.check_runs.map(checkRunInfo),
  ];
  return checks.filter((c) => !isIgnoredCheck(c, ignore));
}

/** One check as the evidence lists it. */
export interface EvidenceCheck {
  name: string;
  state: CheckInfo['state'];
  url: string | null;
}

/** Every check on `sha`, as the evidence lists it (name, state, link). */
export async function readEvidenceChecks(octokit: Octokit, repo: RepoRef, sha: string, signal?: AbortSignal): Promise<EvidenceCheck[]> {
  const ref = { ...repo, ref: sha, request: { signal } };
  const [{ data: combined }, { data: runs }] = await Promise.all([
    octokit.rest.repos.getCombinedStatusForRef(ref),
    octokit.rest.checks.listForRef({ ...ref, per_page: 100 }),
  ]);
  const statuses = combined.statuses.map((s) => ({ name: s.context, state: statusCheckState(s.state), url: s.target_url ?? null }));
  const checkRuns = runs.check_runs.map((r) => ({ name: r.name, state: checkRunState(r), url: r.details_url ?? r.html_url ?? null }));
  return [...statuses, ...checkRuns];
}
