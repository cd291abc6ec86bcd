/**
 * `change-control verify --pr N`: the merge gate as a required status
 * check. Judges the pull request with THE readiness rule (the sidebar's)
 * and prints a summary a GitHub Actions log shows well. Exit 0 when it
 * would pass if merged now, 1 when something blocks it, 2 on bad usage
 * or an invalid policy. The policy is the one on the pull request's base
 * commit; the checkout's own may only tighten it.
 */
import { ChangeControlError } from '../../core/errors';
import { isUnavailable } from '../../core/changeSnapshot';
import { assessReadiness, readinessLine } from '../../core/readiness';
import { loadGatePolicyFor, requireWorkTree, withToken } from '../context';
import { policySourceLines, type PolicySource } from '../../core/policy/governingPolicy';
import { commandDeadline, connectCli, withinCommandBound } from '../github';
import { readPullRequestSnapshot } from '../../github/pullRequestSnapshot';
import { EXIT, type CliCommand, type CliIo } from '../io';

const USAGE = 'change-control verify --pr N [--remote NAME]';

export function parseVerifyArgs(args: readonly string[]): { pr: number; remote: string } {
  let pr: number | undefined;
  let remote = 'origin';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag !== '--pr' && flag !== '--remote') throw usage(`unknown argument "${arg}".`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (!value || value.startsWith('-')) throw usage(`${flag} needs a value.`);
    if (flag === '--remote') remote = value;
    else if (/^[1-9]\d*$/.test(value)) pr = Number(value);
    else throw usage(`--pr needs a pull request number, not "${value}".`);
  }
  if (pr === undefined) throw usage('say which pull request: --pr N.');
  return { pr, remote };
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Check a pull request against the policy as if merged now (exit 1 when blocked): a CI gate',
  usage: USAGE,
  run: (args, io) => runVerify(parseVerifyArgs(args), io),
};

async function runVerify(args: { pr: number; remote: string }, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'verify', 'check out the repository first (actions/checkout).');
  return withToken(io, 'In GitHub Actions: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}', async (token, secrets) => {
    const deadline = commandDeadline(io.env);
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
    const readiness = assessReadiness(snapshot);
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
    io.stdout(secrets.redact(`${lines.join('\n')}\n`));
    if (!readiness.ready && io.env.GITHUB_ACTIONS === 'true') {
      for (const b of readiness.blockers) io.stdout(secrets.redact(`::error title=Change Control::${b.replace(/\r?\n|%/g, ' ')}\n`));
    }
    return readiness.ready ? EXIT.ok : EXIT.failed;
  });
}

function usage(reason: string): ChangeControlError {
  return new ChangeControlError('usage', `${reason}\nusage: ${USAGE}`);
}
