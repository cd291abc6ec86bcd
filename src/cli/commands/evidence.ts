/**
 * `change-control evidence (--pr N | --branch B | --range A..B)`: the audit
 * evidence of one change or of a release, as Markdown (stdout or --out)
 * and/or the versioned JSON document (--format json, --json FILE). Progress
 * and request counts go to stderr. The ETag cache is kept in the git
 * folder between runs, so re-running an unchanged range costs 304s.
 * The changes are judged by the base's policy (see evidenceBase), never by
 * the checkout's.
 */
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { renderEvidenceMarkdown } from '../../core/evidence/markdown';
import { EvidenceDocumentSchema, type EvidenceDocument } from '../../core/evidence/schema';
import { ChangeControlError } from '../../core/errors';
import type { SecretRegistry } from '../../core/redact';
import { loadPolicyFor, requireWorkTree, withToken } from '../context';
import type { GitHubConnection } from '../../app/connect';
import { commandDeadline, connectCli, withinCommandBound } from '../github';
import { RANGE_BOUND_FACTOR } from '../../github/deadline';
import { ETAG_CACHE_GIT_PATH, loadEtagCache, saveEtagCache } from '../../github/etagCacheFile';
import { produceEvidence, pullForBranch, type EvidenceReader, type EvidenceScope } from '../../app/evidenceReport';
import type { GraphqlUsage } from '../../github/graphqlQuery';
import { commitExists, gitCall, gitPath, openGit } from '../../git/git';
import { loadPolicyAtCommit } from '../../git/policyFile';
import { cliGitHubPolicyReader } from '../extendsGitHub';
import { parseCommandArgs, usageError, type CommandSpec } from '../args';
import { EXIT, VERSION, cliCommand, type CliIo } from '../io';
import { PULL_REQUEST_NUMBER, REMOTE_OPTION, TIMEOUT_OPTION, timeoutArg } from '../sharedOptions';

export interface EvidenceArgs {
  scope: EvidenceScope;
  format: 'markdown' | 'json';
  out?: string;
  json?: string;
  remote: string;
  /** --timeout, in seconds. */
  timeoutSeconds?: number;
  /** --reader: how a --range is read. */
  reader: EvidenceReader;
}

/** FROM..TO: two refs, not three dots. */
const RANGE = /^([^.]+(?:\.[^.]+)*)\.\.([^.]+(?:\.[^.]+)*)$/;

const spec = {
  name: 'evidence',
  summary: 'Write the audit evidence of a pull request, a branch or a release range (Markdown or JSON)',
  synopsis: '(--pr N | --branch B | --range A..B)',
  options: {
    pr: { ...PULL_REQUEST_NUMBER, description: 'The evidence of one pull request' },
    branch: { type: 'string', value: 'B', description: 'The evidence of the pull request of a branch' },
    range: {
      type: 'string',
      value: 'A..B',
      valid: (v: string) => RANGE.test(v) && !v.includes('...'),
      expects: 'FROM..TO (two refs, such as v1.2.0..v1.3.0)',
      description: 'The evidence of every change in a release range',
    },
    format: { type: 'string', choices: ['markdown', 'json'], default: 'markdown', description: 'The document on stdout (or in --out)' },
    out: { type: 'string', value: 'FILE', defaultText: 'stdout', description: 'Write the document to FILE' },
    json: { type: 'string', value: 'FILE', description: 'Also write the JSON document to FILE' },
    reader: {
      type: 'string',
      choices: ['graphql', 'rest'],
      default: 'graphql',
      description: 'How a --range is read: GraphQL batches (few requests), or REST per change (conditional: free when nothing changed)',
    },
    remote: REMOTE_OPTION,
    timeout: { ...TIMEOUT_OPTION, description: `${TIMEOUT_OPTION.description}; a --range gets ${RANGE_BOUND_FACTOR} times this` },
  },
  exclusive: [['pr', 'branch', 'range']],
} as const satisfies CommandSpec;

export function parseEvidenceArgs(args: readonly string[]): EvidenceArgs {
  const { values } = parseCommandArgs(spec, args);
  const range = values.range?.match(RANGE);
  const scope: EvidenceScope | undefined =
    values.pr !== undefined ? { kind: 'pull-request', number: Number(values.pr) }
    : values.branch !== undefined ? { kind: 'branch', branch: values.branch }
    : range ? { kind: 'range', from: range[1] as string, to: range[2] as string }
    : undefined;
  if (!scope) throw usageError(spec, 'say what to report on: --pr N, --branch B or --range A..B.');
  return {
    scope,
    format: values.format,
    reader: values.reader,
    remote: values.remote,
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.json !== undefined ? { json: values.json } : {}),
    ...timeoutArg(values.timeout),
  };
}

export const evidenceCommand = cliCommand(spec, (args, io) => runEvidence(parseEvidenceArgs(args), io));

async function runEvidence(args: EvidenceArgs, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'evidence');
  return withToken(io, 'Evidence is read from GitHub; a token with read access to the repository is enough.', (token, secrets) => runWithToken(args, io, root, token, secrets));
}

