/**
 * Commit-message linter benchmark (`npm run bench`), on the labelled real
 * commits in ../shared/bench/commits.jsonl (set A, relative to the
 * repository root; read in place, never copied into the project) and in
 * test/bench/data/commits.jsonl (set N, repositories the rules were never
 * tuned to; see its README).
 *
 * (a) present-tense precision and recall: flag = past, third_person,
 *     gerund; no flag = imperative, non_verb; ambiguous skipped. Every miss
 *     is listed, and the `random` sample is reported on its own.
 * (b) time to lint one message with lintMessage against @commitlint/lint
 *     (header-max-length and body-max-line-length at 72), same messages,
 *     same run, after a warm-up; per-message times by hrtime.bigint.
 * (c) the ticket-reference rule's match with the default pattern on the
 *     linear-time engine (re2js) against V8's RegExp, as a ratio; on the
 *     labelled commits, or on test/fixtures/commitMessages without them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { lintMessage } from '../../src/core/commitMessage/lint';
import type { LintContext } from '../../src/core/commitMessage/types';
import { parseMessage } from '../../src/core/commitMessage/parse';
import { DEFAULT_TICKET_PATTERN, defaultPolicy } from '../../src/core/policy/schema';
import { compileTicketPattern } from '../../src/core/ticketId';
import { sharedBenchFile } from './sharedData';

interface Commit {
  repo: string;
  sha: string;
  message: string;
  mood: string;
  sample: string;
}

type Log = (line: string) => void;

const DATA = sharedBenchFile('commits.jsonl');
const NEW_DATA = path.resolve(__dirname, 'data', 'commits.jsonl');
const FLAG = new Set(['past', 'third_person', 'gerund']);
const ROUNDS = 30;
const WARMUP_ROUNDS = 5;

function load(file: string): Commit[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Commit);
}

function subjectOf(message: string): string {
  return message.split(/\r?\n/)[0] ?? '';
}

function moodScores(commits: Commit[], ctx: LintContext, label: string, log: Log, listMisses: boolean): void {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const misses: string[] = [];
  for (const c of commits) {
    if (c.mood === 'ambiguous') continue;
    const flagged = lintMessage(c.message, ctx).some((f) => f.ruleId === 'present-tense');
    const gold = FLAG.has(c.mood);
    if (flagged && gold) tp++;
    else if (flagged) {
      fp++;
      misses.push(`  FP [${c.mood}, ${c.sample}] ${c.repo} ${c.sha.slice(0, 10)}: ${subjectOf(c.message)}`);
    } else if (gold) {
      fn++;
      misses.push(`  FN [${c.mood}, ${c.sample}] ${c.repo} ${c.sha.slice(0, 10)}: ${subjectOf(c.message)}`);
    } else tn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  log(
    `present-tense ${label}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)} ` +
      `(tp ${tp}, fp ${fp}, fn ${fn}, tn ${tn}; targets precision >= 0.97, recall >= 0.95)`,
  );
  if (listMisses) for (const m of misses) log(m);
}

function quantiles(samples: bigint[]): { median: number; p99: number } {
  const sorted = samples.map((s) => Number(s) / 1000).sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99) };
}

async function timeEach(messages: string[], op: (m: string) => unknown): Promise<{ median: number; p99: number }> {
  for (let r = 0; r < WARMUP_ROUNDS; r++) for (const m of messages) await op(m);
  const samples: bigint[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const m of messages) {
      const start = process.hrtime.bigint();
      await op(m);
      samples.push(process.hrtime.bigint() - start);
    }
  }
  return quantiles(samples);
}

async function speed(commits: Commit[], ctx: LintContext, log: Log): Promise<void> {
  const { default: commitlint } = (await import('@commitlint/lint')) as unknown as {
    default: (message: string, rules: Record<string, unknown>) => Promise<{ valid: boolean }>;
  };
  const rules = { 'header-max-length': [2, 'always', 72], 'body-max-line-length': [2, 'always', 72] };
  const messages = commits.map((c) => c.message);
  const ours = await timeEach(messages, (m) => lintMessage(m, ctx));
  const theirs = await timeEach(messages, (m) => commitlint(m, rules));
  log(`lint time per message, ${messages.length} messages x ${ROUNDS} rounds (after ${WARMUP_ROUNDS} warm-up rounds):`);
  log(`  lintMessage:        median ${ours.median.toFixed(1)} µs, p99 ${ours.p99.toFixed(1)} µs (target p99 < 1000 µs)`);
  log(`  @commitlint/lint:   median ${theirs.median.toFixed(1)} µs, p99 ${theirs.p99.toFixed(1)} µs`);
  log(
    `  ratio (commitlint / ours): median ${(theirs.median / ours.median).toFixed(1)}x, p99 ${(theirs.p99 / ours.p99).toFixed(1)}x (target >= 10x)`,
  );
}

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'commitMessages');

/** (c): the text the ticket-reference rule searches, matched by V8 and by the linear-time engine. */
async function ticketPatternCost(messages: string[], log: Log): Promise<void> {
  const texts = messages.map((m) => {
    const parsed = parseMessage(m, '#');
    return [parsed.subject, ...parsed.body].map((l) => l?.text ?? '').join('\n');
  });
  const native = new RegExp(DEFAULT_TICKET_PATTERN, 'u');
  const linear = compileTicketPattern(DEFAULT_TICKET_PATTERN);
  const v8 = await timeEach(texts, (t) => native.test(t));
  const re2 = await timeEach(texts, (t) => linear.test(t));
  log(`ticket-reference match, default pattern, ${texts.length} messages x ${ROUNDS} rounds:`);
  log(`  V8 RegExp:          median ${v8.median.toFixed(2)} µs, p99 ${v8.p99.toFixed(2)} µs (backtracking: hangs on hostile patterns)`);
  log(`  re2js (linear):     median ${re2.median.toFixed(2)} µs, p99 ${re2.p99.toFixed(2)} µs`);
  log(`  ratio (re2js / V8): median ${(re2.median / v8.median).toFixed(2)}x, p99 ${(re2.p99 / v8.p99).toFixed(2)}x`);
}

export default async function run(log: Log = (line) => console.log(`[commitMessage] ${line}`)): Promise<void> {
  const ctx: LintContext = { policy: defaultPolicy() };
  const fresh = load(NEW_DATA);
  moodScores(fresh, ctx, 'set N, all', log, true);
  moodScores(
    fresh.filter((c) => c.sample === 'random'),
    ctx,
    'set N, random sample',
    log,
    false,
  );
  if (!existsSync(DATA)) {
    log(`set A skipped: ${DATA} not found (it lives beside the repository in ../shared/bench)`);
    const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));
    await ticketPatternCost(fixtures.map((f) => readFileSync(path.join(FIXTURES, f), 'utf8')), log);
    return;
  }
  const commits = load(DATA);
  moodScores(commits, ctx, 'set A, all', log, true);
  moodScores(
    commits.filter((c) => c.sample === 'random'),
    ctx,
    'set A, random sample',
    log,
    false,
  );
  if (process.env.BENCH_SKIP_SPEED === '1') return;
  await speed(commits, ctx, log);
  await ticketPatternCost(commits.map((c) => c.message), log);
}

if (require.main === module) void run();
