/**
 * GitHub's own rules beside the policy, against the stand-in: the change
 * of sidebar-change.json in a real repository, with the rules on main from
 * test/scenarios/branch-rules-weaker.json (weaker than the policy) or
 * branch-rules-enforced.json (as strict, protection unreadable). The
 * built CLI's `doctor` names each weaker setting and exits 1 or 0; `status`
 * shows the same warnings and its verdict and exit code do not move; the
 * use case with the real client repeats as 304s. Zero contract violations.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { EnforcementMemo, readGitHubEnforcement } from '../../../src/app/doctor';
import { fixedClock } from '../../../src/core/clock';
import { buildCli, removeDir, runCliAsync as runCli, tempDir, testEnv } from '../cli/cliHarness';
import { makeChange, REPO, type ChangeFixture } from '../sidebar/changeRepo';
import { makeClient } from './helpers';

const SCENARIOS = path.join(__dirname, '../../scenarios');
const WEAKER = path.join(SCENARIOS, 'branch-rules-weaker.json');
const ENFORCED = path.join(SCENARIOS, 'branch-rules-enforced.json');
const TOKEN = 'ghp_doctorclitoken00000000000000000000000';

/** A policy asking for `approvals` approvals, committed on main (the base's policy governs). */
const policyFiles = (approvals: number) => ({ main: { '.github/change-control.json': `${JSON.stringify({ review: { requiredApprovals: approvals } })}\n` } });

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: testEnv, encoding: 'utf8' }).trim();
}

