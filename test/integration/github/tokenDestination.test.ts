/**
 * Acceptance: no CLI command sends the GitHub token to a host the user did
 * not configure. A listener on 127.0.0.1 records the headers of every
 * request; the repository's remote points at it (or at GitLab/Bitbucket),
 * while CHANGE_CONTROL_GITHUB_API_URL is unset or names another host.
 * Every command that exists runs with GITHUB_TOKEN set; no request may
 * carry Authorization, and the GitHub commands must not send any request.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { commands } from '../../../src/cli/commands/index';
import { buildCli, git, makeRepo, removeDir, runCliAsync, tempDir, testEnv } from '../cli/cliHarness';
import { recordingListener, type Listener } from './listeners';

const TOKEN = 'ghp_DestinationCanary0123456789abcdefABCD';

/** Each command as a user would run it (with the flags it needs to get as far as GitHub). */
const RUNS: Record<string, string[]> = {
  status: ['status'],
  verify: ['verify', '--pr', '1'],
  evidence: ['evidence', '--pr', '1'],
  pr: ['pr', '--yes'],
  start: ['start', '--ticket', '#1', '--description', 'Export the audit log'],
  'link-ticket': ['link-ticket', '#1'],
  lint: ['lint', '--range', 'main..HEAD'],
  'check-tests': ['check-tests', '--base', 'main'],
  'install-hook': ['install-hook'],
  policy: ['policy', '--explain'],
  doctor: ['doctor'],
  merge: ['merge'],
  release: ['release', 'plan', '--version', 'v1.0.0', '--from', 'main'],
};
const GITHUB_COMMANDS = ['status', 'verify', 'evidence', 'pr', 'doctor', 'merge', 'release'];

