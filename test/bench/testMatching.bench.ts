/**
 * Matching-tests benchmark (`npm run bench`).
 *
 * Speed: on a generated 100,000-file repository with a 50-file change, the
 * median time of the whole check (policy, change, tree, pairing) against
 * the median time of `git ls-files -z` alone, both through the same git
 * wrapper: in the editor (staged, unstaged and untracked files from the
 * git extension's state, which VS Code keeps current anyway), first and
 * again on an unchanged tree, and with the work-tree scan the CLI runs.
 * Accuracy: pairing precision and recall against the labelled commits of
 * ../shared/bench/tests.jsonl (set A; read in place, see sharedData.ts)
 * and test/bench/data/tests.jsonl (set N), scored in the real
 * repositories at the real commits (testMatching/realRepos.ts; skipped
 * per repository without a mirror), with every miss listed.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkTests, type ChangedFile } from '../../src/core/testMatching/checkTests';
import { TreeIndexMemo } from '../../src/core/testMatching/treeIndex';
import type { TestCheckResult } from '../../src/core/testMatching/types';
import { changesFromSourceControl } from '../../src/extension/testCoverage/sourceControlChanges';
import { checkChangeTests } from '../../src/app/checkTests';
import type { ChangeBaseOptions, RepositoryChange } from '../../src/core/ports';
import { GitRepository } from '../../src/git/gitRepository';
import { TreeListingMemo } from '../../src/git/treeListing';
import { openGit } from '../../src/git/git';
import { loadPolicyFile } from '../../src/git/policyFile';
import { measureAccuracy } from './testMatching/accuracy';
import { measureInRealRepos } from './testMatching/realRepos';
import { sharedBenchFile } from './sharedData';
import { sourceControlGroups } from '../support/sourceControlGroups';
import { CHANGE_SIZE, FILE_COUNT, ensureBenchRepo } from './testMatching/generateRepo';

const RUNS = 11;

type Op = () => Promise<unknown>;

/**
 * Median milliseconds of each operation; the operations take turns in
 * every round, so a busy moment of the machine hits them all alike.
 */
