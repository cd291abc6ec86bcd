/**
 * The one error type Change Control raises on purpose. Adapters translate
 * library errors (git stderr, Octokit statuses, zod issues) into it once, so
 * the UI boundary and the CLI can show an actionable message by `code`.
 */
export type ErrorCode =
  | 'usage'
  | 'policy.invalid'
  | 'git.notARepository'
  | 'git.dirtyWorkTree'
  | 'git.branchExists'
  | 'git.invalidBranchName'
  | 'git.detachedHead'
  | 'git.noRemote'
  | 'git.fetchFailed'
  | 'git.pushRejected'
  | 'git.mergeInProgress'
  | 'git.rebaseInProgress'
  | 'git.operationInProgress'
  | 'git.baseNotFound'
  | 'git.hookExists'
  | 'git.failed'
  | 'git.notFastForward'
  | 'github.unauthorized'
  | 'github.forbidden'
  | 'github.rateLimited'
  | 'github.notFound'
  | 'github.validation'
  | 'github.server'
  | 'github.timeout'
  | 'github.network'
  | 'github.noRepository'
  | 'ticket.invalidId'
  | 'ticket.notFound'
  | 'ticket.closed'
  | 'ticket.notApproved'
  | 'merge.blocked'
  | 'merge.notAllowed'
  | 'merge.headMoved'
  | 'workspace.untrusted'
  | 'cancelled'
  | 'internal';

export interface ChangeControlErrorOptions {
  cause?: unknown;
  /** Short, imperative next step shown to the user ("Sign in to GitHub"); names no CLI flag. */
  hint?: string;
  /** The same next step phrased for the command line (with its flags); the CLI shows it instead. */
  cliHint?: string;
  /** Extra structured detail for logs and tests (never secrets). */
  detail?: Record<string, unknown>;
}

export class ChangeControlError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly cliHint: string | undefined;
  readonly detail: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: ChangeControlErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChangeControlError';
    this.code = code;
    this.hint = options.hint;
    this.cliHint = options.cliHint;
    this.detail = options.detail;
  }
}

/** True when `err` is a ChangeControlError, optionally with one of `codes`. */
export function isChangeControlError(err: unknown, ...codes: ErrorCode[]): err is ChangeControlError {
  return err instanceof ChangeControlError && (codes.length === 0 || codes.includes(err.code));
}

/** The next step of an error for a shell: the CLI's wording (with flags) where there is one. */
export function hintFor(err: ChangeControlError, shell: 'editor' | 'cli' = 'editor'): string | undefined {
  return shell === 'cli' ? (err.cliHint ?? err.hint) : err.hint;
}

/** A message for any thrown value, for the UI boundary (default) and the CLI (`shell` 'cli'). */
export function describeError(err: unknown, shell: 'editor' | 'cli' = 'editor'): string {
  if (err instanceof ChangeControlError) {
    const hint = hintFor(err, shell);
    return hint ? `${err.message} ${hint}` : err.message;
  }
  if (err instanceof Error) return err.message;
  return String(err);
}
