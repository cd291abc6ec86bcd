import { strict as assert } from 'node:assert';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { createGitHubClient } from '../../../src/github/client';
import { produceEvidence } from '../../../src/github/evidenceReport';
import { FakeGitHub } from '../../github-fake';

describe('evidence for a pull request naming a ticket GitHub does not have', function () {
  this.timeout(20_000);

  it('records the change with a "could not be found" finding instead of failing the run', async () => {
    const fake = await new FakeGitHub().start();
    try {
      fake.state.addRepo('acme/app');
      const pull = fake.state.addPull('acme/app', { head: 'feature/fix', title: 'Fix the export (#99)', user: 'dev' });
      const client = createGitHubClient({ baseUrl: fake.url, token: 'ghp_missingTicket00000000000000000000000', tuning: { retries: 0 } });
      const doc = await produceEvidence({
        root: '', octokit: client.octokit, repo: { owner: 'acme', repo: 'app' }, repoUrl: `${fake.url}/acme/app`, policy: defaultPolicy(),
        scope: { kind: 'pull-request', number: pull.number }, generatorVersion: 'test', now: new Date('2026-01-05T10:00:00Z'), secrets: () => [],
        git: { firstParentCommits: async () => [], treeFiles: async () => undefined },
      });
      const change = doc.changes[0]!;
      assert.equal(change.ticketId, '#99');
      assert.equal(change.ticket, null);
      assert.ok(change.findings.some((f) => f.id === 'no-ticket' && /#99 could not be found/.test(f.title)), JSON.stringify(change.findings));
      assert.deepEqual(fake.violations, []);
    } finally {
      await fake.stop();
    }
  });
});
