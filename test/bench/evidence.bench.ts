/**
 * Release-range evidence benchmark (`npm run bench`): 200 merged pull
 * requests on the fake GitHub, mirrored by a real git history of 200 merge
 * commits on main (written in one `git fast-import`), gathered twice with
 * the same client and ETag cache. Prints requests, 304s and time per run;
 * the second run of an unchanged server should be all 304s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultPolicy } from '../../src/core/policy/schema';
import { createGitHubClient } from '../../src/github/client';
import { EtagCache } from '../../src/github/etagCache';
import { CLI_CACHE_ENTRIES } from '../../src/github/etagCacheFile';
import { produceEvidence } from '../../src/app/evidenceReport';
import { createEvidenceGit } from '../../src/git/history';
import { FakeGitHub } from '../github-fake';

type Log = (line: string) => void;

const PULLS = 200;
const REPO = 'acme/app';
const env = { ...process.env, GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1' };

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/** main: root commit (v1.0.0), then per pull request a branch commit and a --no-ff merge (v2.0.0). */
function fastImport(root: string): { branch: string[]; merge: string[] } {
  const who = (i: number): string => `committer Dev <dev@example.com> ${1_767_600_000 + i * 60} +0000\n`;
  let s = `commit refs/heads/main\nmark :1\n${who(0)}${data('Start the app')}M 644 inline README.md\n${data('# App')}`;
  for (let i = 1; i <= PULLS; i++) {
    const b = 2 * i;
    const m = 2 * i + 1;
    const prev = i === 1 ? 1 : m - 2;
    s += `commit refs/heads/feature/${i}\nmark :${b}\n${who(b)}${data(`Add feature ${i}\n\nUsers asked for feature ${i}.`)}from :${prev}\n`;
    s += `M 644 inline src/feature${i}.ts\n${data(`export const f${i} = ${i};`)}M 644 inline test/feature${i}.test.ts\n${data(`import '../src/feature${i}';`)}`;
    s += `commit refs/heads/main\nmark :${m}\n${who(m)}${data(`Merge pull request #${PULLS + i} from acme/feature/${i}`)}from :${prev}\nmerge :${b}\n`;
  }
  s += `reset refs/tags/v1.0.0\nfrom :1\n\nreset refs/tags/v2.0.0\nfrom :${2 * PULLS + 1}\n\n`;
  const marks = path.join(root, '.git', 'marks');
  execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marks}`], { cwd: root, env, input: s });
  const bySha = new Map(readFileSync(marks, 'utf8').trim().split('\n').map((l) => l.split(' ') as [string, string]));
  const at = (mark: number): string => bySha.get(`:${mark}`) as string;
  return { branch: Array.from({ length: PULLS }, (_, i) => at(2 * (i + 1))), merge: Array.from({ length: PULLS }, (_, i) => at(2 * (i + 1) + 1)) };
}

export default async function run(log: Log = console.log): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-evidence-bench-'));
  const fake = await new FakeGitHub().start();
  try {
    const root = path.join(dir, 'work');
    execFileSync('git', ['init', '-q', '-b', 'main', root], { env });
    let t = performance.now();
    const shas = fastImport(root);
    log(`git history: ${PULLS} merge commits in ${Math.round(performance.now() - t)} ms`);
    t = performance.now();
    const s = fake.state;
    s.setTime('2026-01-05T09:00:00Z');
    s.addRepo(REPO);
    s.addLabel(REPO, 'Approved');
    for (let i = 1; i <= PULLS; i++) s.addIssue(REPO, { title: `Feature ${i}`, labels: ['Approved'] });
    for (let i = 1; i <= PULLS; i++) {
      const head = shas.branch[i - 1] as string;
      const pr = s.addPull(REPO, { head: `feature/${i}-x`, title: `Add feature ${i} (#${i})`, commits: [{ sha: head, message: `Add feature ${i}\n\nUsers asked for feature ${i}.`, author: 'dev', date: s.now() }] });
      pr.files = [{ filename: `src/feature${i}.ts`, additions: 1, deletions: 0 }, { filename: `test/feature${i}.test.ts`, additions: 1, deletions: 0 }];
      s.addReview(REPO, pr.number, { user: 'erin', state: 'APPROVED' });
      s.addComment(REPO, i, `Pull request: #${pr.number}`);
      s.mergePull(REPO, pr.number, 'maintainer');
      pr.mergeCommitSha = shas.merge[i - 1] as string;
    }
    log(`fake GitHub: ${PULLS} tickets and ${PULLS} merged pull requests seeded in ${Math.round(performance.now() - t)} ms`);
    const client = createGitHubClient({ baseUrl: fake.url, token: 'ghp_benchToken0000000000000000000000000000', cache: new EtagCache(CLI_CACHE_ENTRIES) });
    const git = createEvidenceGit(root);
    for (const label of ['first run (cold cache)', 'second run (unchanged server)']) {
      const before = client.requestLog.snapshot();
      const started = performance.now();
      const doc = await produceEvidence({
        root, octokit: client.octokit, repo: { owner: 'acme', repo: 'app' }, repoUrl: `https://github.com/${REPO}`, policy: defaultPolicy(),
        scope: { kind: 'range', from: 'v1.0.0', to: 'v2.0.0' }, generatorVersion: 'bench', now: new Date(), secrets: () => [], git,
      });
      const ms = performance.now() - started;
      const after = client.requestLog.snapshot();
      log(`${label}: ${doc.summary.changes} changes, ${doc.summary.deviations} deviations; ${after.requests - before.requests} requests, ${after.notModified - before.notModified} answered 304, ${Math.round(ms)} ms`);
    }
    log(`fake saw ${fake.counters.total} requests (${fake.counters.notModified} 304), ${fake.violations.length} contract violations; fake time: ${Math.round(fake.timing.validationMs)} ms validating, ${Math.round(fake.timing.handlingMs)} ms handling`);
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
