import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildCli, removeDir, runCliAsync as runCli, tempDir, testEnv, type CliResult as Result } from '../cli/cliHarness';
import { makeRelease, PLANTED, REPO, TOKEN, type ReleaseFixture } from './releaseHistory';


interface Doc {
  changes: { label: string; kind: string; findings: { id: string; title: string; evidence: string[] }[] }[];
  summary: { changes: number; withTicket: number; approved: number; reviewed: number; tested: number; deviations: number };
}

const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../../schemas/evidence-v1.schema.json'), 'utf8')) as object;

describe('change-control evidence and verify (built CLI, fake GitHub, real git)', function () {
  this.timeout(90_000);
  let cliDir: string;
  let cli: string;
  let fx: ReleaseFixture;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    cliDir = tempDir('cc-evidence-cli-');
    cli = await buildCli(cliDir);
  });
  after(() => removeDir(cliDir));

  beforeEach(async () => {
    fx = await makeRelease();
    env = { ...testEnv, GITHUB_TOKEN: TOKEN, GH_TOKEN: '', CHANGE_CONTROL_GITHUB_API_URL: fx.fake.url };
  });
  afterEach(async () => {
    await fx?.fake.stop();
    assert.deepEqual(fx?.fake.violations, [], 'the fake saw no contract violations');
    removeDir(fx?.dir);
  });

  it('proves every finding of a release range in Markdown and in schema-valid JSON', async () => {
    const jsonFile = path.join(fx.dir, 'evidence.json');
    const r = await runCli(cli, ['evidence', '--range', 'v1.0.0..v1.1.0', '--json', jsonFile], fx.root, env);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(readFileSync(jsonFile, 'utf8')) as Doc;
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(doc), JSON.stringify(validate.errors));
    const ids = Object.fromEntries(doc.changes.map((c) => [c.label, c.findings.map((f) => f.id).sort()]));
    const { clean, stale, late, never, noTicket } = fx.prs;
    assert.deepEqual(ids, {
      [`PR #${clean}`]: [],
      [`PR #${stale}`]: ['merged-without-required-approvals', 'self-approval', 'stale-approval'],
      [`PR #${late}`]: ['ticket-approved-after-merge'],
      [`PR #${never}`]: ['no-ticket-link', 'ticket-never-approved'],
      [`PR #${noTicket}`]: ['commit-message-violations', 'merged-without-required-approvals', 'no-ticket', 'source-without-tests'],
      [fx.directSha.slice(0, 12)]: ['direct-push-to-base'],
    });
    assert.deepEqual({ ...doc.summary, rows: undefined }, { changes: 6, withTicket: 4, approved: 3, reviewed: 3, tested: 4, deviations: 11, rows: undefined });
    const late8 = doc.changes.find((c) => c.label === `PR #${late}`)!.findings[0]!;
    assert.deepEqual(late8.evidence, ['merged at 2026-01-05T09:16:00Z', 'approved by manager at 2026-01-05T09:20:00Z']);
    const md = r.stdout;
    for (const text of [
      'Merged with 0 of 1 required approval.',
      'The author approved their own pull request.',
      'approval was given before the last push.',
      'Ticket #3 was approved only after the merge.',
      'Ticket #4 was never approved.',
      'Ticket #4 does not link to the reviewed pull request.',
      'No change ticket is named by the change.',
      'commit message breaks the message rules.',
      'source file was changed without tests.',
      'Changed the base branch without a reviewed pull request.',
      'src/cleanup.ts',
    ]) assert.ok(md.includes(text), `the Markdown says "${text}"`);
    assert.match(r.stderr, new RegExp(`PR #${clean} \\(1/6\\)`));
    assert.match(r.stderr, /commit [0-9a-f]{12} \(6\/6\)/);
    assert.match(r.stderr, /6 change\(s\), 11 deviation\(s\); \d+ GitHub request\(s\), 0 answered 304/);
  });

  it('never writes the token or a planted secret, whatever the inputs', async () => {
    const jsonFile = path.join(fx.dir, 'e.json');
    const outFile = path.join(fx.dir, 'e.md');
    const r = await runCli(cli, ['evidence', '--range', 'v1.0.0..v1.1.0', '--json', jsonFile, '--out', outFile], fx.root, env);
    assert.equal(r.code, 0, r.stderr);
    const outputs = [r.stdout, r.stderr, readFileSync(jsonFile, 'utf8'), readFileSync(outFile, 'utf8')];
    for (const text of outputs) {
      assert.ok(!text.includes(TOKEN), 'no token');
      assert.ok(!text.includes(PLANTED), 'no planted secret');
    }
    assert.ok(outputs[2]!.includes('[REDACTED]') && outputs[3]!.includes('[REDACTED]'), 'the planted secrets were there and were redacted');
    const cache = readFileSync(path.join(fx.root, '.git/change-control/etag-cache.json'), 'utf8');
    assert.ok(!cache.includes(TOKEN), 'the persisted cache holds no token');
  });

  it('answers a second, unchanged run with 304s for every REST request through REST (conversations: one GraphQL query per pull request)', async () => {
    const graphqlSent = () => fx.fake.counters.byRoute['POST /graphql'] ?? 0;
    const first = await runCli(cli, ['evidence', '--range', 'v1.0.0..v1.1.0', '--format', 'json', '--reader', 'rest'], fx.root, env);
    const graphqlBefore = graphqlSent();
    const second = await runCli(cli, ['evidence', '--range', 'v1.0.0..v1.1.0', '--format', 'json', '--reader', 'rest'], fx.root, env);
    const graphql = graphqlSent() - graphqlBefore;
    const pulls = (JSON.parse(second.stdout) as { changes: { kind: string }[] }).changes.filter((c) => c.kind === 'pull-request').length;
    assert.equal(second.code, 0, second.stderr);
    const counts = (r: Result): [number, number] => {
      const m = r.stderr.match(/(\d+) GitHub request\(s\), (\d+) answered 304/);
      assert.ok(m, r.stderr);
      return [Number(m[1]), Number(m[2])];
    };
    const [requests1, notModified1] = counts(first);
    const [requests2, notModified2] = counts(second);
    assert.equal(notModified1, 0);
    assert.equal(requests2, requests1);
    // Review conversations are a GraphQL POST (never conditional): one per pull request of the range.
    assert.ok(pulls > 0);
    assert.equal(graphql, pulls);
    assert.equal(notModified2, requests2 - graphql, 'every REST request of the second run is a 304');
    assert.deepEqual((JSON.parse(second.stdout) as Doc).summary, (JSON.parse(first.stdout) as Doc).summary);
    assert.match(second.stderr, /rate-limit points: 0 REST,/, 'REST answered by 304s costs no points');
  });

  it('reads a range in GraphQL batches by default and reports the points it used', async () => {
    const r = await runCli(cli, ['evidence', '--range', 'v1.0.0..v1.1.0', '--format', 'json'], fx.root, env);
    assert.equal(r.code, 0, r.stderr);
    const m = r.stderr.match(/(\d+) GitHub request\(s\), \d+ answered 304 \(not modified\), rate-limit points: (\d+) REST, (\d+) GraphQL \(2 queries\)/);
    assert.ok(m, r.stderr);
    assert.ok(Number(m[1]) <= 6, `a handful of requests: ${r.stderr}`);
    assert.ok(Number(m[3]) >= 2, 'GitHub states what the queries cost');
    assert.deepEqual((JSON.parse(r.stdout) as Doc).summary.deviations, 11);
  });

  it('reports one pull request by number or by branch, and says when a branch has none', async () => {
    const byNumber = await runCli(cli, ['evidence', '--pr', String(fx.prs.clean), '--format', 'json'], fx.root, env);
    assert.equal(byNumber.code, 0, byNumber.stderr);
    const doc = JSON.parse(byNumber.stdout) as Doc;
    assert.deepEqual(doc.changes.map((c) => [c.label, c.findings.length]), [[`PR #${fx.prs.clean}`, 0]]);
    const byBranch = await runCli(cli, ['evidence', '--branch', 'feature/4-legacy'], fx.root, env);
    assert.equal(byBranch.code, 0, byBranch.stderr);
    assert.match(byBranch.stdout, new RegExp(`PR #${fx.prs.never}`));
    assert.match(byBranch.stdout, /Ticket #4 was never approved\./);
    const none = await runCli(cli, ['evidence', '--branch', 'feature/none'], fx.root, env);
    assert.equal(none.code, 2, 'nothing to report on: an input error, not a policy finding');
    assert.match(none.stderr, new RegExp(`Branch feature/none has no pull request in ${REPO}`));
  });

  it('verify --pr exits 0 on a ready pull request and 1 with a readable summary when blocked', async () => {
    const pullReads = (): number => fx.fake.counters.byRoute['GET /repos/{owner}/{repo}/pulls/{pull_number}'] ?? 0;
    const readsBefore = pullReads();
    const ok = await runCli(cli, ['verify', '--pr', String(fx.prs.open)], fx.root, env);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.equal(pullReads() - readsBefore, 1, 'verify reads the pull request once');
    assert.match(ok.stdout, /Approvals: 1 of 1 required/);
    assert.match(ok.stdout, /✔ Ready to merge/);
    fx.fake.state.addReview(REPO, fx.prs.open, { user: 'dave', state: 'CHANGES_REQUESTED' });
    const blocked = await runCli(cli, ['verify', '--pr', String(fx.prs.open)], fx.root, { ...env, GITHUB_ACTIONS: 'true' });
    assert.equal(blocked.code, 1, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout, /✖ changes requested by dave/);
    assert.match(blocked.stdout, /::error title=Change Control::changes requested by dave/);
    assert.match(blocked.stdout, /Blocked: changes requested by dave\n/);
    const noTicket = await runCli(cli, ['verify', '--pr', String(fx.prs.noTicket)], fx.root, env);
    assert.equal(noTicket.code, 1);
    assert.match(noTicket.stdout, /✖ no change ticket/);
    assert.match(noTicket.stdout, /✖ 1 commit message breaks the policy/);
    assert.match(noTicket.stdout, /✖ 1 source file without tests/);
    for (const r of [ok, blocked, noTicket]) assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN));
    const bad = await runCli(cli, ['verify', '--pr', 'x'], fx.root, env);
    assert.equal(bad.code, 2);
  });
});
