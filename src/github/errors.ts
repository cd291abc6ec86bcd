/**
 * Translates what Octokit throws (RequestError, AbortError, network and
 * timeout failures) into ChangeControlError, once, with an actionable
 * message and hint. Messages are redacted: never the token, never headers.
 */
import { ChangeControlError, type ErrorCode } from '../core/errors';
import { systemClock, type Clock } from '../core/clock';
import { formatSeconds, type Deadline } from './deadline';
import { plural } from '../core/rules/text';

export interface TranslateOptions {
  /** Scrubs secrets from any text taken from the error. */
  redact?: (text: string) => string;
  clock?: Clock;
}

interface HttpErrorLike {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
  request?: { method?: string; url?: string };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_CONNECT_TIMEOUT']);

/** Translate anything a GitHub call threw into a ChangeControlError (keeping the cause). */
export function translateGitHubError(err: unknown, options: TranslateOptions = {}): ChangeControlError {
  if (err instanceof ChangeControlError) return err;
  const redact = options.redact ?? ((t: string) => t);
  const expired = findInChain(err, (e) => typeof (e as { deadlineSeconds?: unknown } | null)?.deadlineSeconds === 'number') as DeadlineAbort | undefined;
  if (expired) return deadlineError(expired);
  if (hasName(err, 'AbortError') && (err as { interruptedWrite?: unknown }).interruptedWrite === true) {
    const timedOut = findInChain(err, (e) => hasName(e, 'TimeoutError')) !== undefined;
    const what = timedOut ? 'GitHub did not answer a change in time' : `The connection to GitHub dropped during a change (${findCode(err) ?? 'network error'})`;
    return make(timedOut ? 'github.timeout' : 'github.network', `${what}; it was not retried because GitHub may have applied it.`, 'Check on GitHub, then run the command again.', err, { interruptedWrite: true });
  }
  if (hasName(err, 'AbortError')) {
    return new ChangeControlError('cancelled', 'The GitHub request was cancelled.', { cause: err });
  }
  if (findInChain(err, (e) => hasName(e, 'TimeoutError'))) {
    return make('github.timeout', 'GitHub did not answer in time, even after retrying.', 'Check your connection and try again.', err);
  }
  const netCode = findCode(err);
  if (netCode) {
    return make('github.network', `GitHub could not be reached (${netCode}).`, 'Check your network connection or proxy, then try again.', err, { networkCode: netCode });
  }
  if (!isHttpError(err)) {
    const text = err instanceof Error ? err.message : String(err);
    return new ChangeControlError('internal', `GitHub request failed: ${redact(text)}`, { cause: err });
  }
  return translateStatus(err, { ...options, redact });
}

function translateStatus(err: HttpErrorLike, options: TranslateOptions & { redact: (t: string) => string }): ChangeControlError {
  const headers = err.response?.headers ?? {};
  const data = (err.response?.data ?? {}) as { message?: unknown; errors?: unknown };
  const ghMessage = typeof data.message === 'string' ? options.redact(data.message) : '';
  const detail = { status: err.status, githubMessage: ghMessage };
  const clock = options.clock ?? systemClock;
  const { status } = err;
  if (status === 401) {
    return make('github.unauthorized', 'GitHub did not accept your credentials (401).', 'Sign in to GitHub.', err, detail);
  }
  const retryAfter = Number(headers['retry-after']);
  if ((status === 403 || status === 429) && (/secondary rate/i.test(ghMessage) || Number.isFinite(retryAfter) && retryAfter > 0)) {
    const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? `${Math.ceil(retryAfter)} seconds` : 'a minute';
    return make('github.rateLimited', `GitHub's secondary rate limit stopped this request (too many requests at once).`, `Wait ${wait}, then try again.`, err, { ...detail, retryAfterSeconds: retryAfter || undefined });
  }
  if ((status === 403 || status === 429) && String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    const when = Number.isFinite(reset) && reset > 0 ? describeReset(new Date(reset * 1000), clock.now()) : 'soon';
    return make('github.rateLimited', `GitHub's API rate limit is used up; it resets ${when}.`, 'Try again after the reset.', err, { ...detail, resetAt: Number.isFinite(reset) ? new Date(reset * 1000).toISOString() : undefined });
  }
  if (status === 403) {
    const why = ghMessage ? `: ${ghMessage}` : '';
    return make('github.forbidden', `GitHub refused the request (403)${why}.`, 'Ask for access to the repository, or sign in with an account that has it.', err, detail);
  }
  if (status === 404) {
    const what = resourceFromUrl(err.request?.url) ?? 'the requested resource';
    return make('github.notFound', `GitHub could not find ${what} (404).`, 'Check the name or number, and that your account can see the repository.', err, detail);
  }
  if (status === 422) {
    const reasons = validationReasons(data.errors).map(options.redact);
    const text = reasons.length > 0 ? reasons.join('; ') : ghMessage || 'Validation failed';
    return make('github.validation', `GitHub rejected the request: ${text}.`, hintFor422(text), err, { ...detail, reasons });
  }
  if (status >= 500) {
    return make('github.server', `GitHub had a server error (${status}), even after retrying.`, 'Try again in a few minutes; see https://www.githubstatus.com.', err, detail);
  }
  const code: ErrorCode = 'internal';
  return make(code, `GitHub answered ${status}${ghMessage ? `: ${ghMessage}` : ''}.`, undefined, err, detail);
}

/** What the client throws when a command's deadline passes: an AbortError, which no retry plugin retries. */
export interface DeadlineAbort extends Error {
  deadlineSeconds: number;
  interruptedWrite: boolean;
}

export function deadlineAbort(deadline: Deadline, interruptedWrite: boolean, cause?: unknown): DeadlineAbort {
  const err = new Error(`GitHub did not answer within ${formatSeconds(deadline.seconds)} s`, cause === undefined ? undefined : { cause });
  return Object.assign(err, { name: 'AbortError', deadlineSeconds: deadline.seconds, interruptedWrite });
}

function deadlineError(err: DeadlineAbort): ChangeControlError {
  const s = formatSeconds(err.deadlineSeconds);
  const message = err.interruptedWrite
    ? `GitHub did not answer a change within ${s} s (the command's bound); it was not retried because GitHub may have applied it.`
    : `GitHub did not answer within ${s} s (the command's bound).`;
  return make('github.timeout', message, 'Check your connection (or https://www.githubstatus.com) and run it again; CHANGE_CONTROL_TIMEOUT_SECONDS, or changeControl.github.timeoutSeconds in the editor, sets the bound.', err, { deadlineSeconds: err.deadlineSeconds, interruptedWrite: err.interruptedWrite });
}

function make(code: ErrorCode, message: string, hint: string | undefined, cause: unknown, detail?: Record<string, unknown>): ChangeControlError {
  return new ChangeControlError(code, message, { cause, ...(hint ? { hint } : {}), ...(detail ? { detail } : {}) });
}

/** GitHub's `errors[]` entries: objects with `message`, or codes on a field. */
function validationReasons(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((e) => {
    if (typeof e === 'string') return e;
    const entry = e as { message?: string; code?: string; field?: string; resource?: string };
    if (entry.message) return entry.message;
    return [entry.resource, entry.field, entry.code].filter(Boolean).join(' ');
  }).filter((s) => s.length > 0);
}

function hintFor422(text: string): string {
  if (/pull request already exists/i.test(text)) return 'Open the existing pull request instead.';
  if (/no commits between/i.test(text)) return 'Commit your change and push the branch first.';
  if (/review cannot be requested from pull request author/i.test(text)) return 'Pick a reviewer other than the author.';
  return 'Correct the request and try again.';
}

/** "at 14:05 (in 12 minutes)", local time. */
export function describeReset(at: Date, now: Date): string {
  const minutes = Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 60_000));
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `at ${time} (in ${plural(minutes, 'minute', 'minutes')})`;
}

