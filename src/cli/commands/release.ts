/**
 * `change-control release plan|verify|tag --version V [--from TAG] [--to REV]`:
 * a release is a change too. `plan` files (or updates) the one release
 * ticket of V with every change since the previous release and a table of
 * its deviations; `verify` is the release gate: exit 0 only when an
 * approver approved that ticket after its last edit and it lists every
 * deviation of the range, else exit 1 naming what is missing; `tag`, once
 * verified, tags, pushes and publishes the release (app/releaseTag.ts). The range
 * is judged by the policy at its start, as `evidence --range` does.
 */
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ChangeControlError } from '../../core/errors';
import { EvidenceDocumentSchema } from '../../core/evidence/schema';
import type { SecretRegistry } from '../../core/redact';
import { findReleaseTicket, planRelease, verifyRelease, type ReleaseOptions } from '../../app/release';
import { tagRelease } from '../../app/releaseTag';
import { trackerRepo } from '../../tickets/githubTicketProvider';
import { readReleaseMarker, releaseDeviations } from '../../core/release';
import { RANGE_BOUND_FACTOR } from '../../github/deadline';
import { ETAG_CACHE_GIT_PATH, loadEtagCache, saveEtagCache } from '../../github/etagCacheFile';
import type { GraphqlUsage } from '../../github/graphqlQuery';
import { commitExists, gitCall, gitPath, openGit } from '../../git/git';
import { loadPolicyAtCommit } from '../../git/policyFile';
import { parseCommandArgs, usageError, type CommandSpec } from '../args';
import { loadPolicyFor, requireWorkTree, withToken } from '../context';
import { cliGitHubPolicyReader } from '../extendsGitHub';
import { commandDeadline, connectCli, withinCommandBound } from '../github';
import { EXIT, VERSION, cliCommand, type CliIo } from '../io';
import { REMOTE_OPTION, TIMEOUT_OPTION, timeoutArg } from '../sharedOptions';
import { rateLimitPoints } from './evidence';

/** A tag-like version: v1.4.0, 2.0.0-rc.1 (no spaces, no `..`, nothing git would read as an option). */
const VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;
const REV = /^[A-Za-z0-9][A-Za-z0-9._/^~+-]{0,199}$/;

const spec = {
  name: 'release',
  summary: 'Plan a release (file its ticket), verify it (an approver approved the ticket, every deviation listed) or tag it',
  synopsis: '(plan | verify | tag) --version V',
  positionals: { name: 'plan|verify|tag', description: 'plan: file or update the release ticket; verify: the release gate; tag: once verified, tag, push and publish it', max: 1, tooMany: 'one step at a time' },
  options: {
    version: { type: 'string', value: 'V', valid: (v: string) => VERSION_NAME.test(v) && !v.includes('..'), expects: 'a version such as v1.4.0', description: 'The release (its tag name)' },
    from: { type: 'string', value: 'TAG', valid: (v: string) => REV.test(v), expects: 'a tag or commit', defaultText: 'the previous tag (verify: the range the ticket records)', description: 'The previous release' },
    to: { type: 'string', value: 'REV', valid: (v: string) => REV.test(v), expects: 'a commit or branch', defaultText: 'HEAD (verify: the range the ticket records)', description: 'The last commit of the release' },
    json: { type: 'string', value: 'FILE', description: 'verify: write the evidence JSON, with the release ticket and its approval, to FILE' },
    remote: REMOTE_OPTION,
    timeout: { ...TIMEOUT_OPTION, description: `${TIMEOUT_OPTION.description}; a release gets ${RANGE_BOUND_FACTOR} times this` },
  },
} as const satisfies CommandSpec;

interface ReleaseArgs {
  step: 'plan' | 'verify' | 'tag';
  version: string;
  from?: string;
  to?: string;
  json?: string;
  remote: string;
  timeoutSeconds?: number;
}

export function parseReleaseArgs(args: readonly string[]): ReleaseArgs {
  const { values, positionals } = parseCommandArgs(spec, args);
  const step = positionals[0];
  if (step !== 'plan' && step !== 'verify' && step !== 'tag') throw usageError(spec, step ? `"${step}" is not a step: say plan, verify or tag.` : 'say which step: plan, verify or tag.');
  if (values.version === undefined) throw usageError(spec, 'say which release: --version V.');
  return {
    step,
    version: values.version,
    remote: values.remote,
    ...(values.from !== undefined ? { from: values.from } : {}),
    ...(values.to !== undefined ? { to: values.to } : {}),
    ...(values.json !== undefined ? { json: values.json } : {}),
    ...timeoutArg(values.timeout),
  };
}

export const releaseCommand = cliCommand(spec, (args, io) => runRelease(parseReleaseArgs(args), io));

async function runRelease(args: ReleaseArgs, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'release');
  return withToken(io, 'A release ticket is filed and read on GitHub; the token needs issues: write for plan, read access for verify.', (token, secrets) => runWithToken(args, io, root, token, secrets));
}

