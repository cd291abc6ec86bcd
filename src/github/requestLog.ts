/**
 * The one funnel every GitHub HTTP attempt passes through: it logs a
 * redacted line (method, route template, status, milliseconds, from cache)
 * and counts requests, so tests and the notes can state request budgets.
 */
import type { Logger } from '../core/ports';

export interface RequestRecord {
  /** `GET /repos/{owner}/{repo}/pulls`: the route template, never the query or the token. */
  route: string;
  status: number | 'error';
  ms: number;
  /** True when GitHub answered 304 and the cached body was used. */
  fromCache: boolean;
}

export interface RequestCounters {
  /** HTTP attempts sent (retries included). */
  requests: number;
  /** Attempts answered 304 Not Modified (free against the rate limit). */
  notModified: number;
  /** Attempts that failed without an HTTP status (timeout, reset, refused). */
  failed: number;
  /** Attempts per route template. */
  byRoute: Record<string, number>;
}

export class RequestLog {
  private readonly counters: RequestCounters = { requests: 0, notModified: 0, failed: 0, byRoute: {} };

  constructor(
    private readonly logger: Logger,
    private readonly redact: (text: string) => string,
  ) {}

  record(entry: RequestRecord): void {
    this.counters.requests++;
    if (entry.fromCache) this.counters.notModified++;
    if (entry.status === 'error') this.counters.failed++;
    this.counters.byRoute[entry.route] = (this.counters.byRoute[entry.route] ?? 0) + 1;
    const line = `GitHub ${entry.route} → ${entry.status}${entry.fromCache ? ' (not modified, from cache)' : ''} in ${Math.round(entry.ms)} ms`;
    this.logger.debug(this.redact(line));
  }

  /** A snapshot of the counters (copy: callers may diff two snapshots). */
  snapshot(): RequestCounters {
    return { ...this.counters, byRoute: { ...this.counters.byRoute } };
  }
}
