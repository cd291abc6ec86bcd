/**
 * Policy parsing benchmark (`npm run bench`): parsePolicy on a policy
 * with 1,000 and 10,000 bad test conventions (each missing "tests", the
 * shape of issue 11), against a clean policy of the same size in bytes
 * (the same conventions, valid) parsed in the same run. Linear work
 * shows as a bad/clean ratio that stays flat from 1,000 to 10,000, and
 * a 10,000/1,000 ratio near 10.
 */
import { performance } from 'node:perf_hooks';
import { parsePolicy } from '../../src/core/policy/parsePolicy';

const RUNS = 11;
const SIZES = [1_000, 10_000];

const CLEAN_ENTRY = (i: number): string => `{"id":"c${i}","sources":["src/**/*.ts"],"tests":["test/{name}.test.ts"]}`;
/** A convention without "tests", padded with spaces to the clean entry's length. */
const BAD_ENTRY = (i: number): string => {
  const bad = `{"id":"c${i}","sources":["src/**/*.ts"]}`;
  return bad + ' '.repeat(CLEAN_ENTRY(i).length - bad.length);
};

function policyText(n: number, entry: (i: number) => string): string {
  const entries = Array.from({ length: n }, (_, i) => entry(i)).join(',\n');
  return `{\n"review": { "requiredApprovals": 3 },\n"tests": { "conventions": [\n${entries}\n] }\n}\n`;
}

/** Median milliseconds; the texts take turns in every round, so a busy moment hits them alike. */
function medians(texts: Record<string, string>): Record<string, number> {
  const times: Record<string, number[]> = {};
  for (const [name, text] of Object.entries(texts)) {
    parsePolicy(text); // warm-up
    times[name] = [];
  }
  for (let round = 0; round < RUNS; round++) {
    for (const [name, text] of Object.entries(texts)) {
      const start = performance.now();
      parsePolicy(text);
      times[name]!.push(performance.now() - start);
    }
  }
  const out: Record<string, number> = {};
  for (const [name, list] of Object.entries(times)) out[name] = list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return out;
}

export default async function run(log: (line: string) => void = (line) => console.log(`[policy] ${line}`)): Promise<void> {
  const texts: Record<string, string> = {};
  for (const n of SIZES) {
    texts[`bad ${n}`] = policyText(n, BAD_ENTRY);
    texts[`clean ${n}`] = policyText(n, CLEAN_ENTRY);
    const bad = parsePolicy(texts[`bad ${n}`]!);
    if (bad.policy.review.requiredApprovals !== 3 || bad.problems.length !== Math.min(n, 1000) + (n > 1000 ? 1 : 0)) {
      throw new Error(`unexpected result for ${n} bad entries: ${bad.problems.length} problems`);
    }
    if (parsePolicy(texts[`clean ${n}`]!).problems.length !== 0) throw new Error(`the clean policy of ${n} entries has problems`);
  }
  const ms = medians(texts);
  for (const n of SIZES) {
    const kb = (Buffer.byteLength(texts[`bad ${n}`]!) / 1024).toFixed(0);
    log(
      `${n} conventions (${kb} kB): bad ${ms[`bad ${n}`]!.toFixed(1)} ms, clean ${ms[`clean ${n}`]!.toFixed(1)} ms, ` +
        `bad/clean ${(ms[`bad ${n}`]! / ms[`clean ${n}`]!).toFixed(2)} (median of ${RUNS})`,
    );
  }
  const [small, large] = SIZES as [number, number];
  log(
    `${large}/${small} entries: bad ${(ms[`bad ${large}`]! / ms[`bad ${small}`]!).toFixed(1)}x, ` +
      `clean ${(ms[`clean ${large}`]! / ms[`clean ${small}`]!).toFixed(1)}x (linear is ${large / small}x)`,
  );
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
