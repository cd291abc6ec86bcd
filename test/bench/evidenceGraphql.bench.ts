/**
 * Release evidence, today's REST path against the GraphQL batches, in one
 * run on the same scenario (`npm run bench`): 200 merged pull requests
 * with tickets (test/support/manyPulls.ts), each path read cold with its
 * own client and the production tuning (GraphQL queries spaced as the
 * throttling plugin spaces them). Prints per path the GitHub requests,
 * the rate-limit points (REST: requests not answered 304; GraphQL:
 * GitHub's `rateLimit.cost`) and the time, then the ratios; and checks
 * both documents are the same.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { produceEvidence, type EvidenceReader } from '../../src/app/evidenceReport';
import { defaultPolicy } from '../../src/core/policy/schema';
import { createEvidenceGit } from '../../src/git/history';
import { createGitHubClient } from '../../src/github/client';
import type { GraphqlUsage } from '../../src/github/graphqlQuery';
import { FakeGitHub } from '../github-fake';
import { MANY_PULLS, MANY_REPO, seedManyPulls } from '../support/manyPulls';

type Log = (line: string) => void;

interface Measured { requests: number; points: number; ms: number; doc: unknown }

async function measure(fake: FakeGitHub, root: string, reader: EvidenceReader): Promise<Measured> {
  const client = createGitHubClient({ baseUrl: fake.url, token: 'ghp_benchToken0000000000000000000000000000' });
  const usage: GraphqlUsage = { queries: 0, points: 0 };
  const started = performance.now();
  const doc = await produceEvidence({
    root, octokit: client.octokit, repo: { owner: 'acme', repo: 'app' }, repoUrl: `https://github.com/${MANY_REPO}`, policy: defaultPolicy(),
    scope: { kind: 'range', from: 'v1.0.0', to: 'v2.0.0' }, generatorVersion: 'bench', now: new Date('2026-02-01T00:00:00Z'), secrets: () => [],
    git: createEvidenceGit(root), reader, usage,
  });
  const ms = performance.now() - started;
  const log = client.requestLog.snapshot();
  const graphql = log.byRoute['POST /graphql'] ?? 0;
  return { requests: log.requests, points: log.requests - log.notModified - graphql + usage.points, ms, doc };
}

export default async function run(log: Log = console.log): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-evidence-graphql-bench-'));
  const fake = await new FakeGitHub().start();
  try {
    const root = path.join(dir, 'work');
    seedManyPulls(fake, root);
    await FakeGitHub.warmUp();
    const rest = await measure(fake, root, 'rest');
    log(`today (REST): ${MANY_PULLS} merged pull requests in ${rest.requests} requests, ${rest.points} rate-limit points, ${Math.round(rest.ms)} ms`);
    const graphql = await measure(fake, root, 'graphql');
    log(`new (GraphQL batches): ${MANY_PULLS} merged pull requests in ${graphql.requests} requests, ${graphql.points} rate-limit points, ${Math.round(graphql.ms)} ms`);
    log(`ratio new/today: requests ${(graphql.requests / rest.requests).toFixed(3)}, points ${(graphql.points / rest.points).toFixed(3)}, time ${(graphql.ms / rest.ms).toFixed(3)}`);
    assert.deepEqual(graphql.doc, rest.doc, 'both paths give the same evidence document');
    log(`same evidence document from both paths; fake saw ${fake.violations.length} contract violations`);
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
