/**
 * The GitHub Action: `uses: change-control/change-control@v1`. A thin
 * shell, like the CLI, over the same commands: it reads the runner's
 * environment (inputs as INPUT_*, the event payload, GITHUB_API_URL) and
 * writes what the runner reads back (the job summary, annotations,
 * outputs, and the "Change Control" commit status on each pull request it
 * judges). On `issues: labeled/unlabeled` it judges every open pull
 * request of that ticket again, so the required check follows the
 * ticket's approval without a push.
 */
import { appendFile, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { GitHubConnection } from '../app/connect';
import { GATE_STATUS_CONTEXT } from '../core/changeSnapshot';
import { ChangeControlError, describeError, isChangeControlError } from '../core/errors';
import { SecretRegistry } from '../core/redact';
import { findTicketId } from '../app/evidence';
import { commitExists, openGit } from '../git/git';
import { judgePullRequest, type PullRequestVerdict } from '../app/verifyPullRequest';
import { gatePolicyFor, loadPolicyFor, requireWorkTree } from '../cli/context';
import { commandDeadline, connectCli, withinCommandBound } from '../cli/github';
import { evidenceCommand } from '../cli/commands/evidence';
import { lintCommand } from '../cli/commands/lint';
import { releaseCommand } from '../cli/commands/release';
import { EXIT, type CliIo } from '../cli/io';
import { parseEvent, type ActionEvent } from './event';
import { annotation, outputEntry } from './workflowCommands';

export const STATUS_CONTEXT = GATE_STATUS_CONTEXT;
const COMMANDS = ['verify', 'lint', 'evidence', 'release-verify'] as const;
type ActionCommand = (typeof COMMANDS)[number];

/** Where the action writes: stdout (the log and workflow commands) and the runner's files. */
export interface ActionIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: (text: string) => void;
}

interface Context {
  io: ActionIo;
  cliIo: CliIo;
  secrets: SecretRegistry;
  token: string;
  event: ActionEvent;
  summary: string[];
  outputs: Record<string, string>;
}

