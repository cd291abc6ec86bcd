/**
 * `change-control verify --pr N`: the merge gate as a required status
 * check. Judges the pull request with the verify use case (src/app) and
 * prints a summary a GitHub Actions log shows well. Exit 0 when it
 * would pass if merged now, 1 when something blocks it, 2 on bad usage
 * or an invalid policy. The policy is the one on the pull request's base
 * commit; the checkout's own may only tighten it.
 */
import type { SecretRegistry } from '../../core/redact';
import { gatePolicyFor, requireWorkTree, withToken } from '../context';
import { commandDeadline, connectCli, withinCommandBound } from '../github';
import { judgePullRequest, type PullRequestVerdict } from '../../app/verifyPullRequest';
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
    const verdict = await judgeWithinDeadline(io, root, args, token, secrets);
    io.stdout(secrets.redact(`${verdict.lines.join('\n')}\n`));
    if (!verdict.readiness.ready && io.env.GITHUB_ACTIONS === 'true') {
      for (const b of verdict.readiness.blockers) io.stdout(secrets.redact(`::error title=Change Control::${b.replace(/\r?\n|%/g, ' ')}\n`));
    }
    return verdict.readiness.ready ? EXIT.ok : EXIT.failed;
  });
}

/**
 * Judges pull request `args.pr` (the verify use case) within the
 * command's deadline (`--timeout`): when it passes, the error says the
 * pull request was not judged.
 */
async function judgeWithinDeadline(io: CliIo, root: string, args: VerifyArgs, token: string, secrets: SecretRegistry): Promise<PullRequestVerdict> {
  const deadline = commandDeadline(io.env, 1, args.timeoutSeconds);
  const github = await connectCli(io, { root, remote: args.remote, token, secrets, deadline, tuning: { requestTimeoutMs: 15_000 } });
  return withinCommandBound(() => [`pull request #${args.pr} not judged`], () =>
    judgePullRequest({ root, github, number: args.pr, policyFor: gatePolicyFor(io, root, args.remote), env: io.env }));
}
