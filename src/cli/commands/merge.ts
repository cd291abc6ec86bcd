/**
 * `change-control merge [--method merge|squash|rebase]`: merge the current
 * branch's pull request when the gate says ready (the merge use case in
 * src/app/merge.ts, the Change view's Merge too). Prints each step, then
 * what was done. Exit 0 when merged (or finished after an earlier merge),
 * 1 when the gate blocks it (nothing is merged; there is no override),
 * 2 on bad usage or any other failure.
 */
import { MERGE_METHODS, type MergeMethod } from '../../core/merge';
import type { Logger } from '../../core/ports';
import type { SecretRegistry } from '../../core/redact';
import { mergeChange, type MergeResult } from '../../app/merge';
import { loadGatePolicyFor, requireWorkTree, withToken } from '../context';
import { commandDeadline, connectCli, withinCommandBound } from '../github';
import { parseCommandArgs, type CommandSpec } from '../args';
import { EXIT, VERSION, cliCommand, type CliIo } from '../io';
import { REMOTE_OPTION, TIMEOUT_OPTION, timeoutArg } from '../sharedOptions';

export interface MergeArgs {
  method?: MergeMethod;
  remote: string;
  /** --timeout, in seconds. */
  timeoutSeconds?: number;
}

const spec = {
  name: 'merge',
  summary: "Merge the branch's pull request when the policy says ready, then record the change on its ticket",
  options: {
    method: { type: 'string', choices: MERGE_METHODS, defaultText: 'the first the repository allows of merge, squash, rebase', description: 'How to merge' },
    remote: REMOTE_OPTION,
    timeout: TIMEOUT_OPTION,
  },
} as const satisfies CommandSpec;

export function parseMergeArgs(args: readonly string[]): MergeArgs {
  const { values } = parseCommandArgs(spec, args);
  return { ...(values.method !== undefined ? { method: values.method } : {}), remote: values.remote, ...timeoutArg(values.timeout) };
}

export const mergeCommand = cliCommand(spec, (args, io) => runMerge(parseMergeArgs(args), io));

async function runMerge(args: MergeArgs, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'merge');
  // The gate's policy: the base branch's, tightened by the change's own; an invalid one exits 2.
  const governing = await loadGatePolicyFor(root, { remote: args.remote }, io);
  return withToken(io, 'Create a token with the "repo" scope (or run "gh auth token") and export it.', async (token, secrets) => {
    // Merging, the record and the local update are several round trips: twice the usual bound.
    const deadline = commandDeadline(io.env, 2, args.timeoutSeconds);
    const github = await connectCli(io, { root, remote: args.remote, token, secrets, deadline, logger: stderrLogger(io, secrets) });
    const done: string[] = [];
    const result = await withinCommandBound(() => done, () => mergeChange({
      root, remote: args.remote, github, policy: governing.policy, policySource: governing.source,
      ...(args.method ? { method: args.method } : {}),
      logger: stderrLogger(io, secrets),
      onProgress: (_step, message) => io.stdout(secrets.redact(`${message}\n`)),
      generatorVersion: VERSION, now: () => new Date(), secrets: () => [token],
    }));
    io.stdout(secrets.redact(report(result)));
    return EXIT.ok;
  });
}

function report(result: MergeResult): string {
  const lines = [`Done: ${result.done.join(', ')}.`];
  if ('error' in result.local) lines.push(`⚠ Merged on GitHub, but the local update was not done: ${result.local.error}`);
  else for (const note of result.local.notes) lines.push(`⚠ ${note}`);
  lines.push(`${result.mergedNow ? 'Merged' : 'Already merged'}: ${result.pr.url} (${result.mergeCommitSha.slice(0, 12)})`);
  return `${lines.join('\n')}\n`;
}

function stderrLogger(io: CliIo, secrets: SecretRegistry): Logger {
  const write = (level: string) => (message: string, ...rest: unknown[]): void => {
    if ((level === 'debug' || level === 'info') && !io.env.CHANGE_CONTROL_DEBUG) return;
    io.stderr(secrets.redact(`[${level}] ${[message, ...rest.map((a) => (a instanceof Error ? a.message : String(a)))].join(' ')}`) + '\n');
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
