/**
 * The one factory for GitHub API clients: @octokit/rest with retry and
 * throttling, a timeout on every attempt, an optional deadline over all of
 * a command's requests, pagination that always ends, ETag conditional
 * GETs, one logging/counting funnel, the token read from a callback (never
 * logged) and sent only to the client's own origin, and every failure
 * translated once into ChangeControlError. Tests tune the delays down
 * through `tuning`, the same options production uses.
 */
import { createHash } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { ChangeControlError } from '../core/errors';
import { silentLogger, type Logger, type TokenSource } from '../core/ports';
import { SecretRegistry } from '../core/redact';
import type { Deadline } from './deadline';
import { EtagCache } from './etagCache';
import { isLoopbackHost } from './githubTarget';
import { guardPagination } from './pagination';
import { RequestLog } from './requestLog';
import { deadlineAbort, translateGitHubError } from './errors';

export interface GitHubTuning {
  /** Retries after a 5xx, a timeout or a dropped connection (not 4xx). */
  retries: number;
  /** Retry n waits n² × this many ms. */
  retryBaseMs: number;
  /** Milliseconds per "second" of Retry-After / rate-limit reset (1000 in production). */
  rateLimitUnitMs: number;
  /** Longest rate-limit wait (seconds) we sit through before reporting instead. */
  maxRateLimitWaitSeconds: number;
  /** Rate-limit retries per request. */
  rateLimitRetries: number;
  /** Minimum ms between writes (GitHub asks for ≥ 1 s to avoid secondary limits). */
  writeMinTimeMs: number;
  /** Minimum ms between search requests. */
  searchMinTimeMs: number;
  /** Timeout of each HTTP attempt in ms. */
  requestTimeoutMs: number;
  /** Most pages one paginated read follows (pagination.ts). */
  maxPages: number;
}

export const defaultTuning: GitHubTuning = {
  retries: 2,
  retryBaseMs: 1000,
  rateLimitUnitMs: 1000,
  maxRateLimitWaitSeconds: 60,
  rateLimitRetries: 1,
  writeMinTimeMs: 1000,
  searchMinTimeMs: 2000,
  requestTimeoutMs: 30_000,
  maxPages: 300,
};

export interface GitHubClientOptions {
  /** REST API base URL (`https://api.github.com`, `https://HOST/api/v3`). */
  baseUrl: string;
  /** The token, read when each request is sent (undefined: not signed in). A string is accepted for the CLI. */
  token: TokenSource | string;
  tuning?: Partial<GitHubTuning>;
  logger?: Logger;
  /** Shared by clients of one session so conditional GETs survive a client rebuild. */
  cache?: EtagCache;
  /** Every token seen is registered here so logs and errors are scrubbed. */
  secrets?: SecretRegistry;
  userAgent?: string;
  /** The command's overall bound: no request, retry or rate-limit wait outlasts it. */
  deadline?: Deadline;
}

export interface GitHubClient {
  readonly octokit: Octokit;
  readonly baseUrl: string;
  readonly requestLog: RequestLog;
  readonly cache: EtagCache;
  readonly tuning: GitHubTuning;
}

