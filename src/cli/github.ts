/**
 * How the CLI commands reach GitHub: the user's hosts from the environment
 * (CHANGE_CONTROL_GITHUB_API_URL; a repository cannot set it), and one
 * deadline per command (--timeout SECONDS, else
 * CHANGE_CONTROL_TIMEOUT_SECONDS, else 20 s) shared by all of its requests. When the deadline passes, the error says
 * what the command had already done.
 */
import { ChangeControlError, isChangeControlError } from '../core/errors';
import type { Logger } from '../core/ports';
import { silentLogger } from '../core/ports';
import type { SecretRegistry } from '../core/redact';
import type { GitHubTuning } from '../github/client';
import { connectGitHub, resolveRemoteTarget, type GitHubConnection } from '../app/connect';
import { Deadline, DEFAULT_TIMEOUT_SECONDS, parseTimeoutSeconds } from '../github/deadline';
import type { EtagCache } from '../github/etagCache';
import type { GitHubHostConfig, GitHubTarget } from '../github/githubTarget';
import type { CliIo } from './io';

/** The user's GitHub hosts as the CLI reads them. */
export function cliHostConfig(env: NodeJS.ProcessEnv): GitHubHostConfig {
  return { apiUrl: env.CHANGE_CONTROL_GITHUB_API_URL ?? '', apiUrlSource: 'CHANGE_CONTROL_GITHUB_API_URL', tokenFrom: 'environment' };
}

/**
 * The bound of one command, times `scale`: `flagSeconds` (its --timeout,
 * already checked), else CHANGE_CONTROL_TIMEOUT_SECONDS, else 20 s; a bad
 * environment value is a usage error.
 */
export function commandDeadline(env: NodeJS.ProcessEnv, scale = 1, flagSeconds?: number): Deadline {
  if (flagSeconds !== undefined) return new Deadline(flagSeconds * scale);
  const raw = env.CHANGE_CONTROL_TIMEOUT_SECONDS;
  const seconds = raw === undefined || raw === '' ? DEFAULT_TIMEOUT_SECONDS : parseTimeoutSeconds(raw);
  if (seconds === undefined) {
    throw new ChangeControlError('usage', `CHANGE_CONTROL_TIMEOUT_SECONDS must be a number of seconds above 0 and up to 3600, not ${JSON.stringify((raw ?? "").slice(0, 40))}.`);
  }
  return new Deadline(seconds * scale);
}

/** Where the repository's remote is on GitHub; throws (no request made) when it is not on a configured GitHub. */
export function cliTarget(io: CliIo, root: string, remote: string): Promise<GitHubTarget> {
  return resolveRemoteTarget(root, remote, cliHostConfig(io.env));
}

export interface CliConnectOptions {
  root: string;
  remote: string;
  token: string;
  secrets: SecretRegistry;
  deadline: Deadline;
  logger?: Logger;
  cache?: EtagCache;
  tuning?: Partial<GitHubTuning>;
  target?: GitHubTarget;
}

export function connectCli(io: CliIo, o: CliConnectOptions): Promise<GitHubConnection> {
  const hosts = cliHostConfig(io.env);
  return connectGitHub({
    root: o.root,
    remote: o.remote,
    apiUrl: hosts.apiUrl,
    hosts,
    ...(o.target ? { target: o.target } : {}),
    token: async () => o.token,
    logger: o.logger ?? silentLogger,
    secrets: o.secrets,
    deadline: o.deadline,
    ...(o.cache ? { cache: o.cache } : {}),
    ...(o.tuning ? { tuning: o.tuning } : {}),
  });
}

/** True for the error of an expired command deadline. */
export function isDeadlineError(err: unknown): err is ChangeControlError {
  return isChangeControlError(err, 'github.timeout') && typeof err.detail?.deadlineSeconds === 'number';
}

/**
 * Runs `task`; when the command's deadline stops it, the error ends with
 * "Done so far: …" (from `doneSoFar`, or "nothing").
 */
export async function withinCommandBound<T>(doneSoFar: () => readonly string[], task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (err) {
    if (!isDeadlineError(err)) throw err;
    const done = doneSoFar();
    throw new ChangeControlError(err.code, `${err.message} Done so far: ${done.length > 0 ? done.join(', ') : 'nothing'}.`, {
      cause: err,
      ...(err.hint ? { hint: err.hint } : {}),
      ...(err.cliHint ? { cliHint: err.cliHint } : {}),
      ...(err.detail ? { detail: { ...err.detail, done: [...done] } } : {}),
    });
  }
}