async function medians(ops: Record<string, Op>, runs: number): Promise<Record<string, number>> {
  const times: Record<string, number[]> = {};
  for (const [name, op] of Object.entries(ops)) {
    await op(); // warm the file system cache, the git index and the memos
    times[name] = [];
  }
  for (let i = 0; i < runs; i++) {
    for (const [name, op] of Object.entries(ops)) {
      const started = performance.now();
      await op();
      times[name]?.push(performance.now() - started);
    }
  }
  const out: Record<string, number> = {};
  for (const [name, list] of Object.entries(times)) out[name] = [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;
  return out;
}

interface CheckOptions {
  localChanges?: ChangedFile[];
  treeMemo?: TreeListingMemo;
  indexMemo?: TreeIndexMemo;
}

/**
 * The whole check as the CLI or the editor runs it: policy, then the Check
 * Tests use case over the git port (the editor's memos as TestCheckService
 * hands them in).
 */
async function fullCheck(root: string, options: CheckOptions = {}): Promise<{ change: RepositoryChange; result: TestCheckResult }> {
  const loaded = await loadPolicyFile(root);
  const git = new GitRepository(root, options.treeMemo ? { treeMemo: options.treeMemo } : {});
  let change: RepositoryChange | undefined;
  const seen = { readChange: async (o: ChangeBaseOptions) => (change = await git.readChange(o)) };
  const { result } = await checkChangeTests(seen, loaded.policy, {
    ...(options.localChanges ? { localChanges: options.localChanges } : {}),
    ...(options.indexMemo ? { indexMemo: options.indexMemo } : {}),
  });
  if (!change) throw new Error('the use case did not read the change');
  return { change, result };
}

async function speed(log: (line: string) => void): Promise<void> {
  const root = ensureBenchRepo(log);
  // What the built-in git extension already holds in the editor (read once, not timed).
  const local = changesFromSourceControl(root, sourceControlGroups(root));
  const { change, result } = await fullCheck(root);
  const editor = await fullCheck(root, { localChanges: local });
  assert.deepEqual(editor.result, result, 'the editor path and the work-tree scan must agree');
  log(`repository: ${change.tree.length} tracked files, change of ${change.changes.length} files (goal ${CHANGE_SIZE}; ${FILE_COUNT} generated)`);
  log(`verdicts: ${JSON.stringify(result.counts)} (the same from the Source Control state and from the scan)`);
  const memos = { treeMemo: new TreeListingMemo(), indexMemo: new TreeIndexMemo() };
  const policy = (await loadPolicyFile(root)).policy.tests;
  const pairingInput = { base: change.baseRef, changes: change.changes, tree: change.tree, inlineTests: change.inlineTests, policy };
  const pairingMemo = new TreeIndexMemo();
  const t = await medians(
    {
      lsFiles: () => openGit(root).raw(['ls-files', '-z']),
      scan: () => fullCheck(root),
      editorFirst: () => fullCheck(root, { localChanges: local }),
      editorAgain: () => fullCheck(root, { localChanges: local, ...memos }),
      pairingCold: async () => checkTests(pairingInput),
      pairingWarm: async () => checkTests(pairingInput, pairingMemo),
    },
    RUNS,
  );
  const ratio = (ms: number | undefined): string => `${(ms ?? 0).toFixed(1)} ms = ${((ms ?? 0) / (t.lsFiles ?? 1)).toFixed(2)}x git ls-files`;
  log(`git ls-files -z alone: median ${(t.lsFiles ?? 0).toFixed(1)} ms`);
  log(`check in the editor, re-check (Source Control state, tree unchanged): median ${ratio(t.editorAgain)} (goal: within 2x)`);
  log(`check in the editor, first check (Source Control state, nothing cached): median ${ratio(t.editorFirst)}`);
  log(`check with a work-tree scan (CLI, CI; or the editor while git lags): median ${ratio(t.scan)}`);
  log(`pairing alone (classify, index, match; no git): cold ${(t.pairingCold ?? 0).toFixed(1)} ms, tree index reused ${(t.pairingWarm ?? 0).toFixed(1)} ms`);
}

type Fmt = { precision: number; recall: number; truePositives: number; falsePositives: number; falseNegatives: number };
const fmt = (s: Fmt): string =>
  `precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`;

async function accuracy(log: (line: string) => void): Promise<void> {
  const file = sharedBenchFile('tests.jsonl');
  if (!existsSync(file)) {
    log(`accuracy (synthetic trees): skipped, ${file} is not there`);
  } else {
    const report = await measureAccuracy(file);
    log(`accuracy, set A, synthetic trees (the labelled tree listing, no file contents) over ${report.records} commits: ${fmt(report.overall)}`);
  }
  if (process.env.BENCH_SKIP_REAL === '1') return;
  const sets: [string, string][] = [['set A', file], ['set N', path.resolve(__dirname, 'data', 'tests.jsonl')]];
  for (const [name, data] of sets) {
    if (!existsSync(data)) {
      log(`accuracy, ${name}, real repositories: skipped, ${data} is not there`);
      continue;
    }
    log(`accuracy, ${name}, real repositories (check-tests at each commit, parent as base):`);
    const report = await measureInRealRepos([data], log);
    if (report.records === 0) continue;
    log(`  ${name} overall over ${report.records} commits: ${fmt(report.overall)} (goal >= 0.95 both)`);
    for (const [repo, score] of Object.entries(report.perRepo)) log(`  ${repo}: ${fmt(score)}`);
    for (const miss of report.misses) log(`    ${miss.kind === 'missed' ? 'missed' : 'extra '} ${miss.repo}@${miss.sha.slice(0, 7)} ${miss.source} -> ${miss.test}`);
  }
}

export default async function run(log: (line: string) => void = (line) => console.log(`[testMatching] ${line}`)): Promise<void> {
  await accuracy(log);
  if (process.env.BENCH_SKIP_SPEED === '1') return;
  await speed(log);
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
