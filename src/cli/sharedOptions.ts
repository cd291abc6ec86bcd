/**
 * Options several commands share, declared once so they read and behave
 * the same everywhere: the git remote, the output format, and the bound of
 * a command that talks to GitHub (`--timeout`, the flag form of
 * CHANGE_CONTROL_TIMEOUT_SECONDS).
 */
import { DEFAULT_TIMEOUT_SECONDS, parseTimeoutSeconds } from '../github/deadline';
import type { OptionSpec } from './args';

export const REMOTE_OPTION = {
  type: 'string',
  value: 'NAME',
  default: 'origin',
  description: 'The git remote of the repository on GitHub',
} as const satisfies OptionSpec;

export const TEXT_OR_JSON_OPTION = {
  type: 'string',
  choices: ['text', 'json'],
  default: 'text',
  description: 'Print text, or JSON for scripts',
} as const satisfies OptionSpec;

/** A pull request number (its description is the command's). */
export const PULL_REQUEST_NUMBER = {
  type: 'string',
  value: 'N',
  valid: (value: string) => /^[1-9]\d*$/.test(value),
  expects: 'a pull request number',
} as const satisfies Omit<OptionSpec, 'description'>;

export const TIMEOUT_OPTION = {
  type: 'string',
  value: 'SECONDS',
  defaultText: `CHANGE_CONTROL_TIMEOUT_SECONDS, else ${DEFAULT_TIMEOUT_SECONDS}`,
  description: 'Give up on GitHub after this many seconds, one bound for the whole command',
  valid: (value: string) => parseTimeoutSeconds(value) !== undefined,
  expects: 'a number of seconds above 0 and up to 3600',
} as const satisfies OptionSpec;

/** `{ timeoutSeconds }` when --timeout was given (already checked by the spec), else nothing. */
export function timeoutArg(value: string | undefined): { timeoutSeconds?: number } {
  const seconds = value === undefined ? undefined : parseTimeoutSeconds(value);
  return seconds === undefined ? {} : { timeoutSeconds: seconds };
}
