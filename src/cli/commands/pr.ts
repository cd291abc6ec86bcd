/**
 * `change-control pr`: Open Pull Request from a terminal or CI. Prints the
 * pre-flight, then each step, then the pull request URL. No prompts: the
 * token comes from GITHUB_TOKEN or GH_TOKEN, and warnings need --yes.
 * Exit 1 on blockers (or unconfirmed warnings), 2 on bad usage.
 */
import { ChangeControlError } from '../../core/errors';
import { pullRequestBody, type Preflight } from '../../core/pullRequest';
import { SecretRegistry } from '../../core/redact';
import type { Logger } from '../../core/ports';
import { policySourceLines } from '../../core/policy/governingPolicy';
import { loadChangePolicyFor, requireWorkTree, withToken } from '../context';
import { commandDeadline, connectCli, withinCommandBound } from '../github';
import { commitLinterFor } from '../../github/commitLinter';
import { openPullRequest, preparePullRequest } from '../../app/openPullRequest';
import { EXIT, type CliCommand, type CliIo } from '../io';

const USAGE = 'change-control pr [--draft] [--reviewer LOGIN]... [--description TEXT] [--yes] [--remote NAME]';

export interface PrArgs {
  draft: boolean;
  reviewers: string[];
  description?: string;
  yes: boolean;
  remote?: string;
}

export function parsePrArgs(args: readonly string[]): PrArgs {
  const out: PrArgs = { draft: false, reviewers: [], yes: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flag === '--draft' && inline === undefined) out.draft = true;
    else if ((flag === '--yes' || flag === '-y') && inline === undefined) out.yes = true;
    else if (flag === '--reviewer' || flag === '--description' || flag === '--remote') {
      const value = inline ?? args[++i];
      if (value === undefined || (value.startsWith('-') && flag !== '--description')) throw usage(`${flag} needs a value.`);
      if (flag === '--reviewer') out.reviewers.push(...value.split(',').map((r) => r.trim()).filter(Boolean));
      else if (flag === '--description') out.description = value;
      else out.remote = value;
    } else throw usage(`unknown argument "${arg}".`);
  }
  return out;
}

function usage(message: string): ChangeControlError {
  return new ChangeControlError('usage', `${message} Usage: ${USAGE}`);
}

/** The pre-flight as lines: `✖ blocker`, `⚠ warning`, or one `✔` line. */
export function formatPreflight(preflight: Preflight): string {
  const lines = [...preflight.blockers.map((b) => `✖ ${b.message}`), ...preflight.warnings.map((w) => `⚠ ${w.message}`)];
  return `Pre-flight:\n${lines.length > 0 ? lines.map((l) => `  ${l}`).join('\n') : '  ✔ Ready: no blockers, no warnings.'}\n`;
}

export const prCommand: CliCommand = {
  name: 'pr',
  summary: 'Open a pull request for the current branch, linked from its change ticket',
  usage: USAGE,
  run: (args, io) => runPr(parsePrArgs(args), io),
};

async function runPr(args: PrArgs, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'pr');
  return withToken(io, 'Create a token with the "repo" scope (or run "gh auth token") and export it.', (token, secrets) =>
    runWithToken(args, io, root, token, stderrLogger(io, secrets), secrets),
  );
}

async function runWithToken(args: PrArgs, io: CliIo, root: string, token: string, logger: Logger, secrets: SecretRegistry): Promise<number> {
  const remote = args.remote ?? 'origin';
  // The base branch's policy governs the change; the branch's own may only tighten it.
  const { policy, source } = await loadChangePolicyFor(io, root, 'pr', remote);
  const deadline = commandDeadline(io.env);
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
