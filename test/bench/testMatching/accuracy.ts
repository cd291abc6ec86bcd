/**
 * Pairing accuracy against the labelled commits of ../shared/bench
 * (tests.jsonl; see its README). Each labelled record's `changed` is the
 * change and `testFilesInTree` the tree's test files; predicted
 * (source, test) pairs are compared with the human `pairs`.
 */
import { readFile } from 'node:fs/promises';
import { checkTests, type ChangedFile } from '../../../src/core/testMatching/checkTests';
import { defaultPolicy } from '../../../src/core/policy/schema';

interface BenchRecord {
  repo: string;
  sha: string;
  changed: { path: string; status: string; oldPath?: string }[];
  testFilesInTree: string[];
  pairs: Record<string, string[]> | null;
}

export interface Miss {
  repo: string;
  sha: string;
  source: string;
  test: string;
  kind: 'missed' | 'extra';
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface AccuracyReport {
  records: number;
  overall: Score;
  perRepo: Record<string, Score>;
  misses: Miss[];
}

function status(s: string): ChangedFile['status'] {
  if (s.startsWith('D')) return 'deleted';
  if (s.startsWith('A') || s.startsWith('C')) return 'added';
  if (s.startsWith('R')) return 'renamed';
  return 'modified';
}

function score(tp: number, fp: number, fn: number): Score {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/** Predicted pairs of one record, as "source\ttest" strings. */
export function predictPairs(record: Pick<BenchRecord, 'changed' | 'testFilesInTree'>): Set<string> {
  const changes: ChangedFile[] = record.changed.map((c) => ({ path: c.path, status: status(c.status), ...(c.oldPath ? { oldPath: c.oldPath } : {}) }));
  const tree = [...record.testFilesInTree, ...record.changed.filter((c) => !c.status.startsWith('D')).map((c) => c.path)];
  const result = checkTests({ base: 'HEAD^', changes, tree, policy: defaultPolicy().tests });
  const pairs = new Set<string>();
  for (const source of result.sources) for (const test of source.tests) if (test !== source.path) pairs.add(`${source.path}\t${test}`);
  return pairs;
}

export async function measureAccuracy(file: string): Promise<AccuracyReport> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  const counts = new Map<string, [number, number, number]>();
  const misses: Miss[] = [];
  let records = 0;
  for (const line of lines) {
    const record = JSON.parse(line) as BenchRecord;
    if (!record.pairs) continue;
    records++;
    const gold = new Set<string>();
    for (const [source, tests] of Object.entries(record.pairs)) for (const test of tests) gold.add(`${source}\t${test}`);
    const predicted = predictPairs(record);
    const c = counts.get(record.repo) ?? [0, 0, 0];
    for (const pair of predicted) {
      if (gold.has(pair)) c[0]++;
      else {
        c[1]++;
        const [source = '', test = ''] = pair.split('\t');
        misses.push({ repo: record.repo, sha: record.sha, source, test, kind: 'extra' });
      }
    }
    for (const pair of gold) {
      if (predicted.has(pair)) continue;
      c[2]++;
      const [source = '', test = ''] = pair.split('\t');
      misses.push({ repo: record.repo, sha: record.sha, source, test, kind: 'missed' });
    }
    counts.set(record.repo, c);
  }
  const perRepo: Record<string, Score> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [repo, [a, b, d]] of [...counts].sort()) {
    perRepo[repo] = score(a, b, d);
    tp += a;
    fp += b;
    fn += d;
  }
  return { records, overall: score(tp, fp, fn), perRepo, misses };
}
