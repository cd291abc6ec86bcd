/**
 * `change-control pr`: Open Pull Request from a terminal or CI. Prints the
 * pre-flight, then each step, then the pull request URL. No prompts: the
 * token comes from GITHUB_TOKEN or GH_TOKEN, and warnings need --yes.
 * Exit 1 on blockers (or unconfirmed warnings), 2 on bad usage.
 */
import { pullRequestBody, type Preflight } from '../../core/pullRequest';
import { SecretRegistry } from '../../core/redact';
import type { Logger } from '../../core/ports';
import { policySourceLines } from '../../core/policy/governingPolicy';
import { loadChangePolicyFor, requireWorkTree, withToken } from '../context';
import { commandDeadline, connectCli, withinCommandBound } from '../github';
import { commitLinterFor } from '../../github/commitLinter';
import { openPullRequest, preparePullRequest } from '../../app/openPullRequest';
import { parseCommandArgs, type CommandSpec } from '../args';
import { EXIT, cliCommand, type CliIo } from '../io';
import { REMOTE_OPTION, TIMEOUT_OPTION, timeoutArg } from '../sharedOptions';

export interface PrArgs {
  draft: boolean;
  reviewers: string[];
  description?: string;
  yes: boolean;
  remote: string;
  /** --timeout, in seconds. */
  timeoutSeconds?: number;
}

const spec = {
  name: 'pr',
  summary: 'Open a pull request for the current branch, linked from its change ticket',
  options: {
    draft: { type: 'boolean', description: 'Open it as a draft' },
    reviewer: {
      type: 'string',
      value: 'LOGIN',
      multiple: true,
      defaultText: "the policy's review.defaultReviewers",
      description: 'Request a review from LOGIN or ORG/TEAM (repeat it, or separate with commas)',
    },
    description: { type: 'string', value: 'TEXT', freeText: true, description: 'The description in the pull request body' },
    yes: { type: 'boolean', short: 'y', description: 'Open it even when the pre-flight has warnings' },
    remote: REMOTE_OPTION,
    timeout: TIMEOUT_OPTION,
  },
} as const satisfies CommandSpec;

export function parsePrArgs(args: readonly string[]): PrArgs {
  const { values } = parseCommandArgs(spec, args);
  return {
    draft: values.draft,
    reviewers: values.reviewer.flatMap((v) => v.split(',')).map((r) => r.trim()).filter(Boolean),
    ...(values.description !== undefined ? { description: values.description } : {}),
    yes: values.yes,
    remote: values.remote,
    ...timeoutArg(values.timeout),
  };
}

/** The pre-flight as lines: `✖ blocker`, `⚠ warning`, or one `✔` line. */
export function formatPreflight(preflight: Preflight): string {
  const lines = [...preflight.blockers.map((b) => `✖ ${b.message}`), ...preflight.warnings.map((w) => `⚠ ${w.message}`)];
  return `Pre-flight:\n${lines.length > 0 ? lines.map((l) => `  ${l}`).join('\n') : '  ✔ Ready: no blockers, no warnings.'}\n`;
}

export const prCommand = cliCommand(spec, (args, io) => runPr(parsePrArgs(args), io));

async function runPr(args: PrArgs, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'pr');
  return withToken(io, 'Create a token with the "repo" scope (or run "gh auth token") and export it.', (token, secrets) =>
    runWithToken(args, io, root, token, stderrLogger(io, secrets), secrets),
  );
}

async function runWithToken(args: PrArgs, io: CliIo, root: string, token: string, logger: Logger, secrets: SecretRegistry): Promise<number> {
  const remote = args.remote;
  // The base branch's policy governs the change; the branch's own may only tighten it.
  const { policy, source } = await loadChangePolicyFor(io, root, 'pr', remote);
  const deadline = commandDeadline(io.env, 1, args.timeoutSeconds);
  const github = await connectCli(io, { root, remote, token, secrets, deadline, logger });
  // Opening it reports its own steps ("Already done: pushed …"); the pre-flight changes nothing.
  const prepared = await withinCommandBound(() => [], () => preparePullRequest({ root, remote, repo: github.repo, policy, octokit: github.octokit, lint: commitLinterFor(policy) }));
  io.stdout(formatPreflight(prepared.preflight));
  for (const line of policySourceLines(source)) io.stdout(`  ${line}\n`);
  if (prepared.preflight.blockers.length > 0) {
    io.stderr('change-control pr: blocked; fix the items marked ✖ and run it again.\n');
    return EXIT.failed;
  }
  if (prepared.preflight.warnings.length > 0 && !args.yes) {
    io.stderr('change-control pr: there are warnings (⚠); run again with --yes to open the pull request anyway.\n');
    return EXIT.failed;
  }
  const body = args.description === undefined ? prepared.body : pullRequestBody({ ...prepared.bodyInput, description: args.description });
  const reviewers = args.reviewers.length > 0 ? args.reviewers : policy.review.defaultReviewers;
  const result = await openPullRequest(prepared, { title: prepared.title, body, draft: args.draft, reviewers }, {
    octokit: github.octokit,
    logger,
    onProgress: (_step, message) => io.stdout(`${message}\n`),
  });
  for (const s of result.reviewers.skipped) io.stdout(`⚠ Reviewer ${s.reviewer} ${s.reason}; not requested.\n`);
  io.stdout(`Done: ${result.done.join(', ')}.\n`);
  io.stdout(`${result.created ? 'Created' : 'Already open'}: ${result.pr.url}\n`);
  return EXIT.ok;
}

function stderrLogger(io: CliIo, secrets: SecretRegistry): Logger {
  const write = (level: string) => (message: string, ...args: unknown[]): void => {
    // Steps are printed on stdout; info and debug lines only when asked for.
    if ((level === 'debug' || level === 'info') && !io.env.CHANGE_CONTROL_DEBUG) return;
    io.stderr(secrets.redact(`[${level}] ${[message, ...args.map((a) => (a instanceof Error ? a.message : String(a)))].join(' ')}`) + '\n');
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
