import { strict as assert } from 'node:assert';
import { parsePolicy } from '../../../../src/core/policy/parsePolicy';

// Locating problems is linear in the file's size. These bounds are generous:
// they prove the growth is not quadratic, they are not a benchmark (see
// test/bench/policy.bench.ts). Before the fix 10,000 bad entries took minutes.
// Time is this process's CPU time, so other work on a shared machine does not count.

function badEntries(n: number): string {
  const entries = Array.from({ length: n }, (_, i) => `{"id":"c${i}","sources":["**/*.ts"]}`).join(',\n');
  return `{"review":{"requiredApprovals":3},"tests":{"conventions":[\n${entries}\n]}}`;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Best of three runs, in ms, so one garbage collection does not decide. */
function bestOf3(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = cpuMs();
    const { policy } = parsePolicy(text);
    best = Math.min(best, cpuMs() - start);
    assert.equal(policy.review.requiredApprovals, 3);
  }
  return best;
}

describe('policy/parsePolicy time', function () {
  this.timeout(60_000);

  it('parses 10,000 bad entries in well under 2 s, keeping the good keys', () => {
    const text = badEntries(10_000);
    const start = cpuMs();
    const { policy, problems } = parsePolicy(text);
    const ms = cpuMs() - start;
    assert.equal(policy.review.requiredApprovals, 3);
    assert.ok(problems.length > 1000, 'the problems are listed (up to the cap)');
    assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
  });

  it('takes roughly twice as long for twice the bad entries (not quadratic)', () => {
    bestOf3(badEntries(1_000)); // warm-up
    const one = bestOf3(badEntries(4_000));
    const two = bestOf3(badEntries(8_000));
    // Linear gives about 2; quadratic gives 4. Allow for a noisy shared machine.
    assert.ok(two / one < 3.2, `4,000: ${one.toFixed(0)} ms, 8,000: ${two.toFixed(0)} ms (ratio ${(two / one).toFixed(2)})`);
  });
});
