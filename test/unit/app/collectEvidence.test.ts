import { strict as assert } from 'node:assert';
import { gatherPullRequest, gatherRange, type EvidenceGatherer } from '../../../src/app/evidence';
import { evidenceLinter, evidenceTestChecker } from '../../../src/app/evidenceReport';
import { defaultPolicy } from '../../../src/core/policy/schema';
import type { EvidenceGit } from '../../../src/core/ports';
import { FakeGitHub } from './fakeOctokit';
import { localHistory, pullRequestRoutes } from './pullRequestFixture';

function gatherer(gh: FakeGitHub, git: EvidenceGit = localHistory): EvidenceGatherer {
  const policy = defaultPolicy();
  return { octokit: gh.octokit, repo: { owner: 'acme', repo: 'app' }, policy, git, lint: evidenceLinter(policy), checkTests: evidenceTestChecker(policy) };
}

describe('Collect Evidence use case (fake GitHub and git history)', () => {
  it('records the pull request, its approval on the head, the ticket approval and the back-link', async () => {
    const change = await gatherPullRequest(gatherer(new FakeGitHub(pullRequestRoutes())), 34);
    assert.equal(change.kind, 'pull-request');
    assert.equal(change.ticketId, '#12');
    assert.deepEqual(change.branch, { head: 'feature/12-add-parser', base: 'main' });
    assert.deepEqual(change.pullRequest?.approvals, { counted: 1, required: 1, approvers: ['rev'] });
    assert.equal(change.ticket?.approved, true);
    assert.equal(change.ticket?.approvedBy, 'boss');
    assert.deepEqual(change.ticketBackLink, { present: true, url: 'https://github.com/acme/app/issues/12#c1', at: '2026-01-01T01:00:00Z' });
    assert.deepEqual(change.tests?.sources.map((s) => [s.path, s.verdict]), [['src/parser.ts', 'covered']]);
    assert.deepEqual(change.commits.map((c) => [c.author, c.lint]), [['Dev', []]]);
    assert.equal(change.merge, null);
    assert.equal(change.policyChanged, undefined);
  });

  it('counts no approval from the author, and leaves tests out when the head is not in the clone', async () => {
    const self = [{ id: 1, user: { login: 'dev' }, state: 'approved', submitted_at: '2026-01-02T00:00:00Z', commit_id: 'x', html_url: 'u' }];
    const change = await gatherPullRequest(gatherer(new FakeGitHub(pullRequestRoutes({ reviews: self })), { ...localHistory, treeFiles: async () => undefined }), 34);
    assert.deepEqual(change.pullRequest?.approvals, { counted: 0, required: 1, approvers: [] });
    assert.equal(change.pullRequest?.reviews[0]?.state, 'APPROVED');
    assert.equal(change.tests, null);
  });

  it('finds the pull request of each merge in a range, and records direct commits as they are', async () => {
    const merge = 'c3'.repeat(20);
    const direct = 'd4'.repeat(20);
    const git: EvidenceGit = {
      ...localHistory,
      firstParentCommits: async () => [
        { sha: merge, parents: ['p', 'q'], author: 'Dev', date: '2026-01-03T00:00:00Z', message: 'Merge branch feature\n' },
        { sha: direct, parents: [merge], author: 'Ops', date: '2026-01-04T00:00:00Z', message: 'fixed stuff\n' },
      ],
    };
    const gh = new FakeGitHub({ ...pullRequestRoutes(), 'GET /repos/acme/app/pulls': [{ number: 34, merge_commit_sha: merge, merged_at: '2026-01-03T00:00:00Z' }] });
    const changes = await gatherRange(gatherer(gh, git), 'v1', 'v2');
    assert.deepEqual(changes.map((c) => [c.kind, c.label]), [['pull-request', 'PR #34'], ['direct-commit', direct.slice(0, 12)]]);
    assert.ok(changes[1]!.commits[0]!.lint.length > 0, 'the direct commit message is linted');
    assert.equal(gh.asked.filter((p) => p === 'GET /repos/acme/app/pulls').length, 1);
  });
});
