/**
 * Matching-tests benchmark (`npm run bench`).
 *
 * Speed: on a generated 100,000-file repository with a 50-file change, the
 * median time of the whole check (policy, change, tree, pairing) against
 * the median time of `git ls-files -z` alone, both through the same git
 * wrapper. Accuracy: pairing precision and recall against the labelled
 * commits in ../shared/bench/tests.jsonl (path relative to the repository
 * root; the data stays there).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkTests } from '../../src/core/testMatching/checkTests';
import { readChange } from '../../src/git/changes';
import { openGit } from '../../src/git/git';
import { loadPolicyFile } from '../../src/git/policyFile';
import { measureAccuracy } from './testMatching/accuracy';
import { CHANGE_SIZE, FILE_COUNT, ensureBenchRepo } from './testMatching/generateRepo';

const RUNS = 9;

async function median(runs: number, op: () => Promise<unknown>): Promise<number> {
  await op(); // warm the file system cache and the git index
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await op();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function fullCheck(root: string) {
  const loaded = await loadPolicyFile(root);
  const change = await readChange(root, { baseBranch: loaded.policy.branch.base });
  return { change, result: checkTests({ base: change.baseRef, changes: change.changes, tree: change.tree, inlineTests: change.inlineTests, policy: loaded.policy.tests }) };
}

async function speed(log: (line: string) => void): Promise<void> {
  const root = ensureBenchRepo(log);
  const { change, result } = await fullCheck(root);
  log(`repository: ${change.tree.length} tracked files, change of ${change.changes.length} files (goal ${CHANGE_SIZE}; ${FILE_COUNT} generated)`);
  log(`verdicts: ${JSON.stringify(result.counts)}`);
  const lsFiles = await median(RUNS, () => openGit(root).raw(['ls-files', '-z']));
  const check = await median(RUNS, () => fullCheck(root));
  const pairing = await median(RUNS, async () => checkTests({ base: change.baseRef, changes: change.changes, tree: change.tree, inlineTests: change.inlineTests, policy: (await loadPolicyFile(root)).policy.tests }));
  log(`git ls-files -z alone: median ${lsFiles.toFixed(1)} ms`);
  log(`check-tests (git + pairing): median ${check.toFixed(1)} ms = ${(check / lsFiles).toFixed(2)}x git ls-files (goal: within 2x)`);
  log(`pairing alone (classify, index, match; no git): median ${pairing.toFixed(1)} ms`);
}

async function accuracy(log: (line: string) => void): Promise<void> {
  const file = path.resolve('../shared/bench/tests.jsonl');
  if (!existsSync(file)) {
    log(`accuracy: skipped, ${file} is not there`);
    return;
  }
  const report = await measureAccuracy(file);
  const fmt = (s: { precision: number; recall: number; truePositives: number; falsePositives: number; falseNegatives: number }): string =>
    `precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`;
  log(`accuracy over ${report.records} labelled commits: ${fmt(report.overall)} (goal >= 0.95 both)`);
  for (const [repo, score] of Object.entries(report.perRepo)) log(`  ${repo}: ${fmt(score)}`);
  for (const miss of report.misses) log(`  ${miss.kind === 'missed' ? 'missed' : 'extra '} ${miss.repo}@${miss.sha.slice(0, 7)} ${miss.source} -> ${miss.test}`);
}

export default async function run(log: (line: string) => void = (line) => console.log(`[testMatching] ${line}`)): Promise<void> {
  await accuracy(log);
  await speed(log);
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
