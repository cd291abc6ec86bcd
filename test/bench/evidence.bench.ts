/**
 * Release-range evidence benchmark (`npm run bench`): 200 merged pull
 * requests on the fake GitHub, mirrored by a real git history of 200 merge
 * commits on main (written in one `git fast-import`), gathered twice with
 * the same client and ETag cache through REST (the GraphQL path is
 * evidenceGraphql.bench.ts). Prints requests, 304s and time per run; the
 * second run of an unchanged server should be all 304s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultPolicy } from '../../src/core/policy/schema';
import { createGitHubClient } from '../../src/github/client';
import { EtagCache } from '../../src/github/etagCache';
import { CLI_CACHE_ENTRIES } from '../../src/github/etagCacheFile';
import { produceEvidence } from '../../src/app/evidenceReport';
import { createEvidenceGit } from '../../src/git/history';
import { FakeGitHub } from '../github-fake';
import { MANY_PULLS as PULLS, MANY_REPO as REPO, seedManyPulls } from '../support/manyPulls';

type Log = (line: string) => void;

export default async function run(log: Log = console.log): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-evidence-bench-'));
  const fake = await new FakeGitHub().start();
  try {
    const root = path.join(dir, 'work');
    const t = performance.now();
    seedManyPulls(fake, root);
    log(`git history and fake GitHub: ${PULLS} merged pull requests with tickets in ${Math.round(performance.now() - t)} ms`);
    const client = createGitHubClient({ baseUrl: fake.url, token: 'ghp_benchToken0000000000000000000000000000', cache: new EtagCache(CLI_CACHE_ENTRIES) });
    const git = createEvidenceGit(root);
    for (const label of ['first run (cold cache)', 'second run (unchanged server)']) {
      const before = client.requestLog.snapshot();
      const started = performance.now();
      const doc = await produceEvidence({
        root, octokit: client.octokit, repo: { owner: 'acme', repo: 'app' }, repoUrl: `https://github.com/${REPO}`, policy: defaultPolicy(),
        scope: { kind: 'range', from: 'v1.0.0', to: 'v2.0.0' }, generatorVersion: 'bench', now: new Date(), secrets: () => [], git, reader: 'rest',
      });
      const ms = performance.now() - started;
      const after = client.requestLog.snapshot();
      log(`${label}: ${doc.summary.changes} changes, ${doc.summary.deviations} deviations; ${after.requests - before.requests} requests, ${after.notModified - before.notModified} answered 304, ${Math.round(ms)} ms`);
    }
    log(`fake saw ${fake.counters.total} requests (${fake.counters.notModified} 304), ${fake.violations.length} contract violations; fake time: ${Math.round(fake.timing.validationMs)} ms validating, ${Math.round(fake.timing.handlingMs)} ms handling`);
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
