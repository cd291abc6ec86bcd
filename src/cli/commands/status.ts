/**
 * `change-control status [--format text|json] [--remote NAME] [--timeout S]`:
 * the Change view's sections as text (or JSON), ending with the readiness
 * line. Exit 0 when the change is ready, 1 when something blocks it: a
 * merge gate for CI. Without GITHUB_TOKEN/GH_TOKEN the local sections
 * still show and the output says GitHub was skipped (which blocks: the
 * gate fails closed). The policy is the base branch's, tightened by the
 * working tree's; an invalid policy exits 2 ("policy invalid") instead of
 * using defaults.
 */
import type { Unavailable } from '../../core/changeSnapshot';
import { buildChangeTree, renderChangeTreeText } from '../../core/changeTree';
import { describeError } from '../../core/errors';
import { POLICY_CHANGED_NOTE } from '../../core/policy/governingPolicy';
import { POLICY_FILE, type Policy } from '../../core/policy/schema';
import { readinessLine, assessReadiness } from '../../core/readiness';
import { SecretRegistry } from '../../core/redact';
import { loadGatePolicyFor, requireWorkTree, tokenFromEnv } from '../context';
import { cliTarget, commandDeadline, connectCli } from '../github';
import { readChangeSnapshot } from '../../app/changeStatus';
import type { RepoRef } from '../../core/ports';
import type { Octokit } from '@octokit/rest';
import type { Deadline } from '../../github/deadline';
import { parseCommandArgs, type CommandSpec } from '../args';
import { EXIT, cliCommand, type CliIo } from '../io';
import { REMOTE_OPTION, TEXT_OR_JSON_OPTION, TIMEOUT_OPTION, timeoutArg } from '../sharedOptions';

export interface StatusArgs {
  format: 'text' | 'json';
  remote: string;
  /** --timeout, in seconds. */
  timeoutSeconds?: number;
}

const spec = {
  name: 'status',
  summary: 'Show the change at a glance: ticket, branch, commits, tests, pull request (exit 1 when blocked)',
  options: { format: TEXT_OR_JSON_OPTION, remote: REMOTE_OPTION, timeout: TIMEOUT_OPTION },
} as const satisfies CommandSpec;

export function parseStatusArgs(args: readonly string[]): StatusArgs {
  const { values } = parseCommandArgs(spec, args);
  return { format: values.format, remote: values.remote, ...timeoutArg(values.timeout) };
}

export const statusCommand = cliCommand(spec, (args, io) => runStatus(parseStatusArgs(args), io));

async function runStatus(args: StatusArgs, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'status');
  const governing = await loadGatePolicyFor(root, { remote: args.remote }, io);
  const secrets = new SecretRegistry();
  // A bad --timeout or CHANGE_CONTROL_TIMEOUT_SECONDS is a usage error before anything runs.
  const deadline = commandDeadline(io.env, 1, args.timeoutSeconds);
  const github = await connect(root, args.remote, io, secrets, deadline);
  const snapshot = await readChangeSnapshot(root, { policy: governing.policy, policySource: governing.source, remote: args.remote, github });
  const readiness = assessReadiness(snapshot);
  if (args.format === 'json') {
    const { policy: _policy, ...rest } = snapshot;
    const policy = { ...governing.source, ...(governing.source.changed ? { note: POLICY_CHANGED_NOTE } : {}) };
    io.stdout(`${secrets.redact(JSON.stringify({ ready: readiness.ready, blockers: readiness.blockers, warnings: readiness.warnings, approvals: readiness.approvals, checks: readiness.checks, policy, snapshot: rest }, null, 2))}\n`);
  } else {
    const text = renderChangeTreeText(buildChangeTree(snapshot, readiness).slice(1));
    const hint = approversHint(snapshot.policy);
    io.stdout(secrets.redact(`${text}\n${hint ? `${hint}\n` : ''}${readinessLine(readiness)}\n`));
  }
  return readiness.ready ? EXIT.ok : EXIT.failed;
}

/** Without `tracker.approvers`, anyone who can label issues approves tickets: say so in one line. */
export function approversHint(policy: Policy): string | undefined {
  const t = policy.tracker;
  return t.requireApproval && t.approvers.length === 0
    ? `Hint: anyone who can label issues can approve a ticket; list who may in tracker.approvers (${POLICY_FILE}).`
    : undefined;
}

async function connect(root: string, remote: string, io: CliIo, secrets: SecretRegistry, deadline: Deadline): Promise<{ octokit: Octokit; repo: RepoRef } | Unavailable> {
  const token = tokenFromEnv(io.env);
  try {
    // First where the remote is: a remote not on a configured GitHub gets no token and no request.
    const target = await cliTarget(io, root, remote);
    if (!token) return { status: 'skipped', reason: 'no GITHUB_TOKEN or GH_TOKEN in the environment' };
    secrets.add(token);
    const connection = await connectCli(io, { root, remote, token, secrets, deadline, target, tuning: { retries: 1, requestTimeoutMs: 15_000 } });
    return { octokit: connection.octokit, repo: connection.repo };
  } catch (err) {
    // No GitHub remote: the local sections still show, and the output says why GitHub was skipped.
    return { status: 'skipped', reason: describeError(err) };
  }
}
