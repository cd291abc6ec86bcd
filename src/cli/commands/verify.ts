/**
 * `change-control verify --pr N`: the merge gate as a required status
 * check. Judges the pull request with THE readiness rule (the sidebar's)
 * and prints a summary a GitHub Actions log shows well. Exit 0 when it
 * would pass if merged now, 1 when something blocks it, 2 on bad usage
 * or an invalid policy. The policy is the one on the pull request's base
 * commit; the checkout's own may only tighten it.
 */
import { isUnavailable, type ChangeSnapshot } from '../../core/changeSnapshot';
import { assessReadiness, readinessLine, type Readiness } from '../../core/readiness';
import type { SecretRegistry } from '../../core/redact';
import { loadGatePolicyFor, requireWorkTree, withToken } from '../context';
import { policySourceLines, type PolicySource } from '../../core/policy/governingPolicy';
import { commandDeadline, connectCli, withinCommandBound } from '../github';
import { readPullRequestSnapshot } from '../../app/pullRequestSnapshot';
import { parseCommandArgs, usageError, type CommandSpec } from '../args';
import { EXIT, cliCommand, type CliIo } from '../io';
import { PULL_REQUEST_NUMBER, REMOTE_OPTION, TIMEOUT_OPTION, timeoutArg } from '../sharedOptions';

export interface VerifyArgs {
  pr: number;
  remote: string;
  /** --timeout, in seconds. */
  timeoutSeconds?: number;
}

const spec = {
  name: 'verify',
  summary: 'Check a pull request against the policy as if merged now (exit 1 when blocked): a CI gate',
  synopsis: '--pr N',
  options: {
    pr: { ...PULL_REQUEST_NUMBER, description: 'The pull request to judge' },
    remote: REMOTE_OPTION,
    timeout: TIMEOUT_OPTION,
  },
} as const satisfies CommandSpec;

export function parseVerifyArgs(args: readonly string[]): VerifyArgs {
  const { values } = parseCommandArgs(spec, args);
  if (values.pr === undefined) throw usageError(spec, 'say which pull request: --pr N.');
  return { pr: Number(values.pr), remote: values.remote, ...timeoutArg(values.timeout) };
}

export const verifyCommand = cliCommand(spec, (args, io) => runVerify(parseVerifyArgs(args), io));

async function runVerify(args: VerifyArgs, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'verify', 'check out the repository first (actions/checkout).');
  return withToken(io, 'In GitHub Actions: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}', async (token, secrets) => {
    const verdict = await judgePullRequest(io, root, args, token, secrets);
    io.stdout(secrets.redact(`${verdict.lines.join('\n')}\n`));
    if (!verdict.readiness.ready && io.env.GITHUB_ACTIONS === 'true') {
      for (const b of verdict.readiness.blockers) io.stdout(secrets.redact(`::error title=Change Control::${b.replace(/\r?\n|%/g, ' ')}\n`));
    }
    return verdict.readiness.ready ? EXIT.ok : EXIT.failed;
  });
}

/** What `verify` decides about one pull request, for the CLI and the GitHub Action. */
export interface PullRequestVerdict {
  readiness: Readiness;
  /** The summary, one line each, as `verify` prints it. */
  lines: string[];
  /** The head commit that was judged (the one a commit status belongs on), when GitHub answered. */
  headSha?: string;
  title?: string;
}

/**
 * Judges pull request `args.pr` with the readiness rule, under the policy
 * of its base commit (its own may only tighten it), within the command's
 * deadline. Throws on a GitHub or policy failure (the gate fails closed).
 */
export async function judgePullRequest(io: CliIo, root: string, args: { pr: number; remote: string; timeoutSeconds?: number }, token: string, secrets: SecretRegistry): Promise<PullRequestVerdict> {
  const deadline = commandDeadline(io.env, 1, args.timeoutSeconds);
  const github = await connectCli(io, { root, remote: args.remote, token, secrets, deadline, tuning: { requestTimeoutMs: 15_000 } });
  // The pull request's base branch, at the base commit GitHub names, governs it (its own policy may only tighten).
  let source: PolicySource | undefined;
  const policyFor = async (base: { ref: string; sha: string; editsPolicy: boolean }) => {
    const governing = await loadGatePolicyFor(root, { remote: args.remote, base: { ref: base.ref, commit: base.sha }, changed: base.editsPolicy }, io);
    source = governing.source;
    return { policy: governing.policy, source };
  };
  const snapshot = await withinCommandBound(() => [`pull request #${args.pr} not judged`], () =>
    readPullRequestSnapshot(root, { octokit: github.octokit, repo: github.repo, policyFor, number: args.pr }));
  const readiness = assessReadiness(withoutRunningJob(snapshot, io.env));
  const pr = !isUnavailable(snapshot.github) ? snapshot.github.pullRequest?.pr : undefined;
  const lines = [
    `Pull request #${args.pr}${pr ? `: ${pr.title} (${pr.state}, by ${pr.author})` : ''}`,
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
 * has a `name:`.)
 */
function withoutRunningJob(snapshot: ChangeSnapshot, env: NodeJS.ProcessEnv): ChangeSnapshot {
  const job = env.GITHUB_ACTIONS === 'true' ? env.GITHUB_JOB : undefined;
  const section = !isUnavailable(snapshot.github) ? snapshot.github.pullRequest : undefined;
  if (!job || !section) return snapshot;
  const checks = section.checks.filter((c) => !(c.source === 'checkRun' && c.state === 'pending' && c.name === job));
  return { ...snapshot, github: { ...snapshot.github, pullRequest: { ...section, checks } } } as ChangeSnapshot;
}