async function runWithToken(args: ReleaseArgs, io: CliIo, root: string, token: string, secrets: SecretRegistry): Promise<number> {
  const loaded = await loadPolicyFor(io, root, 'release');
  const cacheFile = await gitPath(root, ETAG_CACHE_GIT_PATH);
  const cache = await loadEtagCache(cacheFile);
  const deadline = commandDeadline(io.env, RANGE_BOUND_FACTOR, args.timeoutSeconds);
  const github = await connectCli(io, { root, remote: args.remote, token, secrets, deadline, cache });
  const started = performance.now();
  const usage: GraphqlUsage = { queries: 0, points: 0 };
  const doneSoFar = (): string[] => [args.step === 'plan' ? 'no release ticket filed or changed' : args.step === 'tag' ? 'the release may be partly tagged: run release tag again' : 'the release was not verified'];
  // verify without --from judges the range the ticket records (what the approver saw).
  const recorded = args.step !== 'plan' && args.from === undefined
    ? await withinCommandBound(doneSoFar, () => findReleaseTicket(github.octokit, trackerRepo(github.repo, loaded.policy.tracker), loaded.policy.tracker.releaseLabel, args.version))
    : undefined;
  const from = args.from ?? (recorded ? readReleaseMarker(recorded.body)?.from : undefined) ?? (args.step === 'plan' ? await previousTag(root, args.to ?? 'HEAD') : undefined);
  const to = args.to !== undefined || args.step === 'plan' ? await resolveCommit(root, args.to ?? 'HEAD') : undefined;
  // The range is judged by the policy at its start (the checkout's only when there is no ticket to say where it starts).
  const policyAt = from ? await resolveCommit(root, from) : undefined;
  const governing = policyAt
    ? await loadPolicyAtCommit(root, policyAt, from!, { github: cliGitHubPolicyReader(io, { root, remote: args.remote, token, deadline, cache }) })
    : { policy: loaded.policy, problems: [] as string[] };
  for (const line of governing.problems) io.stderr(`change-control release: ${line} (the default applies)\n`);
  const base: Omit<ReleaseOptions, 'from' | 'to'> = {
    root, octokit: github.octokit, repo: github.repo, repoUrl: `https://${github.host}/${github.repo.owner}/${github.repo.repo}`, policy: governing.policy,
    version: args.version, generatorVersion: VERSION, now: new Date(), secrets: () => [token], usage,
  };
  const counts = (): string => {
    const c = github.requestLog.snapshot();
    return `${c.requests} GitHub request(s), ${rateLimitPoints(c, usage)}, ${Math.round(performance.now() - started)} ms`;
  };
  try {
    if (args.step === 'plan') {
      const plan = await withinCommandBound(doneSoFar, () => planRelease({ ...base, from: from!, to: to! }));
      const deviations = releaseDeviations(plan.doc).length;
      const what = plan.action === 'created' ? 'Filed' : plan.action === 'updated' ? 'Updated' : 'Unchanged:';
      io.stdout(`${what} release ticket #${plan.ticket.number} for ${args.version}: ${plan.doc.changes.length} change(s) since ${from}, ${deviations} deviation(s). ${plan.ticket.url}\n`);
      if (plan.action !== 'unchanged') io.stdout(`Next: an approver applies "${governing.policy.tracker.approvalLabel}" to #${plan.ticket.number}; then run change-control release verify --version ${args.version}.\n`);
      io.stderr(`change-control release: ${counts()}.\n`);
      return EXIT.ok;
    }
    if (args.step === 'tag') {
      const tagged = await withinCommandBound(doneSoFar, () => tagRelease({ ...base, ...(from ? { from } : {}), ...(to ? { to } : {}), remote: args.remote }));
      io.stderr(`change-control release: ${counts()}.\n`);
      if (!tagged.verified.verdict.ok) {
        io.stdout(`Release ${args.version} is not verified, so it was not tagged:\n${tagged.verified.verdict.missing.map((m) => `  - ${m}\n`).join('')}`);
        return EXIT.failed;
      }
      io.stdout(tagged.done.length > 0 ? `Release ${args.version}: ${tagged.done.join('; ')}. ${tagged.releaseUrl ?? ''}\n` : `Nothing to do: ${args.version} is tagged, released and announced. ${tagged.releaseUrl ?? ''}\n`);
      return EXIT.ok;
    }
    const result = await withinCommandBound(doneSoFar, () => verifyRelease({ ...base, ...(from ? { from } : {}), ...(to ? { to } : {}) }));
    io.stderr(`change-control release: ${counts()}.\n`);
    if (args.json && result.doc) await writeFile(path.resolve(io.cwd, args.json), `${JSON.stringify(EvidenceDocumentSchema.parse(result.doc), null, 2)}\n`);
    if (result.verdict.ok) {
      io.stdout(`Release ${args.version} is verified: ${result.verdict.proven.join('; ')}.\n`);
      return EXIT.ok;
    }
    io.stdout(`Release ${args.version} is not verified:\n${result.verdict.missing.map((m) => `  - ${m}\n`).join('')}`);
    return EXIT.failed;
  } finally {
    await saveEtagCache(cacheFile, cache, [token]);
  }
}

async function resolveCommit(root: string, rev: string): Promise<string> {
  const git = openGit(root);
  if (!(await commitExists(git, rev))) {
    throw new ChangeControlError('git.baseNotFound', `The revision "${rev}" does not exist here.`, { hint: 'Pass a tag or commit that exists (fetch the tags: git fetch --tags).' });
  }
  return (await gitCall(`Look up ${rev}`, () => git.raw(['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`]))).trim();
}

/** The newest tag reachable from the release's parent: the previous release. */
async function previousTag(root: string, to: string): Promise<string> {
  const git = openGit(root);
  try {
    return (await git.raw(['describe', '--tags', '--abbrev=0', '--end-of-options', `${await resolveCommit(root, to)}^`])).trim();
  } catch (err) {
    throw new ChangeControlError('git.baseNotFound', `No tag before ${to} names the previous release.`, { cause: err, hint: 'Pass --from TAG.' });
  }
}