async function runWithToken(args: EvidenceArgs, io: CliIo, root: string, token: string, secrets: SecretRegistry): Promise<number> {
  const loaded = await loadPolicyFor(io, root, 'evidence');
  const cacheFile = await gitPath(root, ETAG_CACHE_GIT_PATH);
  const cache = await loadEtagCache(cacheFile);
  // A release range reads every change in it: its bound is RANGE_BOUND_FACTOR times a command's.
  const deadline = commandDeadline(io.env, args.scope.kind === 'range' ? RANGE_BOUND_FACTOR : 1, args.timeoutSeconds);
  const github = await connectCli(io, { root, remote: args.remote, token, secrets, deadline, cache });
  const started = performance.now();
  const usage: GraphqlUsage = { queries: 0, points: 0 };
  const progress = { done: 0, total: 0 };
  const doneSoFar = (): string[] => [...(progress.total > 0 ? [`read ${progress.done} of ${progress.total} changes`] : []), 'no evidence written'];
  const base = await withinCommandBound(doneSoFar, () => evidenceBase(root, args.scope, github, loaded.policy.branch.base));
  // The base's policy with what it extends, as of the base commit (a GitHub file with this token, through this cache).
  const governing = await loadPolicyAtCommit(root, base.commit, base.label, { github: cliGitHubPolicyReader(io, { root, remote: args.remote, token, deadline, cache }) });
  for (const line of governing.problems) io.stderr(`change-control evidence: ${line} (the default applies)\n`);
  for (const note of governing.resolved?.notes ?? []) io.stderr(`change-control evidence: ${note}\n`);
  const extended = governing.resolved ? governing.resolved.layers.slice(0, -1).map((l) => l.ref ?? l.label) : [];
  const doc = await withinCommandBound(doneSoFar, () => produceEvidence({
    root,
    octokit: github.octokit,
    repo: github.repo,
    repoUrl: `https://${github.host}/${github.repo.owner}/${github.repo.repo}`,
    policy: governing.policy,
    policySource: `${base.label} (${base.commit.slice(0, 12)})${extended.length > 0 ? `, extending ${extended.join(', ')}` : ''}`,
    scope: args.scope,
    generatorVersion: VERSION,
    now: new Date(),
    secrets: () => [token],
    reader: args.reader,
    usage,
    onProgress: (message, done, total) => {
      Object.assign(progress, { done, total });
      if (args.scope.kind === 'range' && message !== 'done') io.stderr(`${message} (${done + 1}/${total})\n`);
    },
  }));
  await saveEtagCache(cacheFile, cache, [token]);
  await writeOutputs(args, io, validated(doc), secrets);
  const counts = github.requestLog.snapshot();
  io.stderr(`change-control evidence: ${doc.changes.length} change(s), ${doc.summary.deviations} deviation(s); ${counts.requests} GitHub request(s), ${counts.notModified} answered 304 (not modified), ${rateLimitPoints(counts, usage)}, ${Math.round(performance.now() - started)} ms.\n`);
  return EXIT.ok;
}

/** The rate-limit points a run used: REST counts each request not answered 304, GraphQL what GitHub said each query cost. */
export function rateLimitPoints(counts: { requests: number; notModified: number }, usage: GraphqlUsage): string {
  const rest = counts.requests - counts.notModified - usage.queries;
  return `rate-limit points: ${rest} REST, ${usage.points} GraphQL (${usage.queries} quer${usage.queries === 1 ? 'y' : 'ies'})`;
}

/**
 * The commit whose policy judges the evidence: the base's, never the
 * checkout's. A range is judged by the policy at its start (each change
 * that edits the policy says so); a pull request by its base: the merge's
 * first parent once merged, else the base commit GitHub names.
 */
async function evidenceBase(root: string, scope: EvidenceScope, github: GitHubConnection, baseBranch: string): Promise<{ label: string; commit: string }> {
  const git = openGit(root);
  const local = async (rev: string): Promise<string | undefined> => ((await commitExists(git, rev)) ? (await gitCall(`Look up ${rev}`, () => git.raw(['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`]))).trim() : undefined);
  if (scope.kind === 'range') {
    const commit = await local(scope.from);
    if (commit) return { label: scope.from, commit };
    throw new ChangeControlError('git.baseNotFound', `The revision "${scope.from}" does not exist, so the policy at the start of the range cannot be read.`, { hint: 'Pass a branch, tag or commit that exists (fetch the tags).' });
  }
  const number = scope.kind === 'pull-request' ? scope.number : await pullForBranch({ octokit: github.octokit, repo: github.repo }, scope.branch);
  const { data: pr } = await github.octokit.rest.pulls.get({ ...github.repo, pull_number: number });
  const merged = pr.merged_at && pr.merge_commit_sha ? await local(`${pr.merge_commit_sha}^1`) : undefined;
  const commit = merged ?? (await local(pr.base.sha));
  if (commit) return { label: pr.base.ref || baseBranch, commit };
  throw new ChangeControlError('git.baseNotFound', `The base commit ${pr.base.sha.slice(0, 12)} of pull request #${number} is not in the local clone, so its policy cannot be read.`, {
    hint: 'Fetch the base branch (in GitHub Actions: actions/checkout with fetch-depth: 0).',
  });
}

function validated(doc: EvidenceDocument): EvidenceDocument {
  const parsed = EvidenceDocumentSchema.safeParse(doc);
  if (!parsed.success) throw new ChangeControlError('policy.invalid', `The evidence document does not match its schema: ${parsed.error.issues[0]?.message ?? 'invalid'} (a bug: please report it).`);
  return parsed.data;
}

async function writeOutputs(args: EvidenceArgs, io: CliIo, doc: EvidenceDocument, secrets: SecretRegistry): Promise<void> {
  const json = `${secrets.redact(JSON.stringify(doc, null, 2))}\n`;
  const main = args.format === 'json' ? json : secrets.redact(renderEvidenceMarkdown(doc));
  if (args.json) await writeFile(path.resolve(io.cwd, args.json), json);
  if (args.out) await writeFile(path.resolve(io.cwd, args.out), main);
  else if (!args.json || args.format === 'markdown') io.stdout(main);
}
