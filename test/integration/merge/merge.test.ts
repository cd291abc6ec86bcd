/**
 * Merge, the use case (src/app/merge.ts) against the contract-checked fake
 * GitHub and a real repository with a bare origin: the gate decides, the
 * merge is pinned to the checked head, the method and the message follow
 * the repository and our linter, the head branch goes, one change record
 * lands on the ticket, and the local base is fast-forwarded without losing
 * anything.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { connectGitHub, type GitHubConnection } from '../../../src/app/connect';
import { mergeChange, type MergeInput, type MergeResult } from '../../../src/app/merge';
import { isChangeControlError } from '../../../src/core/errors';
import { defaultPolicy, type Policy } from '../../../src/core/policy/schema';
import { silentLogger } from '../../../src/core/ports';
import { FakeGitHub } from '../../github-fake';
import { removeDir } from '../cli/cliHarness';
import { BRANCH, git, makeMergeFixture, REPO, type MergeFixture } from './mergeRepo';

const TOKEN = 'ghp_MergeCanary0123456789abcdefABCDEF0123';
const FAST = { retries: 1, retryBaseMs: 1, rateLimitUnitMs: 1, writeMinTimeMs: 0, searchMinTimeMs: 0, requestTimeoutMs: 3000 };

describe('Merge (use case, fake GitHub, real git with a bare origin)', function () {
  this.timeout(60_000);
  let fx: MergeFixture;
  let github: GitHubConnection;
  let policy: Policy;

  before(() => FakeGitHub.warmUp());
  beforeEach(async () => {
    fx = await makeMergeFixture();
    github = await connectGitHub({ root: fx.root, remote: 'origin', apiUrl: fx.fake.url, token: async () => TOKEN, logger: silentLogger, tuning: FAST });
    policy = defaultPolicy();
  });
  afterEach(async () => {
    await fx?.fake.stop();
    assert.deepEqual(fx?.fake.violations, [], 'the fake saw no contract violations');
    removeDir(fx?.dir);
  });

  const merge = (extra: Partial<MergeInput> = {}): Promise<MergeResult> => mergeChange({
    root: fx.root, remote: 'origin', github, policy, logger: silentLogger, generatorVersion: 'test', now: () => new Date('2026-12-04T12:00:00Z'), secrets: () => [TOKEN], ...extra,
  });
  const puts = (): string[] => fx.fake.requests.filter((r) => r.method === 'PUT').map((r) => r.path);
  const records = (): string[] => fx.fake.state.issue(REPO, 1).comments.map((c) => c.body).filter((b) => b.includes('change-control:change-record'));

  it('merges the checked head with an allowed method and a message our linter passes, then records it once', async () => {
    const steps: string[] = [];
    const result = await merge({ onProgress: (step) => steps.push(step) });
    const [request] = fx.fake.state.merges;
    assert.ok(request, 'GitHub was asked to merge');
    assert.equal(request.method, 'merge', 'the first allowed of merge, squash, rebase');
    assert.equal(fx.fake.state.pull(REPO, 2).merged, true);
    assert.equal(request.title, 'Merge pull request #2 from acme/feature/1-audit-log');
    assert.match(request.message ?? '', /^Add the audit log export \(#1\)\n\nTicket: #1\nApproved-by: erin \([0-9a-f]{12}\)$/);
    assert.deepEqual(fx.fake.state.repo(REPO).deletedRefs, [`heads/${BRANCH}`], 'the repository deletes merged head branches');
    assert.equal(result.mergedNow, true);
    assert.deepEqual(steps.filter((s, i) => steps.indexOf(s) === i), ['check', 'merge', 'branch', 'record', 'local']);

    const [record] = records();
    assert.equal(records().length, 1);
    assert.ok(record!.includes(result.mergeCommitSha), 'the record names the merged commit');
    assert.match(record!, /erin approved `[0-9a-f]{12}` \(the merged head\)/);
    assert.match(record!, /✅ build: passed/);
    assert.match(record!, /\*\*Findings\*\*\n\n- none: the change followed the policy/);
    assert.ok(!record!.includes(TOKEN));

    // Locally: on main at GitHub's merge commit; the merged branch is gone, nothing else changed.
    assert.equal(git(fx.root, 'symbolic-ref', '--short', 'HEAD'), 'main');
    assert.equal(git(fx.root, 'rev-parse', 'HEAD'), result.mergeCommitSha);
    assert.equal(git(fx.root, 'rev-parse', 'HEAD^2'), fx.headSha, 'a merge commit of the checked head');
    assert.equal(git(fx.root, 'branch', '--list', BRANCH), '');
    assert.equal(fx.fake.state.issue(REPO, 1).state, 'open', 'tracker.closeOnMerge is false by default');
  });

  it('finishes after an earlier merge without merging or recording twice', async () => {
    // Closing the ticket fails once, after the merge and the record; the error says what is done.
    policy.tracker.closeOnMerge = true;
    fx.fake.inject({ method: 'PATCH', path: /\/issues\/1$/, fault: { kind: 'status', status: 422, message: 'Validation Failed' } });
    await assert.rejects(merge(), (err: unknown) => isChangeControlError(err) && /Already done: merged PR #2 .*change record on ticket #1/.test(err.message) && /Run Merge again/.test(err.hint ?? ''));
    assert.equal(git(fx.root, 'symbolic-ref', '--short', 'HEAD'), BRANCH, 'still on the branch');
    assert.equal(records().length, 1);
    const again = await merge();
    assert.equal(again.mergedNow, false);
    assert.equal(fx.fake.state.merges.length, 1, 'one merge');
    assert.equal(again.record?.created, false, 'the record was found, not posted again');
    assert.equal(records().length, 1, 'one change record');
    assert.equal(again.ticketClosed, true);
    assert.equal(git(fx.root, 'symbolic-ref', '--short', 'HEAD'), 'main');
  });

  it('refuses while the gate blocks, and sends no merge', async () => {
    fx.fake.state.addReview(REPO, 2, { user: 'frank', state: 'CHANGES_REQUESTED' });
    await assert.rejects(merge(), (err: unknown) => isChangeControlError(err, 'merge.blocked') && /changes requested by frank/.test(err.message));
    assert.deepEqual(puts(), []);
    assert.deepEqual(records(), []);
  });

  it('refuses a method the repository does not allow', async () => {
    await assert.rejects(merge({ method: 'rebase' }), (err: unknown) => isChangeControlError(err, 'merge.notAllowed') && /does not allow rebase merges; it allows merge commits, squash merges/.test(err.message));
    assert.deepEqual(puts(), []);
  });

  it('squashes with the title as the subject when only squash is allowed', async () => {
    fx.fake.state.repo(REPO).settings.mergeMethods = ['squash'];
    const result = await merge();
    assert.equal(result.method, 'squash');
    assert.equal(fx.fake.state.merges[0]!.title, 'Add the audit log export (#1) (#2)');
    assert.equal(git(fx.root, 'rev-list', '--count', 'HEAD'), '2', 'one squashed commit on main');
    assert.equal(git(fx.root, 'branch', '--list', BRANCH), '', 'its tip is the squashed head: nothing of it is lost');
  });

  it('refuses a merge message our linter rejects, before asking GitHub', async () => {
    fx.fake.state.repo(REPO).settings.mergeMethods = ['squash'];
    fx.fake.state.pull(REPO, 2).title = 'Added the audit log export';
    await assert.rejects(merge(), (err: unknown) => isChangeControlError(err, 'merge.blocked') && /merge commit message would break the policy/.test(err.message) && /pull request title/.test(err.hint ?? ''));
    assert.deepEqual(puts(), []);
  });

  it('says the head moved when GitHub refuses the pinned sha (409)', async () => {
    fx.fake.inject({ method: 'PUT', path: /\/merge$/, times: Infinity, fault: { kind: 'status', status: 409, message: 'Head branch was modified. Review and try the merge again.' } });
    await assert.rejects(merge(), (err: unknown) => isChangeControlError(err, 'merge.headMoved') && /no longer [0-9a-f]{12}, the commit the gate checked/.test(err.message));
    assert.deepEqual(records(), []);
  });

  it('closes the ticket after the record with tracker.closeOnMerge', async () => {
    policy.tracker.closeOnMerge = true;
    const result = await merge();
    assert.equal(result.ticketClosed, true);
    assert.equal(fx.fake.state.issue(REPO, 1).state, 'closed');
    assert.equal(records().length, 1);
  });

  it('leaves a local main with its own commits alone, and says so (the merge stands)', async () => {
    git(fx.root, 'switch', '-q', 'main');
    writeFileSync(path.join(fx.root, 'NOTES.md'), 'local only\n');
    git(fx.root, 'add', 'NOTES.md');
    git(fx.root, 'commit', '-q', '-m', 'Keep local notes');
    const localMain = git(fx.root, 'rev-parse', 'main');
    git(fx.root, 'switch', '-q', BRANCH);
    const result = await merge();
    assert.ok('error' in result.local, 'the local update was refused');
    assert.match((result.local as { error: string }).error, /local main has 1 commit that origin\/main does not have/);
    assert.equal(git(fx.root, 'rev-parse', 'main'), localMain, 'main kept its commit');
    assert.equal(git(fx.root, 'symbolic-ref', '--short', 'HEAD'), BRANCH);
    assert.equal(fx.fake.state.pull(REPO, 2).merged, true);
  });

  it('keeps uncommitted work: an untracked file comes along to main', async () => {
    // main will get src/audit.ts from the merge; an untracked edit elsewhere carries over.
    writeFileSync(path.join(fx.root, 'scratch.txt'), 'work in progress\n');
    const result = await merge();
    assert.ok(!('error' in result.local), JSON.stringify(result.local));
    assert.equal(git(fx.root, 'symbolic-ref', '--short', 'HEAD'), 'main');
    assert.match(git(fx.root, 'status', '--porcelain'), /\?\? scratch\.txt/);
  });
});
