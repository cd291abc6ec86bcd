import { strict as assert } from 'node:assert';
import { ignoredChecks, judgePullRequest, runningJobCheck } from '../../../src/app/verifyPullRequest';
import type { PolicySource } from '../../../src/core/policy/governingPolicy';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { FakeGitHub } from './fakeOctokit';
import { BASE, HEAD, localHistory, pullRequestRoutes } from './pullRequestFixture';
import { GATE_OWN_STATUS } from '../../../src/core/ignoredChecks';

const source = { baseRef: 'origin/main', baseCommit: BASE } as unknown as PolicySource;

function input(gh: FakeGitHub, env: NodeJS.ProcessEnv = {}) {
  const bases: unknown[] = [];
  return {
    bases,
    input: {
      root: '/nowhere', number: 34, env, git: localHistory,
      github: { octokit: gh.octokit, repo: { owner: 'acme', repo: 'app' } },
      policyFor: async (base: { ref: string; sha: string; editsPolicy: boolean }) => (bases.push(base), { policy: defaultPolicy(), source }),
    },
  };
}

describe('Verify use case (fake GitHub and git history)', () => {
  it('passes an approved, reviewed pull request with tests, judged under its base commit policy', async () => {
    const gh = new FakeGitHub(pullRequestRoutes());
    const { bases, input: i } = input(gh);
    const verdict = await judgePullRequest(i);
    assert.deepEqual(verdict.readiness.blockers, []);
    assert.equal(verdict.readiness.ready, true);
    assert.deepEqual(bases, [{ ref: 'main', sha: BASE, editsPolicy: false }]);
    assert.equal(verdict.headSha, HEAD);
    assert.equal(verdict.title, 'Add the parser');
    assert.equal(verdict.lines[0], 'Pull request #34: Add the parser (open, by dev)');
    assert.equal(verdict.lines[1], 'Ticket: #12 — approved');
    assert.equal(verdict.lines.at(-1), '✔ Ready to merge: the change follows the policy.');
  });

  it('blocks a pull request without an approving review or an approved ticket', async () => {
    const gh = new FakeGitHub(pullRequestRoutes({ reviews: [], approved: false }));
    const verdict = await judgePullRequest(input(gh).input);
    assert.equal(verdict.readiness.ready, false);
    assert.equal(verdict.readiness.blockers.length >= 2, true, verdict.readiness.blockers.join('\n'));
    assert.ok(verdict.lines.some((l) => l.startsWith('✖ ')));
    assert.equal(verdict.lines[1], 'Ticket: #12 — not approved');
  });

  it('does not wait for the check run of the job running it in GitHub Actions, and only there', async () => {
    const running = [{ name: 'gate', status: 'in_progress', conclusion: null, html_url: 'https://ci/1' }];
    const inActions = await judgePullRequest(input(new FakeGitHub(pullRequestRoutes({ checkRuns: running })), { GITHUB_ACTIONS: 'true', GITHUB_JOB: 'gate' }).input);
    assert.equal(inActions.readiness.ready, true, inActions.readiness.blockers.join('\n'));
    const elsewhere = await judgePullRequest(input(new FakeGitHub(pullRequestRoutes({ checkRuns: running })), { GITHUB_JOB: 'gate' }).input);
    assert.equal(elsewhere.readiness.ready, false);
  });

  it('fails closed when GitHub cannot find the pull request', async () => {
    await assert.rejects(judgePullRequest(input(new FakeGitHub({})).input), /Not Found/);
  });

  it('waits for a finished run named like the job, and never for its own earlier status', async () => {
    const finished = [{ name: 'gate', status: 'completed', conclusion: 'failure', html_url: 'https://ci/1' }];
    const routes = pullRequestRoutes({ checkRuns: finished });
    routes[`GET /repos/acme/app/commits/${HEAD}/status`] = { state: 'failure', statuses: [{ context: 'Change Control', state: 'failure', target_url: null }] };
    const verdict = await judgePullRequest(input(new FakeGitHub(routes), { GITHUB_ACTIONS: 'true', GITHUB_JOB: 'gate' }).input);
    assert.equal(verdict.readiness.ready, false, 'a failed run of the job name is a finished check');
    assert.deepEqual(verdict.readiness.checks, { passed: 0, failed: 1, pending: 0 }, "the gate's own failed status is not counted");
  });

  it('names the checks to leave out: the own status always, the running job only in GitHub Actions', () => {
    assert.deepEqual(runningJobCheck({ GITHUB_ACTIONS: 'true', GITHUB_JOB: 'gate' }), { source: 'checkRun', name: 'gate', state: 'pending' });
    assert.equal(runningJobCheck({ GITHUB_JOB: 'gate' }), undefined);
    assert.equal(runningJobCheck({ GITHUB_ACTIONS: 'true' }), undefined);
    assert.deepEqual(ignoredChecks({}), [GATE_OWN_STATUS]);
    assert.deepEqual(ignoredChecks({ GITHUB_ACTIONS: 'true', GITHUB_JOB: 'gate' }), [GATE_OWN_STATUS, { source: 'checkRun', name: 'gate', state: 'pending' }]);
  });
});
