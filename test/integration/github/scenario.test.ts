/**
 * Scenario files: the committed JSON Schema is the one generated from the
 * zod schema, every file in test/scenarios/ matches it, and a loaded
 * scenario answers through REST (contract-checked: rules, protection, team
 * membership, label events) and GraphQL with the real client, with zero
 * violations.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { FakeGitHub, parseScenario, scenarioJsonSchema } from '../../github-fake';
import { makeClient } from './helpers';

const DIR = 'test/scenarios';
const R = { owner: 'acme', repo: 'api' };

describe('stand-in scenarios', function () {
  this.timeout(30_000);
  let fake: FakeGitHub | undefined;

  before(() => FakeGitHub.warmUp());

  afterEach(async () => {
    const violations = [...(fake?.violations ?? [])];
    await fake?.stop();
    fake = undefined;
    assert.deepEqual(violations, [], 'the fake saw contract violations');
  });

  it('the committed schema is the one generated from the zod schema (no drift)', () => {
    const committed = JSON.parse(readFileSync('schemas/stand-in-scenario.schema.json', 'utf8'));
    assert.deepEqual(committed, scenarioJsonSchema(), 'run `npm run gen:schema` and commit the result');
  });

  it('every scenario in test/scenarios matches the JSON Schema and loads', async () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(scenarioJsonSchema());
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    assert.ok(files.length >= 3, files.join(', '));
    for (const file of files) {
      const json = JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));
      assert.ok(validate(json), `${file}: ${JSON.stringify(validate.errors)}`);
      const vars = { headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40) };
      const started = await new FakeGitHub().start({ scenario: json, vars });
      assert.ok(started.state.repos.size > 0, file);
      await started.stop();
    }
  });

  it('rejects a scenario that breaks the schema or declares a number twice, saying where', () => {
    assert.throws(() => parseScenario({ repositories: [{ name: 'acme' }] }), /repositories\.0\.name: owner\/name/);
    assert.throws(() => parseScenario({ repositories: [{ name: 'acme/api', issues: [{ title: 'x', colour: 'red' }] }] }), /colour/);
    assert.throws(() => parseScenario({ repositories: [{ name: 'acme/{{x}}' }] }), /no value for \{\{x\}\}/);
    return assert.rejects(new FakeGitHub().start({ scenario: { repositories: [{ name: 'acme/api', issues: [{ number: 2, title: 'a' }], pulls: [{ number: 2, title: 'b', head: 'x' }] }] } }), /#2 is declared twice/);
  });

  it('serves sign-off-blocked.json through REST and GraphQL: a non-approver label, an open thread, a stale approval', async () => {
    fake = await new FakeGitHub().start({ scenarioFile: path.join(DIR, 'sign-off-blocked.json') });
    const { client } = makeClient(fake.url);
    const o = client.octokit;
    const events = await o.rest.issues.listEvents({ ...R, issue_number: 12 });
    assert.deepEqual(events.data.map((e) => [e.event, 'label' in e ? e.label?.name : undefined, e.actor?.login, e.created_at]),
      [['labeled', 'feature', 'dana-dev', '2025-03-01T09:00:00Z'], ['labeled', 'Approved', 'dana-dev', '2025-03-01T09:05:00Z']]);
    const pr = await o.rest.pulls.get({ ...R, pull_number: 13 });
    assert.equal(pr.data.head.sha, '2'.repeat(40));
    const reviews = await o.rest.pulls.listReviews({ ...R, pull_number: 13 });
    assert.deepEqual(reviews.data.map((r) => [r.user?.login, r.state, r.commit_id, r.submitted_at]), [['erin-reviewer', 'APPROVED', '1'.repeat(40), '2025-03-02T12:00:00Z']]);
    const rules = await o.request('GET /repos/{owner}/{repo}/rules/branches/{branch}', { ...R, branch: 'main' });
    assert.deepEqual(rules.data.map((r) => r.type), ['pull_request', 'non_fast_forward']);
    assert.equal(rules.data[0]?.ruleset_source, 'acme/api');
    await assert.rejects(o.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', { ...R, branch: 'main' }), (e: Error & { status?: number; code?: string }) => /403|forbidden|not accessible/i.test(`${e.status} ${e.code} ${e.message}`));
    const member = await o.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org: 'acme', team_slug: 'change-approvers', username: 'casey-cto' });
    assert.deepEqual([member.data.role, member.data.state], ['member', 'active']);
    await assert.rejects(o.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org: 'acme', team_slug: 'change-approvers', username: 'dana-dev' }), (e: Error & { status?: number; code?: string }) => /404|not.?found/i.test(`${e.status} ${e.code} ${e.message}`));
    const data = await o.graphql<{ repository: { pullRequest: { reviewThreads: { nodes: { isResolved: boolean; path: string; line: number; resolvedBy: { login: string } | null }[] } } } }>(
      'query($n: Int!) { repository(owner: "acme", name: "api") { pullRequest(number: $n) { reviewThreads(first: 50) { nodes { isResolved path line resolvedBy { login } } } } } }', { n: 13 });
    assert.deepEqual(data.repository.pullRequest.reviewThreads.nodes, [
      { isResolved: false, path: 'src/audit.ts', line: 14, resolvedBy: null },
      { isResolved: true, path: 'src/audit.ts', line: 3, resolvedBy: { login: 'dana-dev' } },
    ]);
  });

  it('serves ready.json with the fixes applied, and classic protection in GitHub\'s shape', async () => {
    fake = await new FakeGitHub().start({ scenarioFile: path.join(DIR, 'ready.json') });
    const { client } = makeClient(fake.url);
    const o = client.octokit;
    const events = await o.rest.issues.listEvents({ ...R, issue_number: 12 });
    assert.deepEqual(events.data.at(-1) && [events.data.at(-1)?.event, events.data.at(-1)?.actor?.login], ['labeled', 'casey-cto']);
    const reviews = await o.rest.pulls.listReviews({ ...R, pull_number: 13 });
    assert.equal(reviews.data.at(-1)?.commit_id, '2'.repeat(40));
    const protection = await o.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', { ...R, branch: 'main' });
    assert.equal(protection.data.required_pull_request_reviews?.required_approving_review_count, 1);
    assert.equal(protection.data.required_pull_request_reviews?.dismiss_stale_reviews, true);
    assert.equal(protection.data.required_conversation_resolution?.enabled, true);
    assert.deepEqual(protection.data.required_status_checks?.contexts, ['change-control']);
    assert.equal(protection.data.allow_force_pushes?.enabled, false);
  });
});
