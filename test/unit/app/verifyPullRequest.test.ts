import { strict as assert } from 'node:assert';
import { judgePullRequest, withoutRunningJob } from '../../../src/app/verifyPullRequest';
import type { ChangeSnapshot } from '../../../src/core/changeSnapshot';
import type { PolicySource } from '../../../src/core/policy/governingPolicy';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { FakeGitHub } from './fakeOctokit';
import { BASE, HEAD, localHistory, pullRequestRoutes } from './pullRequestFixture';

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

  it('leaves a snapshot without a pull request as it is', () => {
    const snapshot = { github: { status: 'ok', repository: 'acme/app' } } as unknown as ChangeSnapshot;
    assert.equal(withoutRunningJob(snapshot, { GITHUB_ACTIONS: 'true', GITHUB_JOB: 'gate' }), snapshot);
  });
});
