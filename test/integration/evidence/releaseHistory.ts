/**
 * A release in a real git repository (tags v1.0.0..v1.1.0, merge commits
 * on main) mirrored on the fake GitHub, built so that every evidence
 * finding occurs once: a clean change, a stale and a self approval, a
 * ticket approved after the merge, a ticket never approved and never
 * linked, a change without ticket with a bad commit message and an
 * untested source file, a direct push to main, and an open pull request
 * for `verify --pr`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FakeGitHub } from '../../github-fake';
import type { FakeCommit } from '../../github-fake/state';
import { tempDir, testEnv } from '../cli/cliHarness';

export const REPO = 'acme/app';
export const TOKEN = 'ghp_evidenceTestToken000000000000000000000';
/** Planted in a PR body, a ticket comment and a commit message; must never reach the output. */
export const PLANTED = 'ghp_plantedSecretAbcdefghijklmnopqrstuvwx';

export interface ReleaseFixture {
  dir: string;
  root: string;
  fake: FakeGitHub;
  prs: { clean: number; stale: number; late: number; never: number; noTicket: number; open: number };
  directSha: string;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: testEnv, encoding: 'utf8' }).trim();
}

const at = (minute: number): string => new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString().replace(/\.\d{3}Z$/, 'Z');

function commitFiles(root: string, files: Record<string, string>, message: string): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  git(root, 'add', '--', ...Object.keys(files));
  git(root, 'commit', '-q', '-m', message);
  return git(root, 'rev-parse', 'HEAD');
}

interface BranchSpec {
  branch: string;
  commits: { files: Record<string, string>; message: string }[];
}

/** Commits a branch off main; returns its commits as the fake lists them. */
function branch(root: string, spec: BranchSpec, date: string): FakeCommit[] {
  git(root, 'switch', '-q', '-c', spec.branch, 'main');
  const commits = spec.commits.map((c) => ({ sha: commitFiles(root, c.files, c.message), message: c.message, author: 'octocat', date }));
  git(root, 'switch', '-q', 'main');
  return commits;
}

function mergeBranch(root: string, number: number, name: string): string {
  git(root, 'merge', '-q', '--no-ff', '-m', `Merge pull request #${number} from acme/${name}`, name);
  return git(root, 'rev-parse', 'HEAD');
}

