/**
 * A change in a throw-away repository plus its pull request on the fake
 * GitHub: feature branch pushed to a bare "origin", ticket linked in git
 * config, a test for the changed source, and, from
 * test/scenarios/sidebar-change.json, one approval, green checks and the
 * ticket's back-link comment. Tests then make it worse.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FakeGitHub } from '../../github-fake';
import { tempDir, testEnv } from '../cli/cliHarness';

export const REPO = 'acme/app';
export const BRANCH = 'feature/1-audit-log';
/** The pull request, ticket, review and checks of this change (acme/app #1 and #2). */
export const SCENARIO = path.join(__dirname, '../../scenarios/sidebar-change.json');

export interface ChangeFixture {
  dir: string;
  root: string;
  headSha: string;
  /** main's commit, where the branch starts (the pull request's base sha). */
  baseSha: string;
  prNumber: number;
  fake: FakeGitHub;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: testEnv, encoding: 'utf8' }).trim();
}

/** Extra files committed on main before the branch starts, and on the branch with its change. */
export interface ChangeFiles {
  main?: Record<string, string>;
  branch?: Record<string, string>;
}

function writeFiles(root: string, files: Record<string, string> | undefined): void {
  for (const [file, text] of Object.entries(files ?? {})) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

/** `scenarioFile`: another scenario with the same change (its rules on main differ, say). */
export async function makeChange(files: ChangeFiles = {}, scenarioFile = SCENARIO): Promise<ChangeFixture> {
  const dir = tempDir('cc-sidebar-');
  const bare = path.join(dir, 'origin.git');
  const root = path.join(dir, 'work');
  git(dir, 'init', '-q', '--bare', '-b', 'main', bare);
  git(dir, 'init', '-q', '-b', 'main', root);
  writeFileSync(path.join(root, 'README.md'), '# App\n');
  writeFiles(root, files.main);
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'Start the app');
  git(root, 'remote', 'add', 'origin', bare);
  git(root, 'push', '-q', '-u', 'origin', 'main');
  const baseSha = git(root, 'rev-parse', 'HEAD');
  git(root, 'switch', '-q', '-c', BRANCH);
  mkdirSync(path.join(root, 'src'));
  mkdirSync(path.join(root, 'test'));
  writeFileSync(path.join(root, 'src/audit.ts'), 'export const audit = 1;\n');
  writeFileSync(path.join(root, 'test/audit.test.ts'), 'import "../src/audit";\n');
  writeFiles(root, files.branch);
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'Add the audit log export\n\nAuditors need the log as a file.');
  git(root, 'push', '-q', '-u', 'origin', BRANCH);
  git(root, 'config', `branch.${BRANCH}.changeTicket`, '#1');
  // The GitHub identity of the repository; the remote-tracking refs stay local.
  git(root, 'remote', 'set-url', 'origin', `https://github.com/${REPO}.git`);
  const headSha = git(root, 'rev-parse', 'HEAD');

  // The GitHub side comes from a scenario file; the fixture adds the files this change touches.
  const fake = await new FakeGitHub().start({ scenarioFile, vars: { headSha, baseSha } });
  const pr = fake.state.pull(REPO, 2);
  pr.files = Object.keys({ 'src/audit.ts': 1, 'test/audit.test.ts': 1, ...files.branch }).map((filename) => ({ filename, additions: 1, deletions: 0 }));
  return { dir, root, headSha, baseSha, prNumber: pr.number, fake };
}
