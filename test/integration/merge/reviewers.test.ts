/** The reviewer picker's candidates and the description update, against the contract-checked fake GitHub. */
import { strict as assert } from 'node:assert';
import { createGitHubClient } from '../../../src/github/client';
import { updatePullRequestBody } from '../../../src/github/pullRequests';
import { listReviewerCandidates } from '../../../src/github/reviewers';
import { FakeGitHub } from '../../github-fake';

describe('reviewer candidates and Update Description (fake GitHub)', function () {
  this.timeout(30_000);
  let fake: FakeGitHub;
  before(() => FakeGitHub.warmUp());
  beforeEach(async () => {
    fake = await new FakeGitHub().start();
  });
  afterEach(async () => {
    await fake.stop();
    assert.deepEqual(fake.violations, [], 'zero contract violations');
  });
  const client = () => createGitHubClient({ baseUrl: fake.url, token: async () => 'ghp_test', tuning: { retries: 0, retryBaseMs: 1, rateLimitUnitMs: 1, writeMinTimeMs: 0, requestTimeoutMs: 2000 } }).octokit;

  it('lists collaborators who can push and the teams, as review requests take them', async () => {
    fake.state.addRepo('acme/app');
    fake.state.addCollaborator('acme/app', 'erin');
    fake.state.addCollaborator('acme/app', 'reader', 'read');
    fake.state.repo('acme/app').teams.push('security');
    const candidates = await listReviewerCandidates(client(), { owner: 'acme', repo: 'app' });
    assert.deepEqual(candidates.map((c) => [c.id, c.kind]), [['erin', 'user'], ['acme/security', 'team']]);
  });

  it('pages through many collaborators, bounded', async () => {
    fake.state.addRepo('acme/app');
    for (let i = 0; i < 450; i++) fake.state.addCollaborator('acme/app', `dev${i}`);
    const candidates = await listReviewerCandidates(client(), { owner: 'acme', repo: 'app' });
    assert.equal(candidates.length, 300, 'three pages of 100 at most');
  });

  it('updates the description of an open pull request', async () => {
    fake.state.addRepo('acme/app');
    const pr = fake.state.addPull('acme/app', { head: 'feature/x', title: 'X', body: 'old' });
    await updatePullRequestBody(client(), { owner: 'acme', repo: 'app' }, pr.number, 'new text');
    assert.equal(fake.state.pull('acme/app', pr.number).body, 'new text');
  });
});
