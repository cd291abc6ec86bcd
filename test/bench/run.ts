/**
 * `npm run bench`: run every test/bench/*.bench.ts file in name order.
 * Contract for a bench file: `export default async function run(log?)`;
 * it must not run on import (guard any direct run with
 * `require.main === module`). Benchmarks read their data from
 * ../shared/bench (relative to the repository root) and never copy it.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

interface BenchModule {
  default?: unknown;
}

async function main(): Promise<void> {
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  let failed = 0;
  for (const file of files) {
    console.log(`\n=== ${file} ===`);
    try {
      const mod = (await import(path.join(__dirname, file))) as BenchModule;
      const run = typeof mod.default === 'function' ? mod.default : (mod.default as BenchModule | undefined)?.default;
      if (typeof run !== 'function') throw new Error(`${file} has no default export function`);
      await (run as () => Promise<void>)();
    } catch (error) {
      failed++;
      console.error(`${file} failed:`, error);
    }
  }
  if (failed > 0) process.exitCode = 1;
}

void main();