const ThrottledOctokit = Octokit.plugin(retry, throttling);

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const tuning: GitHubTuning = { ...defaultTuning, ...options.tuning };
  const logger = options.logger ?? silentLogger;
  const secrets = options.secrets ?? new SecretRegistry();
  const redact = (text: string): string => secrets.redact(text);
  const cache = options.cache ?? new EtagCache();
  const requestLog = new RequestLog(logger, redact);
  const baseUrl = checkedBaseUrl(options.baseUrl);
  const origin = new URL(baseUrl).origin;
  const deadline = options.deadline;
  const getToken: TokenSource = typeof options.token === 'string' ? ((t) => async () => t)(options.token) : options.token;

  const octokit = new ThrottledOctokit({
    baseUrl,
    userAgent: options.userAgent ?? 'change-control',
    // Octokit's request log reports each failed attempt at error level; the
    // funnel and the translated error say it already, so keep it at debug.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => logger.warn(redact(m)), error: (m: string) => logger.debug(redact(m)) },
    // 429 joins the plugin's defaults: rate limits belong to the throttling
    // handlers, which honour the reset time instead of retrying blindly.
    retry: { retries: tuning.retries, retryAfterBaseValue: tuning.retryBaseMs, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      id: baseUrl,
      retryAfterBaseValue: tuning.rateLimitUnitMs,
      fallbackSecondaryRateRetryAfter: 60,
      // Per-client limiters: the plugin's defaults are module-global with fixed waits.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: tuning.writeMinTimeMs }),
      search: new Bottleneck.Group({ maxConcurrent: 1, minTime: tuning.searchMinTimeMs }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: tuning.writeMinTimeMs }),
      onRateLimit: (retryAfter: number, opts: { method: string; url: string }, _o: unknown, retryCount: number) =>
        decideRateLimitRetry('rate limit', retryAfter, opts, retryCount, tuning, logger, deadline),
      onSecondaryRateLimit: (retryAfter: number, opts: { method: string; url: string }, _o: unknown, retryCount: number) =>
        decideRateLimitRetry('secondary rate limit', retryAfter, opts, retryCount, tuning, logger, deadline),
    },
  });

  octokit.hook.wrap('request', async (request, endpointOptions) => {
    // Pagination follows absolute Link URLs: log their path, never the query.
    const route = `${endpointOptions.method} ${endpointOptions.url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\?.*$/, '')}`;
    // A Link header or a caller may name an absolute URL: the token goes to this client's origin only.
    if (/^[a-z][a-z0-9+.-]*:/i.test(endpointOptions.url) && !sameGitHub(new URL(endpointOptions.url).origin, origin)) {
      throw new ChangeControlError('github.server', `GitHub pointed a request at ${new URL(endpointOptions.url).host}, another host than ${new URL(origin).host}: it was not sent.`, { detail: { route } });
    }
    if (deadline?.expired) throw translateGitHubError(deadlineAbort(deadline, false));
    const token = await getToken();
    if (!token) {
      // Do not send an anonymous request that would fail (or leak which repositories exist).
      throw new ChangeControlError('github.unauthorized', 'You are not signed in to GitHub.', { hint: 'Sign in to GitHub.', detail: { route } });
    }
    secrets.add(token);
    // Mutate in place: before-after-hook binds the same options object to every inner hook.
    endpointOptions.headers.authorization = `token ${token}`;
    const identity = createHash('sha256').update(token).digest('hex').slice(0, 16);
    const retriesLeft = (): void => {
      // The retry plugin waits (n + 1)² × retryBaseMs before attempt n + 1: none that would end past the deadline.
      const next = ((Number(endpointOptions.request?.retryCount) || 0) + 1) ** 2 * tuning.retryBaseMs;
      if (deadline && next >= deadline.remainingMs()) Object.assign(endpointOptions.request ?? {}, { retries: 0 });
    };
    // A write already sent when the deadline passes may have been applied: the error says so.
    const sent = { write: false };
    endpointOptions.request = { ...endpointOptions.request, fetch: createFetchFunnel({ route, identity, cache, requestLog, timeoutMs: tuning.requestTimeoutMs, deadline, retriesLeft, sent }) };
    try {
      return await withinDeadline(Promise.resolve(request(endpointOptions)), deadline, () => sent.write);
    } catch (err) {
      throw translateGitHubError(err, { redact });
    }
  });
  guardPagination(octokit, tuning.maxPages);

  return { octokit, baseUrl, requestLog, cache, tuning };
}

/** The client's own origin; for github.com also its upload host (release assets go to uploads.github.com). */
function sameGitHub(target: string, origin: string): boolean {
  return target === origin || (origin === 'https://api.github.com' && target === 'https://uploads.github.com');
}

/** https, or plain http to this machine only: a token never crosses a network in clear text. */
function checkedBaseUrl(raw: string): string {
  const baseUrl = raw.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (err) {
    throw new ChangeControlError('usage', `The GitHub API URL ${JSON.stringify(baseUrl.slice(0, 200))} is not a URL.`, { cause: err });
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return baseUrl;
  throw new ChangeControlError('usage', `The GitHub API URL ${url.protocol}//${url.host} is refused: a token is sent over plain http only to this machine (127.0.0.1, ::1, localhost).`, { hint: 'Use an https URL.' });
}

/** The request, or the deadline's error as soon as it passes (a retry or rate-limit wait inside is abandoned). */
async function withinDeadline<T>(pending: Promise<T>, deadline: Deadline | undefined, writeSent: () => boolean): Promise<T> {
  if (!deadline) return pending;
  // The abandoned request ends on its own (its next attempt sees the expired deadline); its outcome is moot.
  pending.catch(() => undefined);
  let onAbort: (() => void) | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(deadlineAbort(deadline, writeSent()));
    if (deadline.expired) onAbort();
    else deadline.signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([pending, expired]);
  } finally {
    if (onAbort) deadline.signal.removeEventListener('abort', onAbort);
  }
}

