/**
 * The release range read in GraphQL batches gives the same evidence
 * document, finding for finding, as the REST path on the same scenario
 * (the release fixture, where every finding occurs once), in far fewer
 * requests; what a batch cannot describe (a ticket that is really a pull
 * request, too many comments) is read through REST and still agrees.
 * Real git, real Octokit, the fake GitHub validating every GraphQL query
 * against GitHub's schema and every REST call against its OpenAPI.
 */
import { strict as assert } from 'node:assert';
import { produceEvidence, type EvidenceReader } from '../../../src/app/evidenceReport';
import type { EvidenceDocument } from '../../../src/core/evidence/schema';
import { defaultPolicy, type Policy } from '../../../src/core/policy/schema';
import { createEvidenceGit } from '../../../src/git/history';
import type { GraphqlUsage } from '../../../src/github/graphqlQuery';
import { FakeGitHub } from '../../github-fake';
import { makeClient } from '../github/helpers';
import { makeRelease, REPO, TOKEN, type ReleaseFixture } from './releaseHistory';

async function evidence(fx: ReleaseFixture, reader: EvidenceReader, policy: Policy = defaultPolicy()): Promise<{ doc: EvidenceDocument; requests: number; byRoute: Record<string, number>; usage: GraphqlUsage }> {
  const { client } = makeClient(fx.fake.url);
  const usage: GraphqlUsage = { queries: 0, points: 0 };
  const doc = await produceEvidence({
    root: fx.root, octokit: client.octokit, repo: { owner: 'acme', repo: 'app' }, repoUrl: `https://github.com/${REPO}`, policy,
    scope: { kind: 'range', from: 'v1.0.0', to: 'v1.1.0' }, generatorVersion: 'test', now: new Date('2026-02-01T00:00:00Z'),
    secrets: () => [TOKEN], git: createEvidenceGit(fx.root), reader, usage,
  });
  const log = client.requestLog.snapshot();
  return { doc, requests: log.requests, byRoute: log.byRoute, usage };
}

describe('release evidence through GraphQL batches (real Octokit, fake GitHub, real git)', function () {
  this.timeout(60_000);
  let fx: ReleaseFixture;

  before(() => FakeGitHub.warmUp());
  beforeEach(async () => {
    fx = await makeRelease();
  });
  afterEach(async () => {
    await fx?.fake.stop();
    assert.deepEqual(fx?.fake.violations, [], 'no REST contract or GraphQL schema violations');
  });

  it('produces the same document and findings as the REST path, in a handful of requests', async () => {
    const rest = await evidence(fx, 'rest');
    const graphql = await evidence(fx, 'graphql');
    assert.deepEqual(graphql.doc, rest.doc);
    const findings = graphql.doc.changes.flatMap((c) => c.findings.map((f) => `${c.label} ${f.id}`));
    assert.ok(findings.length >= 8, `the scenario has its findings: ${findings.join(', ')}`);
    // REST has no review conversations: the REST path reads only those through GraphQL, one query per pull request.
    const pulls = rest.doc.changes.filter((c) => c.kind === 'pull-request').length;
    assert.ok(pulls > 0);
    assert.equal(rest.usage.queries, pulls, 'the REST path sends GraphQL only for the conversations');
    // One pull request batch and one ticket batch, plus the merged pull request list (REST).
    assert.equal(graphql.usage.queries, 2, JSON.stringify(graphql.byRoute));
    assert.equal(graphql.byRoute['POST /graphql'], 2);
    assert.ok(graphql.usage.points >= 2, 'GitHub states the points each query cost');
    assert.ok(graphql.requests <= 4, `GraphQL path: ${graphql.requests} requests ${JSON.stringify(graphql.byRoute)}`);
    assert.ok(rest.requests >= 40, `REST path: ${rest.requests} requests`);
  });

  it('reads through REST what a batch cannot describe, and still agrees', async () => {
    const s = fx.fake.state;
    // A ticket with more comments than one GraphQL page holds.
    for (let i = 0; i < 101; i++) s.addComment(REPO, 1, `Note ${i}`);
    // A pull request naming a pull request number as its ticket: GraphQL's issue() does not resolve it, REST's issues API does.
    s.pull(REPO, fx.prs.never).title = `Drop the legacy importer (#${fx.prs.clean})`;
    // A pull request with a review conversation: the batch only counts them, and reads that one's on its own.
    s.addReviewThread(REPO, fx.prs.clean, { path: 'src/app.ts', line: 1, body: 'Is this covered?', user: 'erin' });
    const rest = await evidence(fx, 'rest');
    const graphql = await evidence(fx, 'graphql');
    assert.deepEqual(graphql.doc, rest.doc);
    assert.equal(graphql.usage.queries, 3, 'two batches and the one pull request with a conversation');
    assert.equal(graphql.doc.changes.flatMap((c) => c.pullRequest?.reviewThreads ?? []).length, 1);
    assert.ok((graphql.byRoute['GET /repos/acme/app/issues/1/comments'] ?? 0) >= 2, 'the long ticket paged through REST');
    assert.ok((graphql.byRoute['GET /repos/{owner}/{repo}/issues/{issue_number}'] ?? 0) >= 2, 'the two tickets GraphQL could not give were read through REST');
  });

  it('agrees with REST when LGTM comments sign off and the policy names approvers', async () => {
    const policy = defaultPolicy();
    policy.review.signOff = 'approval-or-lgtm';
    policy.tracker.approvers = ['manager'];
    fx.fake.state.addComment(REPO, fx.prs.noTicket, 'LGTM', 'erin');
    const rest = await evidence(fx, 'rest', policy);
    const graphql = await evidence(fx, 'graphql', policy);
    assert.deepEqual(graphql.doc, rest.doc);
    const noTicket = graphql.doc.changes.find((c) => c.label === `PR #${fx.prs.noTicket}`);
    assert.ok(noTicket?.pullRequest?.reviews.some((r) => r.kind === 'comment' && r.reviewer === 'erin'), 'the LGTM comment came through the batch');
    assert.deepEqual(Object.keys(graphql.byRoute).filter((r) => r.includes('/comments')), [], 'no comments read through REST');
    assert.ok(Object.keys(rest.byRoute).some((r) => r.includes('/comments')), 'the REST path reads them');
  });
});
