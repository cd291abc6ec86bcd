/**
 * When the Change view refreshes: on demand (git events, window focus,
 * the refresh button) and by polling only while the view is visible.
 * Never more than one refresh in flight: requests that arrive meanwhile
 * coalesce into one follow-up run. Polling backs off ×2 (up to 10 min)
 * while nothing changes and resets on a change.
 *
 * No vscode import: timers are injected so the behaviour is testable.
 */

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export const MAX_POLL_MS = 10 * 60 * 1000;

export interface RefreshControllerOptions {
  /** One refresh; resolves true when the content changed. Must not throw (errors become tree items). */
  refresh: (reason: string) => Promise<boolean>;
  /** The configured poll interval in seconds, read at each scheduling. */
  pollSeconds: () => number;
  timers?: Timers;
}

export class RefreshController {
  private running: Promise<void> | undefined;
  private followUp: Promise<void> | undefined;
  private followUpReasons: string[] = [];
  private visible = false;
  private pollHandle: unknown;
  private idlePolls = 0;
  private disposed = false;
  /** Completed refresh runs, for tests and the log. */
  runs = 0;
  private readonly timers: Timers;

  constructor(private readonly options: RefreshControllerOptions) {
    this.timers = options.timers ?? realTimers;
  }

  /** Asks for a refresh; resolves when a run that started after this call has finished. */
  request(reason: string): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (!this.running) {
      this.running = this.runOnce([reason]);
      return this.running;
    }
    this.followUpReasons.push(reason);
    this.followUp ??= this.running.then(() => {
      const reasons = this.followUpReasons;
      this.followUpReasons = [];
      this.followUp = undefined;
      this.running = this.runOnce(reasons);
      return this.running;
    });
    return this.followUp;
  }

  /**
   * One of the extension's own actions changed the change: refresh now
   * and start the poll back-off over (the next poll comes at the base
   * interval, as the change is likely to move again soon).
   */
  actionDone(reason: string): Promise<void> {
    this.idlePolls = 0;
    return this.request(`action: ${reason}`);
  }

  /** Polling runs only while the view is visible; becoming visible refreshes at once. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) {
      this.idlePolls = 0;
      void this.request('view visible');
    } else this.cancelPoll();
  }

  /** Milliseconds until the next poll, given how many polls in a row found nothing new. */
  currentPollMs(): number {
    const base = Math.max(1, this.options.pollSeconds()) * 1000;
    return Math.min(MAX_POLL_MS, base * 2 ** this.idlePolls);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelPoll();
  }

  private async runOnce(reasons: string[]): Promise<void> {
    this.cancelPoll();
    let changed = false;
    try {
      changed = await this.options.refresh(reasons.join(', '));
    } finally {
      this.runs++;
      if (changed) this.idlePolls = 0;
      else if (reasons.every((r) => r === 'poll')) this.idlePolls++;
      if (!this.followUp) this.running = undefined;
      this.schedulePoll();
    }
  }

  private schedulePoll(): void {
    this.cancelPoll();
    if (!this.visible || this.disposed || this.followUp) return;
    this.pollHandle = this.timers.setTimeout(() => {
      this.pollHandle = undefined;
      void this.request('poll');
    }, this.currentPollMs());
  }

  private cancelPoll(): void {
    if (this.pollHandle !== undefined) this.timers.clearTimeout(this.pollHandle);
    this.pollHandle = undefined;
  }
}
