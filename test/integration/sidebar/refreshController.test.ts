import { strict as assert } from 'node:assert';
import { MAX_POLL_MS, RefreshController, type Timers } from '../../../src/extension/views/refreshController';

/** Timers the test fires by hand: no real waiting, bounded. */
function manualTimers(): Timers & { pending: { fn: () => void; ms: number }[]; fire(): void } {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    pending,
    setTimeout: (fn, ms) => {
      const entry = { fn, ms };
      pending.push(entry);
      return entry;
    },
    clearTimeout: (h) => {
      const i = pending.indexOf(h as { fn: () => void; ms: number });
      if (i >= 0) pending.splice(i, 1);
    },
    fire() {
      const next = pending.shift();
      assert.ok(next, 'a poll is scheduled');
      next.fn();
    },
  };
}

/** Fires the scheduled poll and waits (bounded) until its run completed. */
async function firePoll(timers: ReturnType<typeof manualTimers>, c: RefreshController): Promise<void> {
  const before = c.runs;
  timers.fire();
  for (let spin = 0; spin < 50 && c.runs === before; spin++) await new Promise((r) => setImmediate(r));
  assert.equal(c.runs, before + 1, 'the poll ran');
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('RefreshController', () => {
  it('never runs two refreshes at once and coalesces requests into one follow-up', async () => {
    const gate = deferred();
    let inFlight = 0;
    let maxInFlight = 0;
    const reasons: string[] = [];
    const c = new RefreshController({
      pollSeconds: () => 60,
      timers: manualTimers(),
      refresh: async (reason) => {
        reasons.push(reason);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        if (reasons.length === 1) await gate.promise;
        inFlight--;
        return false;
      },
    });
    const first = c.request('a');
    const second = c.request('b');
    const third = c.request('c');
    assert.equal(second, third, 'requests during a run share one follow-up');
    gate.resolve();
    await Promise.all([first, second, third]);
    assert.deepEqual(reasons, ['a', 'b, c']);
    assert.equal(maxInFlight, 1);
    assert.equal(c.runs, 2);
  });

  it('polls only while visible and resets the back-off on a change', async () => {
    const timers = manualTimers();
    let changed = false;
    const c = new RefreshController({ pollSeconds: () => 60, timers, refresh: async () => changed });
    await c.request('startup');
    assert.equal(timers.pending.length, 0, 'hidden view: no polling');
    c.setVisible(true);
    await c.request('visible');
    assert.equal(timers.pending.length, 1);
    await firePoll(timers, c);
    await firePoll(timers, c);
    assert.equal(c.currentPollMs(), 240_000, 'two idle polls: 60 s doubled twice');
    changed = true;
    await firePoll(timers, c);
    assert.equal(c.currentPollMs(), 60_000, 'a change resets the interval');
    assert.equal(timers.pending[0]?.ms, 60_000);
    c.setVisible(false);
    assert.equal(timers.pending.length, 0, 'hiding the view stops polling');
    c.dispose();
  });

  it('refreshes at once after one of the extension\'s own actions and starts the back-off over, even when nothing changed', async () => {
    const timers = manualTimers();
    const reasons: string[] = [];
    const c = new RefreshController({ pollSeconds: () => 60, timers, refresh: async (reason) => { reasons.push(reason); return false; } });
    c.setVisible(true);
    await c.request('visible');
    await firePoll(timers, c);
    await firePoll(timers, c);
    assert.equal(c.currentPollMs(), 240_000);
    const runs = c.runs;
    await c.actionDone('pull request opened');
    assert.equal(c.runs, runs + 1, 'one refresh ran before actionDone resolved');
    assert.equal(reasons.at(-1), 'action: pull request opened');
    assert.equal(c.currentPollMs(), 60_000, 'the back-off starts over');
    assert.deepEqual(timers.pending.map((p) => p.ms), [60_000], 'the next poll comes at the base interval');
    c.dispose();
  });

  it('doubles the interval on each idle poll', async () => {
    const timers = manualTimers();
    const c = new RefreshController({ pollSeconds: () => 60, timers, refresh: async () => false });
    c.setVisible(true);
    await c.request('visible');
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      seen.push(timers.pending[0]!.ms);
      await firePoll(timers, c);
    }
    assert.deepEqual(seen, [60_000, 120_000, 240_000, 480_000, MAX_POLL_MS, MAX_POLL_MS]);
    c.dispose();
  });
});
