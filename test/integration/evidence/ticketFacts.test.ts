import { strict as assert } from 'node:assert';
import type { EvidenceDocument } from '../../../src/core/evidence/schema';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { createGitHubClient } from '../../../src/github/client';
import { produceEvidence } from '../../../src/app/evidenceReport';
import { FakeGitHub } from '../../github-fake';

describe('evidence ticket facts (fake GitHub, in process)', function () {
  this.timeout(20_000);
  let fake: FakeGitHub;

  beforeEach(async () => {
    fake = await new FakeGitHub().start();
    fake.state.addRepo('acme/app');
  });

  afterEach(async () => {
    await fake.stop();
    assert.deepEqual(fake.violations, []);
  });

  async function evidenceFor(number: number): Promise<EvidenceDocument['changes'][number]> {
    const client = createGitHubClient({ baseUrl: fake.url, token: 'ghp_ticketFacts000000000000000000000000', tuning: { retries: 0 } });
    const doc = await produceEvidence({
      root: '', octokit: client.octokit, repo: { owner: 'acme', repo: 'app' }, repoUrl: `${fake.url}/acme/app`, policy: defaultPolicy(),
      scope: { kind: 'pull-request', number }, generatorVersion: 'test', now: new Date('2026-01-05T10:00:00Z'), secrets: () => [],
      git: { firstParentCommits: async () => [], treeFiles: async () => undefined },
    });
    return doc.changes[0]!;
  }

  it('records a ticket GitHub does not have as "could not be found" instead of failing the run', async () => {
    const pull = fake.state.addPull('acme/app', { head: 'feature/fix', title: 'Fix the export (#99)', user: 'dev' });
    const change = await evidenceFor(pull.number);
    assert.equal(change.ticketId, '#99');
    assert.equal(change.ticket, null);
    assert.ok(change.findings.some((f) => f.id === 'no-ticket' && /#99 could not be found/.test(f.title)), JSON.stringify(change.findings));
  });

  it('finds the back-link by the pull request URL, not by a longer number sharing its digits', async () => {
    const ticket = fake.state.addIssue('acme/app', { title: 'Export the audit log', labels: ['Approved'] });
    const pull = fake.state.addPull('acme/app', { head: 'feature/export', title: `Export the audit log (#${ticket.number})`, user: 'dev' });
    const url = `${fake.url}/acme/app/pull/${pull.number}`;
    fake.state.addComment('acme/app', ticket.number, `Not this one: ${url}0`);
    assert.equal((await evidenceFor(pull.number)).ticketBackLink.present, false);
    fake.state.addComment('acme/app', ticket.number, `Pull request: ${url}`);
    assert.equal((await evidenceFor(pull.number)).ticketBackLink.present, true);
  });
});
