/**
 * The overall bound of one command: a single AbortSignal shared by every
 * GitHub request the command makes, so a hung or slow GitHub cannot stretch
 * a command past it (retries and rate-limit waits included). The client
 * turns an expiry into `github.timeout` "GitHub did not answer within N s";
 * the command adds what it had already done.
 */

/** The default bound of a command, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 20;

/** An evidence report of a release range reads every change in it: its bound is this many times a command's. */
export const RANGE_BOUND_FACTOR = 10;

/** The abort reason of an expired deadline (what `signal.reason` holds). */
export class DeadlineExpired extends Error {
  constructor(readonly seconds: number) {
    super(`GitHub did not answer within ${formatSeconds(seconds)} s`);
    this.name = 'DeadlineExpired';
  }
}

export class Deadline {
  private readonly controller = new AbortController();
  private readonly endsAt: number;
  private readonly timer: ReturnType<typeof setTimeout>;

  /** Starts now and expires after `seconds` (the timer never keeps the process alive). */
  constructor(readonly seconds: number) {
    const ms = Math.max(0, seconds * 1000);
    this.endsAt = performance.now() + ms;
    this.timer = setTimeout(() => this.controller.abort(new DeadlineExpired(seconds)), ms);
    this.timer.unref?.();
  }

  /** Aborts when the deadline passes. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  /** Milliseconds left (0 once expired). */
  remainingMs(): number {
    return this.expired ? 0 : Math.max(0, this.endsAt - performance.now());
  }

  /** Stops the timer (the command finished). */
  dispose(): void {
    clearTimeout(this.timer);
  }
}

/** "20", "0.5": seconds as people write them. */
export function formatSeconds(seconds: number): string {
  return Number.isInteger(seconds) ? String(seconds) : String(Math.round(seconds * 100) / 100);
}

/**
 * A bound in seconds from user text (`CHANGE_CONTROL_TIMEOUT_SECONDS`, a
 * setting): a positive number up to an hour, else undefined.
 */
export function parseTimeoutSeconds(text: string | number | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = typeof text === 'number' ? text : /^\s*\d+(?:\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  return Number.isFinite(n) && n > 0 && n <= 3600 ? n : undefined;
}