function decideRateLimitRetry(kind: string, retryAfter: number, opts: { method: string; url: string }, retryCount: number, tuning: GitHubTuning, logger: Logger, deadline: Deadline | undefined): boolean {
  const route = `${opts.method} ${opts.url}`;
  if (retryCount >= tuning.rateLimitRetries) {
    logger.warn(`GitHub ${kind} hit on ${route}; giving up after ${retryCount} retr${retryCount === 1 ? 'y' : 'ies'}.`);
    return false;
  }
  if (retryAfter > tuning.maxRateLimitWaitSeconds) {
    logger.warn(`GitHub ${kind} hit on ${route}; it resets in ${retryAfter} s, longer than we wait (${tuning.maxRateLimitWaitSeconds} s).`);
    return false;
  }
  if (deadline && retryAfter * tuning.rateLimitUnitMs >= deadline.remainingMs()) {
    logger.warn(`GitHub ${kind} hit on ${route}; it resets in ${retryAfter} s, after this command's bound (${deadline.seconds} s).`);
    return false;
  }
  logger.warn(`GitHub ${kind} hit on ${route}; retrying in ${retryAfter} s.`);
  return true;
}

interface FunnelOptions {
  route: string;
  identity: string;
  cache: EtagCache;
  requestLog: RequestLog;
  timeoutMs: number;
  deadline: Deadline | undefined;
  /** Called after a failed attempt that may be retried: cancels retries the deadline leaves no time for. */
  retriesLeft: () => void;
  /** Set once a write has been handed to fetch. */
  sent: { write: boolean };
}

/** fetch for one logical request: every attempt (retries too) passes here. */
function createFetchFunnel(o: FunnelOptions): typeof fetch {
  return async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const key = method === 'GET' ? `${o.identity} ${headers.get('accept') ?? ''} ${url}` : undefined;
    const cached = key ? o.cache.get(key) : undefined;
    if (cached) headers.set('if-none-match', cached.etag);
    const isWrite = method !== 'GET' && method !== 'HEAD';
    if (o.deadline?.expired) throw deadlineAbort(o.deadline, false);
    const signals = [AbortSignal.timeout(o.timeoutMs), ...(init.signal ? [init.signal] : []), ...(o.deadline ? [o.deadline.signal] : [])];
    const signal = AbortSignal.any(signals);
    const started = performance.now();
    if (isWrite) o.sent.write = true;
    let response: Response;
    try {
      response = await fetch(url, { ...init, headers, signal });
    } catch (err) {
      o.requestLog.record({ route: o.route, status: 'error', ms: performance.now() - started, fromCache: false });
      // An AbortError is never retried: the deadline ends the request and its retries.
      if (o.deadline?.expired) throw deadlineAbort(o.deadline, isWrite, err);
      if (!isWrite) o.retriesLeft();
      if (isWrite && !init.signal?.aborted) {
        // A write that timed out or lost its connection may have reached GitHub;
        // retrying could post it twice. Octokit rethrows an AbortError as is,
        // so the retry plugin leaves it alone; errors.ts reads the cause.
        throw Object.assign(new Error(`${o.route} was interrupted`, { cause: err }), { name: 'AbortError', interruptedWrite: true });
      }
      throw err;
    }
    if (response.status === 304 && cached) {
      o.requestLog.record({ route: o.route, status: 304, ms: performance.now() - started, fromCache: true });
      return new Response(cached.body, { status: cached.status, headers: cached.headers });
    }
    o.requestLog.record({ route: o.route, status: response.status, ms: performance.now() - started, fromCache: false });
    if (response.status >= 500) o.retriesLeft();
    const etag = response.headers.get('etag');
    // Only JSON is cached: reading a binary body as text would corrupt it.
    if (key && etag && response.status === 200 && /json/i.test(response.headers.get('content-type') ?? '')) {
      const body = await response.text();
      o.cache.set(key, { etag, status: 200, headers: [...response.headers.entries()], body });
      return new Response(body, { status: 200, headers: response.headers });
    }
    return response;
  };
}

/** The login of the user the client's token belongs to (one request). */
export async function authenticatedLogin(octokit: Octokit): Promise<string> {
  return (await octokit.rest.users.getAuthenticated()).data.login;
}
