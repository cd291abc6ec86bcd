/**
 * A change ready to merge in a throw-away repository whose "origin" is a
 * bare repository on disk (reached through an insteadOf rewrite of
 * https://github.com/acme/app.git, so the fake GitHub and git agree on the
 * repository), plus test/scenarios/ready-to-merge.json on the fake GitHub.
 * The fake's merge hook makes the merge commit in the bare repository with
 * git's own plumbing, so fetching after the merge brings real commits.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FakeGitHub } from '../../github-fake';
import { mergeInBare } from '../../support/mergeInBare';
import { tempDir, testEnv } from '../cli/cliHarness';

export const REPO = 'acme/app';
export const BRANCH = 'feature/1-audit-log';
export const SCENARIO = path.join(__dirname, '../../scenarios/ready-to-merge.json');

export interface MergeFixture {
  dir: string;
  root: string;
  bare: string;
  headSha: string;
  baseSha: string;
  prNumber: number;
  fake: FakeGitHub;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: testEnv, encoding: 'utf8' }).trim();
}

export async function makeMergeFixture(): Promise<MergeFixture> {
  const dir = tempDir('cc-merge-');
  const bare = path.join(dir, 'origin.git');
  const root = path.join(dir, 'work');
  git(dir, 'init', '-q', '--bare', '-b', 'main', bare);
  git(dir, 'init', '-q', '-b', 'main', root);
  writeFileSync(path.join(root, 'README.md'), '# App\n');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'Start the app');
  git(root, 'remote', 'add', 'origin', `https://github.com/${REPO}.git`);
  git(root, 'config', `url.${bare}.insteadOf`, `https://github.com/${REPO}.git`);
  git(root, 'push', '-q', '-u', 'origin', 'main');
  const baseSha = git(root, 'rev-parse', 'HEAD');
  git(root, 'switch', '-q', '-c', BRANCH);
  mkdirSync(path.join(root, 'src'));
  mkdirSync(path.join(root, 'test'));
  writeFileSync(path.join(root, 'src/audit.ts'), 'export const audit = 1;\n');
  writeFileSync(path.join(root, 'test/audit.test.ts'), 'import "../src/audit";\n');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'Add the audit log export\n\nAuditors need the log as a file.');
  git(root, 'push', '-q', '-u', 'origin', BRANCH);
  git(root, 'config', `branch.${BRANCH}.changeTicket`, '#1');
  const headSha = git(root, 'rev-parse', 'HEAD');
  const fake = await new FakeGitHub().start({ scenarioFile: SCENARIO, vars: { headSha, baseSha } });
  fake.state.onMerge = (request) => mergeInBare(bare, request, testEnv);
  const pr = fake.state.pull(REPO, 2);
  pr.files = ['src/audit.ts', 'test/audit.test.ts'].map((filename) => ({ filename, additions: 1, deletions: 0 }));
  return { dir, root, bare, headSha, baseSha, prNumber: pr.number, fake };
}
