/**
 * A busy release on the fake GitHub, mirrored by a real git history: 200
 * merged pull requests (each with an approved ticket, a review, a
 * back-link comment and a test beside its source file), their merge
 * commits on main written in one `git fast-import`, tags v1.0.0 (before)
 * and v2.0.0 (after). Shared by the evidence benches and the request
 * budget test, so they measure the same scenario.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FakeGitHub } from '../github-fake';

export const MANY_PULLS = 200;
export const MANY_REPO = 'acme/app';
const env = { ...process.env, GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1' };

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/** main: root commit (v1.0.0), then per pull request a branch commit and a --no-ff merge (v2.0.0). */
function fastImport(root: string, pulls: number): { branch: string[]; merge: string[] } {
  const who = (i: number): string => `committer Dev <dev@example.com> ${1_767_600_000 + i * 60} +0000\n`;
  let s = `commit refs/heads/main\nmark :1\n${who(0)}${data('Start the app')}M 644 inline README.md\n${data('# App')}`;
  for (let i = 1; i <= pulls; i++) {
    const b = 2 * i;
    const m = 2 * i + 1;
    const prev = i === 1 ? 1 : m - 2;
    s += `commit refs/heads/feature/${i}\nmark :${b}\n${who(b)}${data(`Add feature ${i}\n\nUsers asked for feature ${i}.`)}from :${prev}\n`;
    s += `M 644 inline src/feature${i}.ts\n${data(`export const f${i} = ${i};`)}M 644 inline test/feature${i}.test.ts\n${data(`import '../src/feature${i}';`)}`;
    s += `commit refs/heads/main\nmark :${m}\n${who(m)}${data(`Merge pull request #${pulls + i} from acme/feature/${i}`)}from :${prev}\nmerge :${b}\n`;
  }
  s += `reset refs/tags/v1.0.0\nfrom :1\n\nreset refs/tags/v2.0.0\nfrom :${2 * pulls + 1}\n\n`;
  const marks = path.join(root, '.git', 'marks');
  execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marks}`], { cwd: root, env, input: s });
  const bySha = new Map(readFileSync(marks, 'utf8').trim().split('\n').map((l) => l.split(' ') as [string, string]));
  const at = (mark: number): string => bySha.get(`:${mark}`) as string;
  return { branch: Array.from({ length: pulls }, (_, i) => at(2 * (i + 1))), merge: Array.from({ length: pulls }, (_, i) => at(2 * (i + 1) + 1)) };
}

/** Creates the git repository at `root` and seeds `fake`; tickets are #1..#N, pull requests #N+1..#2N. */
export function seedManyPulls(fake: FakeGitHub, root: string, pulls = MANY_PULLS): void {
  execFileSync('git', ['init', '-q', '-b', 'main', root], { env });
  const shas = fastImport(root, pulls);
  const s = fake.state;
  s.setTime('2026-01-05T09:00:00Z');
  s.addRepo(MANY_REPO);
  s.addLabel(MANY_REPO, 'Approved');
  for (let i = 1; i <= pulls; i++) s.addIssue(MANY_REPO, { title: `Feature ${i}`, labels: ['Approved'] });
  for (let i = 1; i <= pulls; i++) {
    const head = shas.branch[i - 1] as string;
    const body = `**Change ticket:** #${i}\n**Type:** feature\n\nAdds feature ${i}, which users asked for.`;
    const pr = s.addPull(MANY_REPO, { head: `feature/${i}-x`, title: `Add feature ${i} (#${i})`, body, commits: [{ sha: head, message: `Add feature ${i}\n\nUsers asked for feature ${i}.`, author: 'dev', date: s.now() }] });
    pr.files = [{ filename: `src/feature${i}.ts`, additions: 1, deletions: 0 }, { filename: `test/feature${i}.test.ts`, additions: 1, deletions: 0 }];
    s.addReview(MANY_REPO, pr.number, { user: 'erin', state: 'APPROVED' });
    s.addComment(MANY_REPO, i, `Pull request: #${pr.number}`);
    s.addCheckRun(MANY_REPO, head, { name: 'build', conclusion: 'success' });
    s.mergePull(MANY_REPO, pr.number, 'maintainer');
    pr.mergeCommitSha = shas.merge[i - 1] as string;
  }
}
