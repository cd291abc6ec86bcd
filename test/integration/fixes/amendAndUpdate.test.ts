import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { amendRefusal } from '../../../src/core/amendMessage';
import { amendHeadMessage, readAmendTarget } from '../../../src/git/amend';
import { mergeBaseInto } from '../../../src/git/updateBranch';
import { commitFile, git, makeFixture, type Fixture } from '../startChange/repos';

describe('fixes: Amend Message and Update Branch on real repositories', () => {
  let f: Fixture;
  beforeEach(() => {
    f = makeFixture();
    git(f.work, ['config', 'user.name', 'Test User']);
    git(f.work, ['config', 'user.email', 'test@example.com']);
    git(f.work, ['config', 'core.hooksPath', '/dev/null']);
    git(f.work, ['switch', '-q', '-c', 'feature/1-x']);
  });
  afterEach(() => f.dispose());

  it('amends only the message of the latest unpushed commit, keeping staged and unstaged work', async () => {
    const sha = commitFile(f.work, 'a.txt', 'one\n', 'Added a');
    const tree = git(f.work, ['rev-parse', 'HEAD^{tree}']).trim();
    writeFileSync(path.join(f.work, 'a.txt'), 'one\nstaged\n');
    git(f.work, ['add', 'a.txt']);
    writeFileSync(path.join(f.work, 'a.txt'), 'one\nstaged\nunstaged\n');
    const target = await readAmendTarget(f.work, sha);
    assert.equal(target.headSha, sha);
    assert.deepEqual(target.remoteRefs, []);
    assert.equal(target.message, 'Added a');
    assert.equal(amendRefusal(target), undefined);
    await amendHeadMessage(f.work, 'Add a\n\nThe body says why.');
    assert.equal(git(f.work, ['log', '-1', '--format=%B']).trim(), 'Add a\n\nThe body says why.');
    assert.equal(git(f.work, ['rev-parse', 'HEAD^{tree}']).trim(), tree, 'the commit content is unchanged');
    assert.equal(git(f.work, ['diff', '--cached']).includes('+staged'), true, 'the staged line is still staged');
    assert.equal(readFileSync(path.join(f.work, 'a.txt'), 'utf8'), 'one\nstaged\nunstaged\n', 'the work tree is untouched');
  });

  it('refuses a pushed commit and one that is not the latest', async () => {
    const first = commitFile(f.work, 'a.txt', 'one\n', 'Added a');
    git(f.work, ['push', '-q', 'origin', 'feature/1-x']);
    const pushed = await readAmendTarget(f.work, first);
    assert.match(amendRefusal(pushed) ?? '', /already pushed \(origin\/feature\/1-x\)/);
    commitFile(f.work, 'b.txt', 'two\n', 'Added b');
    const older = await readAmendTarget(f.work, first);
    assert.match(amendRefusal(older) ?? '', /not the latest commit/);
    assert.equal(amendRefusal(await readAmendTarget(f.work)), undefined, 'HEAD itself is unpushed');
  });

  it('merges the remote base into a clean branch and refuses a dirty one, changing nothing', async () => {
    commitFile(f.work, 'a.txt', 'one\n', 'Add a');
    commitFile(f.seed, 'upstream.txt', 'new\n', 'Add upstream file');
    git(f.seed, ['push', '-q', 'origin', 'main']);
    git(f.work, ['fetch', '-q', 'origin']);
    writeFileSync(path.join(f.work, 'a.txt'), 'dirty\n');
    const before = git(f.work, ['rev-parse', 'HEAD']).trim();
    await assert.rejects(mergeBaseInto(f.work, 'origin/main'), /uncommitted changes.*nothing was changed/);
    assert.equal(git(f.work, ['rev-parse', 'HEAD']).trim(), before);
    assert.equal(readFileSync(path.join(f.work, 'a.txt'), 'utf8'), 'dirty\n');
    git(f.work, ['checkout', '--', 'a.txt']);
    await mergeBaseInto(f.work, 'origin/main');
    assert.equal(git(f.work, ['rev-list', '--count', 'HEAD..origin/main']).trim(), '0', 'the branch has every base commit');
  });
});