describe('GitHub enforces less than the policy (doctor, status; stand-in from scenario files)', function () {
  this.timeout(90_000);
  let cliDir: string;
  let cli: string;
  let fx: ChangeFixture | undefined;
  const env = (f: ChangeFixture, token = TOKEN): NodeJS.ProcessEnv => ({ ...testEnv, GITHUB_TOKEN: token, GH_TOKEN: '', CHANGE_CONTROL_GITHUB_API_URL: f.fake.url });

  before(async () => {
    cliDir = tempDir('cc-doctor-cli-');
    cli = await buildCli(cliDir);
  });
  after(() => removeDir(cliDir));
  afterEach(async () => {
    const violations = [...(fx?.fake.violations ?? [])];
    await fx?.fake.stop();
    removeDir(fx?.dir);
    fx = undefined;
    assert.deepEqual(violations, [], 'the fake saw no contract violations');
  });

  it('doctor names each weaker setting with where to change it, and exits 1', async () => {
    fx = await makeChange(policyFiles(2), WEAKER);
    const r = await runCli(cli, ['doctor'], fx.root, env(fx));
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^GitHub enforces less than the policy on main:\n/);
    assert.match(r.stdout, /! GitHub requires 1 approval on main; the policy requires 2\n {4}change: Settings → Rules → Rulesets → the ruleset for main → Require a pull request before merging → Required approvals: 2\n/);
    assert.match(r.stdout, /! GitHub merges into main with open review conversations; the policy requires them resolved\n {4}change: .*Require conversation resolution before merging\n/);
    assert.match(r.stdout, /! GitHub does not require the “Change Control” check on main: a change the gate blocks can still be merged\n {4}change: .*Require status checks to pass → add “Change Control”\n/);
    assert.match(r.stdout, /Settings: https:\/\/github\.com\/acme\/app\/settings\/rules\n/);
    // The ruleset requires the pull request, so protection's admin bypass does not open a direct push.
    assert.doesNotMatch(r.stdout, /direct/);
    // Without requireApprovalOfLatestCommit (default false), kept stale approvals are no warning.
    assert.doesNotMatch(r.stdout, /stale|after a new push/);
    assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN));
    const routes = fx.fake.requests.map((q) => `${q.method} ${q.path.replace(/\?.*$/, '')} ${q.status}`);
    assert.ok(routes.includes(`GET /repos/${REPO}/rules/branches/main 200`), routes.join('\n'));
    assert.ok(routes.includes(`GET /repos/${REPO}/branches/main/protection 200`), routes.join('\n'));
  });

  it('doctor --format json gives the same report', async () => {
    fx = await makeChange(policyFiles(2), WEAKER);
    const r = await runCli(cli, ['doctor', '--format', 'json'], fx.root, env(fx));
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { branch: string; compared: boolean; warnings: { id: string; setting: string }[]; notes: string[]; settingsUrl: string };
    assert.equal(report.branch, 'main');
    assert.equal(report.compared, true);
    assert.deepEqual(report.warnings.map((w) => w.id), ['required-approvals', 'conversation-resolution', 'gate-check-required']);
    assert.deepEqual(report.notes, []);
    assert.equal(report.settingsUrl, 'https://github.com/acme/app/settings/rules');
  });

  it('doctor exits 0 when the rulesets enforce the policy, and says protection was not readable', async () => {
    fx = await makeChange(policyFiles(2), ENFORCED);
    const r = await runCli(cli, ['doctor'], fx.root, env(fx));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^GitHub enforces the policy on main: nothing is weaker\.\n/);
    assert.match(r.stdout, /note: branch protection not readable with this token/);
  });

  it('doctor asks for more approvals when the policy asks for more than the enforced ruleset', async () => {
    fx = await makeChange(policyFiles(3), ENFORCED);
    const r = await runCli(cli, ['doctor'], fx.root, env(fx));
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /GitHub requires 2 approvals on main; the policy requires 3/);
  });

  it('doctor exits 2 without a token, and when GitHub cannot say anything about the branch', async () => {
    fx = await makeChange(policyFiles(1), WEAKER);
    const none = await runCli(cli, ['doctor'], fx.root, { ...env(fx), GITHUB_TOKEN: '', GH_TOKEN: '' });
    assert.equal(none.code, 2, none.stdout + none.stderr);
    assert.match(none.stderr, /No GitHub token/);
    assert.equal(fx.fake.counters.total, 0, 'GitHub was not asked');
    fx.fake.inject({ method: 'GET', path: /\/rules\/branches\/main$/, fault: { kind: 'status', status: 404, message: 'Not Found' } });
    fx.fake.state.setProtection(REPO, 'main', 'forbidden');
    const unreadable = await runCli(cli, ['doctor'], fx.root, env(fx));
    assert.equal(unreadable.code, 2, unreadable.stdout + unreadable.stderr);
    assert.match(unreadable.stderr, /GitHub's rules on main could not be read: rulesets not readable: GitHub answered 404.*branch protection not readable with this token/);
  });

  it("status shows the warnings in their own section and keeps the gate's verdict and exit code", async () => {
    // Ready (1 approval of 1): exit 0 with the weak rules and with the strict ones.
    fx = await makeChange(policyFiles(1), WEAKER);
    const weak = await runCli(cli, ['status'], fx.root, env(fx));
    assert.equal(weak.code, 0, weak.stdout + weak.stderr);
    assert.match(weak.stdout, /! GitHub enforces less than the policy — 2 settings on main <https:\/\/github\.com\/acme\/app\/settings\/rules>\n/);
    assert.match(weak.stdout, / {2}! GitHub does not require the “Change Control” check on main: a change the gate blocks can still be merged — Settings → Rules/);
    assert.match(weak.stdout, /\nReady to merge\n/);
    const weakJson = JSON.parse((await runCli(cli, ['status', '--format', 'json'], fx.root, env(fx))).stdout) as { ready: boolean; blockers: string[]; warnings: string[]; snapshot: { enforcement: { warnings: unknown[] } } };
    assert.equal(weakJson.snapshot.enforcement.warnings.length, 2);
    await fx.fake.stop();
    removeDir(fx.dir);

    fx = await makeChange(policyFiles(1), ENFORCED);
    const strict = await runCli(cli, ['status'], fx.root, env(fx));
    assert.equal(strict.code, 0, strict.stdout + strict.stderr);
    assert.doesNotMatch(strict.stdout, /GitHub enforces less/);
    const strictJson = JSON.parse((await runCli(cli, ['status', '--format', 'json'], fx.root, env(fx))).stdout) as typeof weakJson;
    assert.deepEqual([strictJson.ready, strictJson.blockers, strictJson.warnings], [weakJson.ready, weakJson.blockers, weakJson.warnings], 'the verdict does not read the rules');
  });

  it('status stays blocked, with the same blockers, whatever GitHub enforces', async () => {
    const blockedLine = async (scenario: string): Promise<{ code: number; last: string }> => {
      fx = await makeChange(policyFiles(2), scenario);
      const r = await runCli(cli, ['status'], fx.root, env(fx));
      const last = r.stdout.trimEnd().split('\n').pop() ?? '';
      await fx.fake.stop();
      assert.deepEqual(fx.fake.violations, []);
      removeDir(fx.dir);
      fx = undefined;
      return { code: r.code, last };
    };
    const weak = await blockedLine(WEAKER);
    const strict = await blockedLine(ENFORCED);
    assert.deepEqual(weak, { code: 1, last: 'Blocked: needs 1 more approval' });
    assert.deepEqual(strict, weak);
  });

  it('reads both sources conditionally: an unchanged second read is 304s, and a 403/404 is remembered', async () => {
    fx = await makeChange(policyFiles(1), WEAKER);
    const { client } = makeClient(fx.fake.url);
    const repo = { owner: 'acme', repo: 'app' };
    const first = await readGitHubEnforcement({ octokit: client.octokit, repo, branch: 'main' });
    assert.equal(first.rulesets.state, 'read');
    assert.equal(first.protection.state, 'read');
    const before = fx.fake.requests.length;
    await readGitHubEnforcement({ octokit: client.octokit, repo, branch: 'main' });
    assert.deepEqual(fx.fake.requests.slice(before).map((q) => q.status), [304, 304], 'both answered Not Modified');

    // Not protected (404): not cacheable by ETag, so the memo keeps it for a while.
    fx.fake.state.setProtection(REPO, 'main', undefined);
    const clock = fixedClock('2026-12-04T10:00:00Z');
    const memo = new EnforcementMemo(clock, 60_000);
    const protectionHits = (): number => fx!.fake.requests.filter((q) => q.path.endsWith('/branches/main/protection')).length;
    const start = protectionHits();
    const read = () => readGitHubEnforcement({ octokit: client.octokit, repo, branch: 'main', memo });
    assert.equal((await read()).protection.state, 'none');
    assert.equal((await read()).protection.state, 'none');
    assert.equal(protectionHits() - start, 1, 'the 404 was asked once');
    clock.set('2026-12-04T10:01:01Z');
    await read();
    assert.equal(protectionHits() - start, 2, 'and again once the memo expired');
    await readGitHubEnforcement({ octokit: client.octokit, repo, branch: 'main' });
    assert.equal(protectionHits() - start, 3, 'without a memo every read asks (the check above can fail)');

    // No rulesets is a 200 with an empty list: the memo does not keep it, so rules added on GitHub show at the next read.
    fx.fake.state.setBranchRules(REPO, 'main', []);
    assert.equal((await read()).rulesets.state, 'none');
    fx.fake.state.setBranchRules(REPO, 'main', [{ type: 'pull_request', parameters: { required_approving_review_count: 1, dismiss_stale_reviews_on_push: true, require_code_owner_review: false, require_last_push_approval: false, required_review_thread_resolution: true } }]);
    assert.equal((await read()).rulesets.state, 'read', 'the new ruleset is seen at once, memo or not');
  });

  it("compares the base branch's policy: a looser edit in the working tree does not lower it", async () => {
    fx = await makeChange(policyFiles(2), WEAKER);
    writeFileSync(path.join(fx.root, '.github/change-control.json'), `${JSON.stringify({ review: { requiredApprovals: 1 } })}\n`);
    assert.match(git(fx.root, 'status', '--porcelain'), /change-control\.json/);
    const r = await runCli(cli, ['doctor'], fx.root, env(fx));
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /GitHub requires 1 approval on main; the policy requires 2/);
  });
});
