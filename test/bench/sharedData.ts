/**
 * Where the benchmarks find set A (../shared/bench beside the repository
 * root). A git worktree sits elsewhere than the main checkout, so
 * BENCH_SHARED_DIR may name the folder instead; the data is read in place,
 * never copied.
 */
import * as path from 'node:path';

export function sharedBenchFile(name: string): string {
  const dir = process.env.BENCH_SHARED_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'bench');
  return path.join(dir, name);
}
