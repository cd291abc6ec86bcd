/**
 * Commit-message lint time against message length (`npm run bench`): 10 kB
 * and 1 MB of ASCII words, CJK, emoji ZWJ sequences and binary bytes, and
 * the 1 MB / 10 kB ratio (linear growth is about 100x; the goal is at most
 * 100 ms for 1 MB of anything, in-process). Median of a few rounds after a
 * warm-up, same run, same process.
 */
import { lintMessage } from '../../src/core/commitMessage/lint';
import type { LintContext } from '../../src/core/commitMessage/types';
import { defaultPolicy } from '../../src/core/policy/schema';
import { messageShapes } from '../support/messageShapes';

type Log = (line: string) => void;

const SHAPES = ['ASCII words on one line', 'CJK without spaces', 'emoji ZWJ sequences', 'binary and control bytes', 'one over-long paragraph'];
const ROUNDS = 5;

function median(op: () => unknown): number {
  op(); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    op();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

export default function run(log: Log = (line) => console.log(`[textLength] ${line}`)): Promise<void> {
  const ctx: LintContext = { policy: defaultPolicy() };
  log(`lint time by message length (median of ${ROUNDS} after a warm-up; linear = ~100x):`);
  for (const name of SHAPES) {
    const make = messageShapes[name]!;
    const small = make(10_000);
    const big = make(1_000_000);
    const tSmall = median(() => lintMessage(small, ctx));
    const tBig = median(() => lintMessage(big, ctx));
    log(`  ${name.padEnd(26)} 10 kB ${tSmall.toFixed(2).padStart(7)} ms   1 MB ${tBig.toFixed(1).padStart(7)} ms   ratio ${(tBig / tSmall).toFixed(0)}x (goal <= 100 ms)`);
  }
  return Promise.resolve();
}

if (require.main === module) void run();