export async function makeRelease(): Promise<ReleaseFixture> {
  const dir = tempDir('cc-evidence-');
  const root = path.join(dir, 'work');
  git(dir, 'init', '-q', '-b', 'main', root);
  // The stale approval of #7 is a deviation only where the policy requires approval of the latest commit.
  commitFiles(root, { 'README.md': '# App\n', '.github/change-control.json': '{ "review": { "requireApprovalOfLatestCommit": true } }\n' }, 'Start the app');
  git(root, 'tag', 'v1.0.0');
  git(root, 'remote', 'add', 'origin', `https://github.com/${REPO}.git`);

  const fake = await new FakeGitHub().start();
  const s = fake.state;
  s.setTime(at(0));
  s.addRepo(REPO);
  s.addLabel(REPO, 'Approved');
  s.addIssue(REPO, { title: 'Export the audit log', labels: ['Approved'] }); // #1
  s.addIssue(REPO, { title: 'Rotate the signing keys', labels: ['Approved'] }); // #2
  s.addIssue(REPO, { title: 'Cache the session list' }); // #3, approved after the merge
  s.addIssue(REPO, { title: 'Drop the legacy importer' }); // #4, never approved
  s.addIssue(REPO, { title: 'Page the audit log', labels: ['Approved'] }); // #5, the open PR's

  const pull = (spec: BranchSpec, title: string, files: string[], body = `Feature: ${title}.`): { number: number; commits: FakeCommit[] } => {
    const commits = branch(root, spec, s.now());
    const p = s.addPull(REPO, { head: spec.branch, title, body, commits });
    // The base commit is real: verify reads the base branch's policy from it.
    p.base.sha = git(root, 'rev-parse', 'main');
    p.files = files.map((filename) => ({ filename, additions: 1, deletions: 0 }));
    return { number: p.number, commits };
  };
  const merge = (number: number, name: string, minute: number): void => {
    s.setTime(at(minute));
    s.mergePull(REPO, number, 'maintainer');
    s.pull(REPO, number).mergeCommitSha = mergeBranch(root, number, name);
  };

  // #6 clean: approved ticket, approval on the head, tests, back-link.
  const clean = pull({ branch: 'feature/1-audit-log', commits: [{ files: { 'src/audit.ts': 'export const a = 1;\n', 'test/audit.test.ts': 'import "../src/audit";\n' }, message: 'Add the audit log export\n\nAuditors need the log as a file.' }] }, 'Add the audit log export (#1)', ['src/audit.ts', 'test/audit.test.ts'], `Implements feature #1.\nDebug token: ${PLANTED}`);
  s.setTime(at(5));
  s.addReview(REPO, clean.number, { user: 'erin', state: 'APPROVED' });
  s.addComment(REPO, 1, `Pull request: #${clean.number} (and ${TOKEN} by mistake)`);
  merge(clean.number, 'feature/1-audit-log', 6);

  // #7 stale approval (erin approved the first commit) and the author approving their own PR.
  const stale = pull({ branch: 'feature/2-keys', commits: [
    { files: { 'src/keys.ts': 'export const k = 1;\n', 'test/keys.test.ts': 'import "../src/keys";\n' }, message: 'Rotate the signing keys' },
    { files: { 'src/keys.ts': 'export const k = 2;\n', 'test/keys.test.ts': 'import "../src/keys"; // 2\n' }, message: `Shorten the key lifetime\n\nLeaked once as ${PLANTED}; rotated.` },
  ] }, 'Rotate the signing keys (#2)', ['src/keys.ts', 'test/keys.test.ts']);
  s.setTime(at(10));
  s.addReview(REPO, stale.number, { user: 'erin', state: 'APPROVED', commitId: stale.commits[0]!.sha });
  s.addReview(REPO, stale.number, { user: 'octocat', state: 'APPROVED' });
  s.addComment(REPO, 2, `Done in #${stale.number}`);
  merge(stale.number, 'feature/2-keys', 11);

  // #8 ticket approved only after the merge.
  const late = pull({ branch: 'feature/3-session-cache', commits: [{ files: { 'src/sessions.ts': 'export const s = 1;\n', 'test/sessions.test.ts': 'import "../src/sessions";\n' }, message: 'Cache the session list' }] }, 'Cache the session list (#3)', ['src/sessions.ts', 'test/sessions.test.ts']);
  s.setTime(at(15));
  s.addReview(REPO, late.number, { user: 'erin', state: 'APPROVED' });
  s.addComment(REPO, 3, `See #${late.number}`);
  merge(late.number, 'feature/3-session-cache', 16);
  s.setTime(at(20));
  s.labelIssue(REPO, 3, 'Approved', 'manager');

  // #9 ticket never approved and never linked back.
  const never = pull({ branch: 'feature/4-legacy', commits: [{ files: { 'src/importer.ts': 'export const i = 0;\n', 'test/importer.test.ts': 'import "../src/importer";\n' }, message: 'Drop the legacy importer' }] }, 'Drop the legacy importer (#4)', ['src/importer.ts', 'test/importer.test.ts']);
  s.setTime(at(25));
  s.addReview(REPO, never.number, { user: 'erin', state: 'APPROVED' });
  merge(never.number, 'feature/4-legacy', 26);

  // #10 no ticket, a commit message that breaks the rules, a source file without tests, no review.
  const noTicket = pull({ branch: 'feature/cleanup', commits: [{ files: { 'src/cleanup.ts': 'export const c = 1;\n' }, message: 'fixed stuff.' }] }, 'Tidy the code', ['src/cleanup.ts']);
  merge(noTicket.number, 'feature/cleanup', 30);

  // A direct push to main.
  s.setTime(at(35));
  const directSha = commitFiles(root, { 'README.md': '# App\n\nHotfix.\n' }, 'Fix the readme title\n\nPushed straight to main.');
  git(root, 'tag', 'v1.1.0');

  // #11 open, for verify --pr: approved ticket, approval on the head, back-link, green check.
  const open = pull({ branch: 'feature/5-paging', commits: [{ files: { 'src/paging.ts': 'export const p = 1;\n', 'test/paging.test.ts': 'import "../src/paging";\n' }, message: 'Page the audit log' }] }, 'Page the audit log (#5)', ['src/paging.ts', 'test/paging.test.ts']);
  s.addReview(REPO, open.number, { user: 'erin', state: 'APPROVED' });
  s.addComment(REPO, 5, `Pull request: #${open.number}`);
  s.addCheckRun(REPO, open.commits[0]!.sha, { name: 'build', conclusion: 'success' });

  return { dir, root, fake, prs: { clean: clean.number, stale: stale.number, late: late.number, never: never.number, noTicket: noTicket.number, open: open.number }, directSha };
}