describe('the GitHub token goes only to a configured host (CLI, listener on 127.0.0.1)', function () {
  this.timeout(180_000);
  let dir: string;
  let cli: string;
  let repo: string;
  let target: Listener;
  let elsewhere: Listener;

  before(async () => {
    dir = tempDir('cc-token-dest-');
    cli = await buildCli(dir);
    repo = path.join(dir, 'repo');
    mkdirSync(repo);
    makeRepo(repo);
    git(repo, 'switch', '-q', '-c', 'feature/1-audit-log');
    writeFileSync(path.join(repo, 'audit.ts'), 'export const audit = 1;\n');
    git(repo, 'add', 'audit.ts');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'Add the audit log export');
    git(repo, 'config', 'branch.feature/1-audit-log.changeTicket', '#1');
    target = await recordingListener();
    elsewhere = await recordingListener();
  });
  after(async () => {
    await target?.close();
    await elsewhere?.close();
    removeDir(dir);
  });

  it('runs every CLI command this test knows (a new command must be added to RUNS)', () => {
    assert.deepEqual(commands.map((c) => c.name).sort(), Object.keys(RUNS).sort());
  });

  const remotes = (l: Listener): string[] => [
    `${l.url}/acme/app.git`,
    `http://localhost:${l.port}/group/app.git`,
    'https://gitlab.com/acme/app.git',
    'git@bitbucket.org:acme/app.git',
  ];

  const env = (apiUrl: string): NodeJS.ProcessEnv => ({
    ...testEnv, GITHUB_TOKEN: TOKEN, GH_TOKEN: '', CHANGE_CONTROL_GITHUB_API_URL: apiUrl, GIT_TERMINAL_PROMPT: '0', CHANGE_CONTROL_TIMEOUT_SECONDS: '10',
  });
  const authorized = (l: Listener): string[] => l.requests.filter((r) => r.headers.authorization !== undefined || JSON.stringify(r.headers).includes(TOKEN)).map((r) => `${r.method} ${r.url}`);

  it('sends no Authorization header, and no GitHub request at all, whatever the remote names', async () => {
    for (const remote of remotes(target)) {
      git(repo, 'config', 'remote.origin.url', remote);
      for (const apiUrl of ['', elsewhere.url, 'https://ghe.example.invalid/api/v3']) {
        for (const [name, argv] of Object.entries(RUNS)) {
          // The local commands read no API URL: once per remote is enough.
          if (apiUrl && !GITHUB_COMMANDS.includes(name)) continue;
          const before = target.requests.length;
          const r = await runCliAsync(cli, argv, repo, env(apiUrl), 30_000);
          const what = `${name} with remote ${remote}, API URL ${apiUrl || '(unset)'}:\n${r.stdout}${r.stderr}`;
          assert.deepEqual(authorized(target), [], `the remote's host got the token: ${what}`);
          assert.deepEqual(authorized(elsewhere), [], `a configured host of another repository got the token: ${what}`);
          assert.ok(!`${r.stdout}${r.stderr}`.includes(TOKEN), `the token is never printed: ${what}`);
          if (GITHUB_COMMANDS.includes(name)) {
            assert.equal(target.requests.length, before, `no request at all: ${what}`);
            assert.match(`${r.stdout}${r.stderr}`, /this remote is not on GitHub: the GitHub features are off/i, what);
          }
        }
      }
    }
    assert.equal(elsewhere.requests.length, 0, 'the configured host was not asked about a repository that is not on it');
  });

  it('status still shows the local sections and says GitHub is off', async () => {
    git(repo, 'config', 'remote.origin.url', 'https://gitlab.com/acme/app.git');
    const r = await runCliAsync(cli, ['status'], repo, env(''), 30_000);
    assert.match(r.stdout, /Commits/);
    assert.match(r.stdout, /GitHub skipped: This remote is not on GitHub: the GitHub features are off \(remote "origin" is on gitlab\.com\)/);
  });

  it('refuses plain http to a configured host that is not this machine, before any request', async () => {
    git(repo, 'config', 'remote.origin.url', 'https://github.com/acme/app.git');
    const r = await runCliAsync(cli, ['verify', '--pr', '1'], repo, env('http://ghe.example.invalid/api/v3'), 30_000);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /plain http to ghe\.example\.invalid: a token is sent over plain http only to this machine/);
  });

  it('does send the token once the listener is the configured host (the check above can fail)', async () => {
    git(repo, 'config', 'remote.origin.url', `${target.url}/acme/app.git`);
    await runCliAsync(cli, ['verify', '--pr', '1'], repo, env(target.url), 30_000);
    assert.ok(authorized(target).length > 0, 'the configured host got the token');
    target.requests.length = 0;
  });

  describe('with a base policy that extends a GitHub file (owner/repo/path@ref)', () => {
    before(() => {
      // The base branch's policy extends it, so the gates and evidence fetch it with the token.
      git(repo, 'switch', '-q', 'main');
      mkdirSync(path.join(repo, '.github'), { recursive: true });
      writeFileSync(path.join(repo, '.github/change-control.json'), `${JSON.stringify({ extends: 'acme/policies/change-control.json@v1' })}\n`);
      git(repo, 'add', '.github/change-control.json');
      git(repo, 'commit', '-q', '--no-verify', '-m', 'Extend the organisation policy');
      git(repo, 'switch', '-q', 'feature/1-audit-log');
      git(repo, 'rebase', '-q', 'main');
    });

    it('sends no token and no request for it, whatever the remote names', async () => {
      for (const remote of remotes(target)) {
        git(repo, 'config', 'remote.origin.url', remote);
        for (const apiUrl of ['', elsewhere.url]) {
          for (const [name, argv] of Object.entries(RUNS)) {
            const before = target.requests.length;
            const r = await runCliAsync(cli, argv, repo, env(apiUrl), 30_000);
            const what = `${name} with remote ${remote}, API URL ${apiUrl || '(unset)'}:\n${r.stdout}${r.stderr}`;
            assert.deepEqual(authorized(target), [], `the remote's host got the token: ${what}`);
            // start and pr fetch and push with git; the GitHub commands and policy send nothing at all.
            if ([...GITHUB_COMMANDS, 'policy'].includes(name)) assert.equal(target.requests.length, before, `no request at all: ${what}`);
            assert.deepEqual(authorized(elsewhere), [], `a configured host of another repository got the token: ${what}`);
            assert.ok(!`${r.stdout}${r.stderr}`.includes(TOKEN), `the token is never printed: ${what}`);
            if (name === 'status' || name === 'policy') assert.match(`${r.stdout}${r.stderr}`, /this remote is not on GitHub: the GitHub features are off/i, what);
          }
        }
      }
      assert.equal(elsewhere.requests.length, 0, 'the configured host was not asked for the policy of a repository that is not on it');
    });

    it('does fetch the policy with the token once the listener is the configured host (the check above can fail)', async () => {
      git(repo, 'config', 'remote.origin.url', `${target.url}/acme/app.git`);
      const r = await runCliAsync(cli, ['policy', '--explain'], repo, env(target.url), 30_000);
      assert.ok(authorized(target).some((u) => u.startsWith('GET /repos/acme/policies/contents/change-control.json')), `${authorized(target).join('\n')}\n${r.stdout}${r.stderr}`);
      target.requests.length = 0;
    });
  });
});