/** Runs the action; the exit code fails the step (1: blocked or findings, 2: bad inputs or environment). */
export async function runAction(io: ActionIo): Promise<number> {
  const secrets = new SecretRegistry();
  const summary: string[] = [];
  const outputs: Record<string, string> = {};
  try {
    const ctx = await setUp(io, secrets, summary, outputs);
    const command = ctx.event.kind === 'ticketLabel' ? 'ticket' : input(io.env, 'command', 'verify');
    switch (command as ActionCommand | 'ticket') {
      case 'ticket':
        return await onTicketLabel(ctx);
      case 'verify':
        return await verify(ctx);
      case 'lint':
        return await lint(ctx);
      case 'evidence':
        return await evidence(ctx);
      case 'release-verify':
        return await releaseVerify(ctx);
      default:
        throw new ChangeControlError('usage', `input "command" must be one of ${COMMANDS.join(', ')}, not "${command.slice(0, 40)}".`);
    }
  } catch (err) {
    const message = secrets.redact(describeError(err));
    io.stdout(annotation('error', message, { title: STATUS_CONTEXT }));
    summary.push(`## ${STATUS_CONTEXT}: could not decide`, '', '```text', message.replace(/```/g, "'''"), '```', '');
    return isChangeControlError(err, 'ticket.notApproved', 'ticket.closed') ? EXIT.failed : EXIT.usage;
  } finally {
    await writeRunnerFiles(io.env, summary, outputs, secrets);
  }
}

async function setUp(io: ActionIo, secrets: SecretRegistry, summary: string[], outputs: Record<string, string>): Promise<Context> {
  const token = input(io.env, 'token', '') || io.env.GITHUB_TOKEN || '';
  if (!token) throw new ChangeControlError('github.unauthorized', 'No token: pass `token: ${{ github.token }}` (the default) or a token with read access.');
  secrets.add(token);
  const name = io.env.GITHUB_EVENT_NAME ?? '';
  const payloadFile = io.env.GITHUB_EVENT_PATH;
  const payload: unknown = payloadFile ? JSON.parse(await readFile(payloadFile, 'utf8')) : {};
  const event = parseEvent(name, payload);
  if ('error' in event) throw new ChangeControlError('usage', event.error);
  // The runner names the API of the GitHub this job runs on; the commands send the token only there.
  const env: NodeJS.ProcessEnv = {
    ...io.env,
    GITHUB_TOKEN: token,
    GH_TOKEN: '',
    ...(io.env.GITHUB_API_URL ? { CHANGE_CONTROL_GITHUB_API_URL: io.env.GITHUB_API_URL } : {}),
  };
  const log = (t: string) => io.stdout(secrets.redact(t));
  const cliIo: CliIo = { argv: [], cwd: io.cwd, env, stdout: log, stderr: log, readStdin: async () => '' };
  return { io, cliIo, secrets, token, event, summary, outputs };
}

/** `verify`: the pull request of the event (or input `pr`), its commit status, summary, annotations and outputs. */
async function verify(ctx: Context): Promise<number> {
  const pr = pullRequestNumber(ctx);
  const root = await requireWorkTree(ctx.cliIo, 'verify', 'check out the repository first (actions/checkout with fetch-depth: 0).');
  const github = await connect(ctx, root);
  const verdict = await judge(ctx, github, root, pr);
  report(ctx, pr, verdict);
  const headSha = verdict.headSha ?? (ctx.event.kind === 'pullRequest' ? ctx.event.headSha : undefined);
  if (headSha) await postStatus(ctx, github, headSha, verdict);
  ctx.outputs.ready = String(verdict.readiness.ready);
  ctx.outputs.blockers = JSON.stringify(verdict.readiness.blockers);
  return verdict.readiness.ready ? EXIT.ok : EXIT.failed;
}

/**
 * One client and one deadline for judging a pull request and posting its
 * status, as `change-control verify` has for one command.
 */
function connect(ctx: Context, root: string): Promise<GitHubConnection> {
  return connectCli(ctx.cliIo, { root, remote: 'origin', token: ctx.token, secrets: ctx.secrets, deadline: commandDeadline(ctx.cliIo.env), tuning: { requestTimeoutMs: 15_000 } });
}

/** The verify use case on pull request `pr`. */
function judge(ctx: Context, github: GitHubConnection, root: string, pr: number): Promise<PullRequestVerdict> {
  return withinCommandBound(() => [`pull request #${pr} not judged`], () =>
    judgePullRequest({ root, github, number: pr, policyFor: gatePolicyFor(ctx.cliIo, root, 'origin'), env: ctx.cliIo.env }));
}

/** An approver labelled (or unlabelled) ticket #N: judge each open pull request of it again. */
async function onTicketLabel(ctx: Context): Promise<number> {
  if (ctx.event.kind !== 'ticketLabel') return EXIT.ok;
  const { ticket, repository } = ctx.event;
  const root = await requireWorkTree(ctx.cliIo, 'verify', 'check out the repository first (actions/checkout with fetch-depth: 0).');
  const { policy } = await loadPolicyFor(ctx.cliIo, root, 'verify');
  const github = await connect(ctx, root);
  const open = await github.octokit.paginate(github.octokit.rest.pulls.list, { ...github.repo, state: 'open', per_page: 100 });
  const mine = open.filter((p) => namesTicket(findTicketId(policy, p.title, p.head.ref, p.body ?? ''), ticket, repository));
  ctx.summary.push(`## ${STATUS_CONTEXT}: ticket #${ticket} was ${ctx.event.action}`, '');
  if (mine.length === 0) ctx.summary.push(`No open pull request names ticket #${ticket}.`, '');
  const blocked: string[] = [];
  for (const p of mine) {
    await fetchHead(root, p.number, p.head.ref, p.head.sha);
    // Each pull request gets a bound of its own: a ticket may have several.
    const client = await connect(ctx, root);
    const verdict = await judge(ctx, client, root, p.number);
    report(ctx, p.number, verdict);
    await postStatus(ctx, client, verdict.headSha ?? p.head.sha, verdict);
    if (!verdict.readiness.ready) blocked.push(`#${p.number}`);
  }
  ctx.outputs.ready = String(blocked.length === 0);
  ctx.outputs.blockers = JSON.stringify(blocked);
  // The statuses carry each verdict; this job only fails when it could not post them.
  return EXIT.ok;
}

/** `lint`: every commit of `range` (input), else of the pull request (base..head). */
async function lint(ctx: Context): Promise<number> {
  const range = input(ctx.io.env, 'range', '') || (ctx.event.kind === 'pullRequest' ? `${ctx.event.baseSha}..${ctx.event.headSha}` : '');
  if (!range) throw new ChangeControlError('usage', 'lint needs input "range" (A..B) outside pull request events.');
  const out: string[] = [];
  // The command itself, not the CLI's entry: its errors reach this action's own boundary.
  const code = await lintCommand.run(['--range', range, '--format', 'json'], { ...ctx.cliIo, stdout: (t) => out.push(t) });
  const rows = parseJson(out.join('')) as { commit?: string; rule: string; line: number; column: number; message: string }[];
  if (!Array.isArray(rows)) throw new ChangeControlError('internal', 'lint printed no result.');
  for (const r of rows) ctx.io.stdout(annotation('error', `${r.commit ? `${r.commit.slice(0, 12)} ` : ''}${r.rule}: ${r.message}`, { title: STATUS_CONTEXT }));
  ctx.summary.push(`## ${STATUS_CONTEXT}: commit messages of ${mdCode(range)}`, '', rows.length === 0 ? 'Every commit follows the policy.' : `${rows.length} problem(s):`, '');
  for (const r of rows) ctx.summary.push(`- ${r.commit ? `${mdCode(r.commit.slice(0, 12))} ` : ''}${mdCode(r.rule)}: ${escapeMd(r.message)}`);
  ctx.summary.push('');
  ctx.outputs.ready = String(code === EXIT.ok);
  ctx.outputs.blockers = JSON.stringify(rows.map((r) => `${r.commit ? `${r.commit.slice(0, 12)} ` : ''}${r.rule}: ${r.message}`));
  return code;
}

/** `evidence`: the report of input `pr` / the event's pull request, or of input `range`, into the summary and RUNNER_TEMP. */
async function evidence(ctx: Context): Promise<number> {
  const range = input(ctx.io.env, 'range', '');
  const scope = range ? ['--range', range] : ['--pr', String(pullRequestNumber(ctx))];
  const dir = ctx.io.env.RUNNER_TEMP || ctx.io.cwd;
  const markdown = path.join(dir, 'change-control-evidence.md');
  const json = path.join(dir, 'change-control-evidence.json');
  const code = await evidenceCommand.run([...scope, '--out', markdown, '--json', json], ctx.cliIo);
  if (code !== EXIT.ok) throw new ChangeControlError('internal', `change-control evidence exited ${code}; its log is above.`);
  ctx.summary.push((await readFile(markdown, 'utf8')).trimEnd(), '');
  ctx.outputs.evidence = json;
  ctx.outputs['evidence-markdown'] = markdown;
  return EXIT.ok;
}

/**
 * `release-verify`: the release gate (`change-control release verify`) for
 * input `version`, else the pushed tag; exit 1 fails the release job.
 */
async function releaseVerify(ctx: Context): Promise<number> {
  const env = ctx.io.env;
  const version = input(env, 'version', '') || (env.GITHUB_REF_TYPE === 'tag' ? (env.GITHUB_REF_NAME ?? '') : '');
  if (!version) throw new ChangeControlError('usage', 'release-verify needs the release: pass input `version` (such as v1.4.0), or run on a tag push.');
  const lines: string[] = [];
  const io: CliIo = { ...ctx.cliIo, stdout: (t) => { lines.push(t); ctx.cliIo.stdout(t); } };
  const code = await releaseCommand.run(['verify', '--version', version], io);
  if (code === EXIT.usage) throw new ChangeControlError('usage', `change-control release verify exited ${code}; its log is above.`);
  const text = ctx.secrets.redact(lines.join('')).trimEnd();
  const missing = text.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.slice(4));
  for (const m of missing) ctx.io.stdout(annotation('error', m, { title: STATUS_CONTEXT }));
  ctx.summary.push(`## ${code === EXIT.ok ? '✅' : '❌'} Release ${escapeMd(version)}: ${code === EXIT.ok ? 'verified' : 'not verified'}`, '');
  for (const line of text.split('\n')) ctx.summary.push(escapeMd(line.replace(/^ {2}- /, '- ')));
  ctx.summary.push('');
  ctx.outputs.ready = String(code === EXIT.ok);
  ctx.outputs.blockers = JSON.stringify(missing);
  return code === EXIT.ok ? EXIT.ok : EXIT.failed;
}

function report(ctx: Context, pr: number, verdict: PullRequestVerdict): void {
  const { readiness } = verdict;
  for (const b of readiness.blockers) ctx.io.stdout(annotation('error', `#${pr}: ${b}`, { title: STATUS_CONTEXT }));
  for (const w of readiness.warnings) ctx.io.stdout(annotation('warning', `#${pr}: ${w}`, { title: STATUS_CONTEXT }));
  ctx.io.stdout(ctx.secrets.redact(`${verdict.lines.join('\n')}\n`));
  ctx.summary.push(`### ${readiness.ready ? '✅' : '❌'} #${pr}${verdict.title ? ` ${escapeMd(verdict.title)}` : ''}: ${readiness.ready ? 'ready to merge' : 'blocked'}`, '');
  for (const line of verdict.lines.slice(1)) ctx.summary.push(`- ${escapeMd(line)}`);
  ctx.summary.push('');
}

/** The "Change Control" commit status on the judged head, so branch protection can require it. */
async function postStatus(ctx: Context, client: GitHubConnection, sha: string, verdict: PullRequestVerdict): Promise<void> {
  const { readiness } = verdict;
  const text = readiness.ready ? 'Ready to merge: the change follows the policy.' : `Blocked: ${readiness.blockers.join('; ')}`;
  const runUrl = ctx.io.env.GITHUB_SERVER_URL && ctx.io.env.GITHUB_REPOSITORY && ctx.io.env.GITHUB_RUN_ID
    ? `${ctx.io.env.GITHUB_SERVER_URL}/${ctx.io.env.GITHUB_REPOSITORY}/actions/runs/${ctx.io.env.GITHUB_RUN_ID}`
    : undefined;
  await client.octokit.rest.repos.createCommitStatus({
    ...client.repo, sha, context: STATUS_CONTEXT, state: readiness.ready ? 'success' : 'failure',
    // GitHub keeps at most 140 characters of a status description.
    description: text.length > 140 ? `${text.slice(0, 139)}…` : text,
    ...(runUrl ? { target_url: runUrl } : {}),
  });
}

/** An issues event's checkout is the default branch: bring the pull request's head in, so its tests can be paired. */
async function fetchHead(root: string, pr: number, ref: string, sha: string): Promise<void> {
  const git = openGit(root);
  if (await commitExists(git, sha)) return;
  for (const spec of [`+refs/pull/${pr}/head`, `+refs/heads/${ref}`]) {
    try {
      await git.raw(['fetch', '--quiet', '--no-tags', 'origin', '--end-of-options', spec]);
      return;
    } catch {
      // Not every remote has refs/pull/*: try the branch itself; without either, verify says the head is missing.
    }
  }
}

function namesTicket(id: string | null, ticket: number, repository: string): boolean {
  if (!id) return false;
  return id === `#${ticket}` || id.toLowerCase() === `${repository.toLowerCase()}#${ticket}`;
}

function pullRequestNumber(ctx: Context): number {
  const given = input(ctx.io.env, 'pr', '');
  if (given) {
    if (!/^[1-9]\d*$/.test(given)) throw new ChangeControlError('usage', `input "pr" must be a pull request number, not "${given.slice(0, 40)}".`);
    return Number(given);
  }
  if (ctx.event.kind === 'pullRequest') return ctx.event.number;
  throw new ChangeControlError('usage', `input "pr" is needed on a ${ctx.event.name || 'manual'} event, which names no pull request.`);
}

/** An input as the runner passes it: INPUT_<NAME>, upper-case, spaces as underscores. */
function input(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim() || fallback;
}

async function writeRunnerFiles(env: NodeJS.ProcessEnv, summary: string[], outputs: Record<string, string>, secrets: SecretRegistry): Promise<void> {
  if (env.GITHUB_STEP_SUMMARY && summary.length > 0) await appendFile(env.GITHUB_STEP_SUMMARY, secrets.redact(`${summary.join('\n')}\n`));
  if (env.GITHUB_OUTPUT) {
    await appendFile(env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => outputEntry(k, secrets.redact(v))).join(''));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: the command failed before it could print its result; the caller says so.
    return {};
  }
}

/** Text from an author, as plain Markdown text: nothing in it renders as HTML, an image or a link. */
function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&').replace(/\r?\n/g, ' ');
}

function mdCode(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
