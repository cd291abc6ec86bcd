/**
 * Commit-message lint time against message length (`npm run bench`): 10 kB
 * and 1 MB of every shape in test/support/messageShapes.ts (ASCII, CJK,
 * emoji ZWJ sequences, binary bytes, a million blank lines, …), and the
 * 1 MB / 10 kB ratio (linear growth is about 100x; the goal is at most
 * 100 ms for 1 MB of anything, in-process). Median of a few rounds after a
 * warm-up, same run, same process. The CPU time of the same rounds is
 * shown too: on a shared machine it moves much less than the wall clock.
 */
import { lintMessage } from '../../src/core/commitMessage/lint';
import type { LintContext } from '../../src/core/commitMessage/types';
import { defaultPolicy } from '../../src/core/policy/schema';
import { messageShapes } from '../support/messageShapes';

type Log = (line: string) => void;

const ROUNDS = 5;

interface Timing {
  wall: number;
  cpu: number;
}

/** Median wall-clock and CPU milliseconds of ROUNDS runs after a warm-up. */
function median(op: () => unknown): Timing {
  op(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    const used = process.cpuUsage();
    op();
    const spent = process.cpuUsage(used);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpu.push((spent.user + spent.system) / 1e3);
  }
  const mid = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
  return { wall: mid(wall), cpu: mid(cpu) };
}

export default function run(log: Log = (line) => console.log(`[textLength] ${line}`)): Promise<void> {
  const ctx: LintContext = { policy: defaultPolicy() };
  log(`lint time by message length (median of ${ROUNDS} after a warm-up; linear = ~100x):`);
  for (const [name, make] of Object.entries(messageShapes)) {
    const small = make(10_000);
    const big = make(1_000_000);
    const tSmall = median(() => lintMessage(small, ctx));
    const tBig = median(() => lintMessage(big, ctx));
    log(
      `  ${name.padEnd(26)} 10 kB ${tSmall.wall.toFixed(2).padStart(6)} ms   1 MB ${tBig.wall.toFixed(1).padStart(6)} ms (cpu ${tBig.cpu.toFixed(1).padStart(5)} ms)   ratio ${(tBig.wall / tSmall.wall).toFixed(0)}x (goal <= 100 ms)`,
    );
  }
  return Promise.resolve();
}

if (require.main === module) void run();