/** "issue #12 in acme/api", "repository acme/api": from the request URL. */
export function resourceFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\?.*$/, '').replace(/^\/api\/v3/, '');
  const m = /^\/repos\/([^/]+)\/([^/]+)(?:\/(issues|pulls)\/(\d+))?/.exec(path);
  if (!m) return undefined;
  const repo = `${decodeURIComponent(m[1] ?? '')}/${decodeURIComponent(m[2] ?? '')}`;
  if (m[3] === 'issues') return `issue #${m[4]} in ${repo}`;
  if (m[3] === 'pulls') return `pull request #${m[4]} in ${repo}`;
  return `repository ${repo} (or a resource in it)`;
}

function isHttpError(err: unknown): err is HttpErrorLike {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number' && (err as { status: number }).status >= 400;
}

function hasName(err: unknown, name: string): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === name;
}

function findInChain(err: unknown, test: (e: unknown) => boolean): unknown {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (test(current)) return current;
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return undefined;
}

function findCode(err: unknown): string | undefined {
  const found = findInChain(err, (e) => typeof e === 'object' && e !== null && NETWORK_CODES.has(String((e as { code?: unknown }).code)));
  if (found) return String((found as { code: unknown }).code);
  // undici reports a dropped connection as "other side closed" / "fetch failed" without a code on older paths.
  const text = findInChain(err, (e) => e instanceof Error && /other side closed|socket hang up|fetch failed/i.test(e.message));
  return text ? 'ECONNRESET' : undefined;
}

/**
 * The HTTP status behind a failed GitHub call: the shared client's hook has
 * translated it (detail.status); a bare Octokit leaves it on the error.
 */
export function httpStatusOf(err: unknown): number | undefined {
  const status = err instanceof ChangeControlError ? err.detail?.status : (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** True for 404 (no such issue, or no access to it) and 410 (the issue was deleted). */
export function isGoneOrMissing(err: unknown): boolean {
  const status = httpStatusOf(err);
  return status === 404 || status === 410;
}
