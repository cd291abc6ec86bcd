import { strict as assert } from 'node:assert';
import { isChangeControlError } from '../../../src/core/errors';
import { pushBranch } from '../../../src/git/push';
import { listTemplateCandidates, readBaseState, remoteUrl } from '../../../src/git/pullRequestGit';
import { advanceRemote, commitFile, git, makeFixture, type Fixture } from '../startChange/repos';

describe('git/push and pull request git reads (real repositories)', () => {
  let fx: Fixture;
  beforeEach(() => {
    fx = makeFixture();
    git(fx.work, ['checkout', '-q', '-b', 'feature/1-export']);
    commitFile(fx.work, 'src/a.ts', 'export const a = 1;\n', 'Add a');
  });
  afterEach(() => fx.dispose());

  it('pushes the branch with its upstream, then reports nothing new', async () => {
    assert.deepEqual(await pushBranch(fx.work, { remote: 'origin', branch: 'feature/1-export' }), { updated: true });
    assert.equal(git(fx.work, ['rev-parse', '--abbrev-ref', 'feature/1-export@{upstream}']).trim(), 'origin/feature/1-export');
    assert.equal(git(fx.remote, ['rev-parse', 'feature/1-export']), git(fx.work, ['rev-parse', 'HEAD']));
    assert.deepEqual(await pushBranch(fx.work, { remote: 'origin', branch: 'feature/1-export' }), { updated: false });
  });

  it('never forces: a rejected push says what to do and keeps both histories', async () => {
    await pushBranch(fx.work, { remote: 'origin', branch: 'feature/1-export' });
    git(fx.seed, ['fetch', '-q', 'origin']);
    git(fx.seed, ['checkout', '-q', '-b', 'feature/1-export', 'origin/feature/1-export']);
    const theirs = commitFile(fx.seed, 'src/b.ts', 'b\n', 'Add b from a colleague');
    git(fx.seed, ['push', '-q', 'origin', 'feature/1-export']);
    const mine = commitFile(fx.work, 'src/c.ts', 'c\n', 'Add c');
    await assert.rejects(pushBranch(fx.work, { remote: 'origin', branch: 'feature/1-export' }), (err) => {
      assert.ok(isChangeControlError(err, 'git.pushRejected'));
      assert.match(err.message, /origin rejected the push of feature\/1-export/);
      assert.match(err.hint ?? '', /git pull --rebase origin feature\/1-export/);
      assert.match(err.hint ?? '', /never force-pushes/);
      return true;
    });
    assert.equal(git(fx.remote, ['rev-parse', 'feature/1-export']).trim(), theirs);
    assert.equal(git(fx.work, ['rev-parse', 'HEAD']).trim(), mine);
  });

  it('counts how far behind the base the branch is, after fetching it', async () => {
    assert.deepEqual(await readBaseState(fx.work, 'origin', 'main'), { baseRef: 'origin/main', behind: 0 });
    advanceRemote(fx);
    assert.deepEqual(await readBaseState(fx.work, 'origin', 'main'), { baseRef: 'origin/main', behind: 1 });
    const offline = await readBaseState(fx.work, 'nowhere', 'main');
    assert.equal(offline.baseRef, 'main');
    assert.match(offline.note ?? '', /fetching main from nowhere failed/);
  });

  it('reads the configured remote URL and finds templates case-insensitively', async () => {
    git(fx.work, ['config', 'remote.origin.url', 'git@github.com:acme/app.git']);
    assert.equal(await remoteUrl(fx.work, 'origin'), 'git@github.com:acme/app.git');
    assert.equal(await remoteUrl(fx.work, 'upstream'), undefined);
    commitFile(fx.work, '.github/Pull_Request_Template.md', '## Checklist\n', 'Add template');
    commitFile(fx.work, 'docs/notes.md', 'x\n', 'Add notes');
    assert.deepEqual(await listTemplateCandidates(fx.work), ['.github/Pull_Request_Template.md']);
  });
});
