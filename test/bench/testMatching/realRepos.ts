/**
 * Pairing accuracy in the real repositories at the real commits: for each
 * labelled record (tests.jsonl shape; see test/bench/data/README.md), the
 * repository's bare mirror is cloned once into a temp folder, the commit
 * checked out, and the CLI's own `check-tests --base SHA^ --format json`
 * run in it (in-process, same code path as the binary). Predicted
 * (source, test) pairs are compared with the human labels.
 *
 * Mirrors are looked for in BENCH_MIRRORS (default /work/.mirror, the
 * `owner+name/repo` layout of the fetch tool). A repository whose mirror
 * is absent is skipped with a message, so CI, which has none, still runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkTestsCommand } from '../../../src/cli/commands/checkTests';
import type { TestCheckResult } from '../../../src/core/testMatching/types';
import type { AccuracyReport, Miss, Score } from './accuracy';

interface LabelledRecord {
  repo: string;
  sha: string;
  pairs: Record<string, string[]> | null;
}

export interface RealRepoReport extends AccuracyReport {
  skipped: string[];
}

function mirrorOf(repo: string): string | undefined {
  const root = process.env.BENCH_MIRRORS ?? '/work/.mirror';
  const dir = path.join(root, repo.replace('/', '+'), 'repo');
  return existsSync(dir) ? dir : undefined;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A fetched mirror may lack its largest blobs. Such files are left out of
 * the work tree by sparse checkout (they stay in the index, so
 * `git ls-files` still lists them) and the checkout is retried.
 */
function checkout(clone: string, sha: string): void {
  const excluded: string[] = [];
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      git(clone, ['checkout', '-q', '--force', '--detach', sha]);
      git(clone, ['clean', '-q', '-fdx']);
      return;
    } catch (error) {
      const missing = [...String((error as { stderr?: unknown }).stderr ?? '').matchAll(/invalid object \S+ \S+ for '([^']+)'/g)].map((m) => m[1] as string);
      if (missing.length === 0) throw error;
      excluded.push(...missing);
      git(clone, ['config', 'core.sparseCheckout', 'true']);
      writeFileSync(path.join(clone, '.git', 'info', 'sparse-checkout'), ['/*', ...excluded.map((p) => `!/${p}`)].join('\n') + '\n');
    }
  }
  throw new Error(`checkout of ${sha} kept failing`);
}

/** The check's result at `sha`, or a reason it cannot run there (a root commit has no parent to be its base). */
async function checkAt(clone: string, sha: string): Promise<TestCheckResult | string> {
  const parents = git(clone, ['rev-list', '--parents', '-n', '1', sha]).trim().split(' ').slice(1);
  if (parents.length === 0) return 'a root commit has no parent for --base';
  checkout(clone, sha);
  const base = `${sha}^`;
  let out = '';
  let err = '';
  const code = await checkTestsCommand.run(['--base', base, '--format', 'json'], {
    argv: [],
    cwd: clone,
    env: {},
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: () => Promise.resolve(''),
  });
  if (code === 2 || out === '') throw new Error(`check-tests failed at ${sha}: ${err}`);
  return JSON.parse(out) as TestCheckResult;
}

function score(tp: number, fp: number, fn: number): Score {
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/** Scores every labelled record of `files` whose repository has a mirror. */
export async function measureInRealRepos(files: readonly string[], log: (line: string) => void): Promise<RealRepoReport> {
  const records: LabelledRecord[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim() !== '') records.push(JSON.parse(line) as LabelledRecord);
  }
  const byRepo = new Map<string, LabelledRecord[]>();
  for (const r of records) if (r.pairs) byRepo.set(r.repo, [...(byRepo.get(r.repo) ?? []), r]);
  const perRepo: Record<string, Score> = {};
  const misses: Miss[] = [];
  const skipped: string[] = [];
  let scored = 0;
  const total = [0, 0, 0];
  for (const [repo, list] of [...byRepo].sort()) {
    const mirror = mirrorOf(repo);
    if (!mirror) {
      skipped.push(repo);
      log(`  ${repo}: skipped, no mirror (fetch github:${repo} to measure it)`);
      continue;
    }
    const clone = mkdtempSync(path.join(tmpdir(), 'cc-pairing-'));
    try {
      execFileSync('git', ['clone', '-q', '--shared', '--no-checkout', mirror, clone], { stdio: 'ignore' });
      mkdirSync(path.join(clone, '.git', 'info'), { recursive: true });
      const c = [0, 0, 0];
      for (const record of list) {
        const result = await checkAt(clone, record.sha);
        if (typeof result === 'string') {
          log(`  ${repo}@${record.sha.slice(0, 7)}: not scored, ${result}`);
          continue;
        }
        scored++;
        const predicted = new Set<string>();
        for (const s of result.sources) for (const t of s.tests) if (t !== s.path) predicted.add(`${s.path}\t${t}`);
        const gold = new Set<string>();
        for (const [s, ts] of Object.entries(record.pairs ?? {})) for (const t of ts) gold.add(`${s}\t${t}`);
        for (const p of predicted) {
          // Only sources the labels judged are scored: a file the labeller did not count as product source is no error.
          const [source = '', test = ''] = p.split('\t');
          if (!Object.hasOwn(record.pairs ?? {}, source)) continue;
          if (gold.has(p)) c[0]++;
          else {
            c[1]++;
            misses.push({ repo, sha: record.sha, source, test, kind: 'extra' });
          }
        }
        for (const p of gold) {
          if (predicted.has(p)) continue;
          c[2]++;
          const [source = '', test = ''] = p.split('\t');
          misses.push({ repo, sha: record.sha, source, test, kind: 'missed' });
        }
      }
      perRepo[repo] = score(c[0]!, c[1]!, c[2]!);
      for (let i = 0; i < 3; i++) total[i]! += c[i]!;
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  }
  return { records: scored, overall: score(total[0]!, total[1]!, total[2]!), perRepo, misses, skipped };
}
