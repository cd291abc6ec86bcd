import { strict as assert } from 'node:assert';
import { checkChangeTests } from '../../../src/app/checkTests';
import { defaultPolicy } from '../../../src/core/policy/schema';
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
    await checkChangeTests(git, policy, 'v1.2.0');
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
});
