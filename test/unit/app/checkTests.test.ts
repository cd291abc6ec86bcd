import { strict as assert } from 'node:assert';
import { checkChangeTests } from '../../../src/app/checkTests';
import { isChangeControlError } from '../../../src/core/errors';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { TreeIndexMemo } from '../../../src/core/testMatching/treeIndex';
import { FakeGitPort } from './fakeGitPort';

describe('Check Tests use case (fake git port)', () => {
  const withSource = (git: FakeGitPort, tests: string[]): void => {
    git.change = {
      baseRef: 'origin/main', mergeBase: 'b45e000000', inlineTests: new Set(),
      changes: [{ path: 'src/parser.ts', status: 'modified' }, ...tests.map((path) => ({ path, status: 'modified' as const }))],
      tree: ['src/parser.ts', ...tests],
    };
  };

  it('measures against the policy base branch, or the explicit --base ref', async () => {
    const git = new FakeGitPort();
    const policy = defaultPolicy();
    policy.branch.base = 'trunk';
    await checkChangeTests(git, policy);
    await checkChangeTests(git, policy, { baseRef: 'v1.2.0' });
    assert.deepEqual(git.readChangeOptions, [{ baseBranch: 'trunk' }, { baseBranch: 'trunk', baseRef: 'v1.2.0' }]);
  });

  it('fails a changed source without a test when the policy requires tests, and only then', async () => {
    const git = new FakeGitPort();
    withSource(git, []);
    const required = await checkChangeTests(git, defaultPolicy());
    assert.equal(required.result.counts.missing, 1);
    assert.equal(required.failed, true);
    assert.equal(required.mergeBase, 'b45e000000');
    const relaxed = defaultPolicy();
    relaxed.tests.requireTests = false;
    assert.equal((await checkChangeTests(git, relaxed)).failed, false);
  });

  it('passes when the changed source has its changed test', async () => {
    const git = new FakeGitPort();
    withSource(git, ['test/parser.test.ts']);
    const run = await checkChangeTests(git, defaultPolicy());
    assert.equal(run.result.counts.missing, 0);
    assert.equal(run.result.counts.covered, 1);
    assert.equal(run.failed, false);
  });

  describe('with what the editor already knows', () => {
    it('hands the Source Control changes and the signal to the port, not the index memo', async () => {
      const git = new FakeGitPort();
      const localChanges = [{ path: 'src/parser.ts', status: 'modified' as const }];
      const signal = new AbortController().signal;
      await checkChangeTests(git, defaultPolicy(), { localChanges, signal, indexMemo: new TreeIndexMemo() });
      assert.deepEqual(git.readChangeOptions, [{ baseBranch: 'main', localChanges, signal }]);
      assert.equal(git.readChangeOptions[0]?.localChanges, localChanges, 'the very list, not a copy');
    });

    it('reuses the tree index while the port hands back the same tree, and builds it again for another', async () => {
      const git = new FakeGitPort();
      withSource(git, ['test/parser.test.ts']);
      const memo = new TreeIndexMemo();
      const first = await checkChangeTests(git, defaultPolicy(), { indexMemo: memo });
      const again = await checkChangeTests(git, defaultPolicy(), { indexMemo: memo });
      assert.equal(memo.builds, 1, 'the same tree array: the index is reused');
      assert.deepEqual(again.result, first.result);
      withSource(git, []);
      const other = await checkChangeTests(git, defaultPolicy(), { indexMemo: memo });
      assert.equal(memo.builds, 2, 'another tree: the index is built again');
      assert.equal(other.result.counts.missing, 1, 'the new tree is the one judged');
    });

    it('gives the same verdicts with the memo as without it', async () => {
      const git = new FakeGitPort();
      withSource(git, []);
      const plain = await checkChangeTests(git, defaultPolicy());
      const memoised = await checkChangeTests(git, defaultPolicy(), { indexMemo: new TreeIndexMemo() });
      assert.deepEqual(memoised, plain);
      assert.equal(plain.baseRef, 'origin/main');
    });

    it('ends as cancelled when the signal fired while git ran, before pairing', async () => {
      const git = new FakeGitPort();
      withSource(git, []);
      const abort = new AbortController();
      const memo = new TreeIndexMemo();
      const readChange = git.readChange.bind(git);
      git.readChange = async (options) => {
        const change = await readChange(options);
        abort.abort();
        return change;
      };
      await assert.rejects(checkChangeTests(git, defaultPolicy(), { signal: abort.signal, indexMemo: memo }), (err) => isChangeControlError(err, 'cancelled'));
      assert.equal(memo.builds, 0, 'nothing was paired');
    });
  });
});
