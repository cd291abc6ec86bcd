/** What every repository-bound CLI command needs first: the work tree, the policy and the token. */
import { ChangeControlError } from '../core/errors';
import { policyInvalidError, type GoverningPolicy } from '../core/policy/governingPolicy';
import type { PolicyProblem } from '../core/policy/parsePolicy';
import { SecretRegistry } from '../core/redact';
import { workTreeRoot } from '../git/commits';
import { extendedProblems, loadGoverningPolicy, loadPolicyFile, type GoverningPolicyOptions, type LoadedPolicy } from '../git/policyFile';
import { cliGitHubPolicyReader } from './extendsGitHub';
import type { CliIo } from './io';

/** The repository root containing the current directory, or a usage error naming the command. */
export async function requireWorkTree(io: CliIo, command: string, nextStep = `run ${command} in your repository.`): Promise<string> {
  const root = await workTreeRoot(io.cwd);
  if (!root) throw new ChangeControlError('usage', `${io.cwd} is not inside a git work tree; ${nextStep}`);
  return root;
}

/** The GitHub token the CLI uses: GITHUB_TOKEN, else GH_TOKEN (never a flag: flags end up in shell history). */
export function tokenFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_TOKEN || env.GH_TOKEN || undefined;
}

/**
 * Runs a command that needs GitHub: without a token it fails with
 * `github.unauthorized` and `hint`; with one, the token is a registered
 * secret and no error message leaving `task` can carry it.
 */
export async function withToken<T>(io: CliIo, hint: string, task: (token: string, secrets: SecretRegistry) => Promise<T>): Promise<T> {
  const token = tokenFromEnv(io.env);
  if (!token) throw new ChangeControlError('github.unauthorized', 'No GitHub token: set GITHUB_TOKEN or GH_TOKEN.', { hint });
  const secrets = new SecretRegistry();
  secrets.add(token);
  try {
    return await task(token, secrets);
  } catch (err) {
    // The error boundary prints err.message: make sure no token can reach it.
    if (err instanceof Error) err.message = secrets.redact(err.message);
    throw err;
  }
}

/** `FILE:LINE:COL KEY: message (the default applies)`: a policy problem a command works around. */
function describePolicyProblem(file: string, problem: PolicyProblem): string {
  const key = problem.path.length > 0 ? ` ${problem.path.join('.')}` : '';
  return `${file}:${problem.line}:${problem.column}${key}: ${problem.message} (the default applies)`;
}

/** The repository's policy file; each problem goes to stderr under the command's name, and its default applies. */
export async function loadPolicyFor(io: CliIo, root: string, command: string): Promise<LoadedPolicy> {
  const loaded = await loadPolicyFile(root);
  for (const problem of loaded.problems) io.stderr(`change-control ${command}: ${describePolicyProblem(loaded.file, problem)}\n`);
  for (const doc of extendedProblems(loaded)) for (const problem of doc.problems) io.stderr(`change-control ${command}: ${describePolicyProblem(doc.label, problem)}\n`);
  return loaded;
}

/**
 * The policy a gate (`status`, `verify`) decides by: the base branch's,
 * tightened by the working tree's. A policy with any problem is refused
 * (`policy.invalid`, exit 2) instead of deciding on defaults; a base that
 * cannot be read throws (the gate fails closed). With `io`, a policy the
 * base extends on GitHub is fetched with the user's token; else it is refused.
 */
export async function loadGatePolicyFor(root: string, options: GoverningPolicyOptions, io?: CliIo): Promise<GoverningPolicy> {
  const github = options.github ?? (io ? cliGitHubPolicyReader(io, { root, remote: options.remote, token: tokenFromEnv(io.env) }) : undefined);
  const governing = await loadGoverningPolicy(root, { ...options, ...(github ? { github } : {}) });
  const invalid = policyInvalidError(governing);
  if (invalid) throw invalid;
  // An offline copy decided: say so, next to the verdict.
  if (io) for (const note of governing.source.extendsNotes ?? []) io.stderr(`change-control: ${note}\n`);
  return governing;
}

/**
 * The gate policy of a pull request as the verify use case asks for it:
 * its base branch's, at the base commit GitHub names (its own may only
 * tighten it); an invalid policy throws.
 */
export function gatePolicyFor(io: CliIo, root: string, remote: string): (base: { ref: string; sha: string; editsPolicy: boolean }) => Promise<GoverningPolicy> {
  return (base) => loadGatePolicyFor(root, { remote, base: { ref: base.ref, commit: base.sha }, changed: base.editsPolicy }, io);
}

/**
 * The policy that governs the current change for a command that is not a
 * gate (`pr`): the base branch's, tightened by the working tree's. Each
 * problem goes to stderr once and its key's default applies; a base that
 * cannot be read throws.
 */
export async function loadChangePolicyFor(io: CliIo, root: string, command: string, remote: string): Promise<GoverningPolicy> {
  const governing = await loadGoverningPolicy(root, { remote, github: cliGitHubPolicyReader(io, { root, remote, token: tokenFromEnv(io.env) }) });
  for (const line of governing.source.problems ?? []) io.stderr(`change-control ${command}: ${line} (the default applies)\n`);
  for (const note of governing.source.extendsNotes ?? []) io.stderr(`change-control ${command}: ${note}\n`);
  return governing;
}
