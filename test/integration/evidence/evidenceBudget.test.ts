/**
 * The request budget of a busy release: 200 merged pull requests with
 * tickets (test/support/manyPulls.ts, the bench's scenario) are read in at
 * most 25 GitHub requests, with the production client tuning (GraphQL
 * queries spaced as GitHub asks), within a generous time bound (the speed
 * figure itself is `npm run bench`), and every change is in the document.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { produceEvidence } from '../../../src/app/evidenceReport';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { createEvidenceGit } from '../../../src/git/history';
import { createGitHubClient } from '../../../src/github/client';
import type { GraphqlUsage } from '../../../src/github/graphqlQuery';
import { FakeGitHub } from '../../github-fake';
import { MANY_PULLS, MANY_REPO, seedManyPulls } from '../../support/manyPulls';
import { removeDir, tempDir } from '../cli/cliHarness';

describe('release evidence request budget (200 merged pull requests, fake GitHub, real git)', function () {
  this.timeout(120_000);

  it('reads 200 merged pull requests and their tickets in at most 25 requests', async () => {
    const dir = tempDir('cc-evidence-budget-');
    const fake = await new FakeGitHub().start();
    try {
      const root = path.join(dir, 'work');
      seedManyPulls(fake, root);
      FakeGitHub.warmUp();
      const client = createGitHubClient({ baseUrl: fake.url, token: 'ghp_budgetToken00000000000000000000000000' });
      const usage: GraphqlUsage = { queries: 0, points: 0 };
      const started = performance.now();
      const doc = await produceEvidence({
        root, octokit: client.octokit, repo: { owner: 'acme', repo: 'app' }, repoUrl: `https://github.com/${MANY_REPO}`, policy: defaultPolicy(),
        scope: { kind: 'range', from: 'v1.0.0', to: 'v2.0.0' }, generatorVersion: 'test', now: new Date(), secrets: () => [], git: createEvidenceGit(root), usage,
      });
      const ms = performance.now() - started;
      const { requests, byRoute } = client.requestLog.snapshot();
      assert.equal(doc.summary.changes, MANY_PULLS);
      assert.equal(doc.summary.deviations, 0, `every change of the scenario is clean: ${JSON.stringify(doc.changes[0]?.findings)}`);
      assert.ok(doc.changes.every((c) => c.ticket?.approved && c.ticketBackLink.present && c.pullRequest?.checks.length === 1), 'tickets, back-links and checks were all read');
      assert.ok(requests <= 25, `${requests} requests: ${JSON.stringify(byRoute)}`);
      assert.ok(usage.points > 0 && usage.points < 100, `${usage.points} GraphQL points`);
      assert.ok(ms < 60_000, `${Math.round(ms)} ms`);
      assert.deepEqual(fake.violations, []);
    } finally {
      await fake.stop();
      removeDir(dir);
    }
  });
});
