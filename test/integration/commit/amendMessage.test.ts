/**
 * What the warning after a commit reads of the latest commit: its
 * message, its parents (made on top of the previous HEAD?) and the remote
 * branches holding it (a pushed commit is not offered Amend Message). The
 * amend itself is tested in test/integration/fixes/amendAndUpdate.test.ts.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { latestCommit } from '../../../src/git/amendMessage';
import { createFeatureRepo, git, write } from '../../support/featureRepo';

describe('the latest commit, as the warning after a commit reads it', function () {
  this.timeout(30000);
  let dir: string;
  let work: string;

  beforeEach(() => {
    ({ dir, work } = createFeatureRepo('cc-amend-', ['src/a.ts']));
    git(work, 'config', 'user.name', 'Dana Developer');
    git(work, 'config', 'user.email', 'dana@example.com');
    git(work, 'config', 'core.hooksPath', '/dev/null');
    write(work, 'src/a.ts', '// changed\n');
    git(work, 'commit', '-q', '-am', 'Added things.');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the message and the parent of an unpushed commit', async () => {
    const parent = git(work, 'rev-parse', 'HEAD^').trim();
    const latest = await latestCommit(work);
    assert.ok(latest);
    assert.equal(latest.sha, git(work, 'rev-parse', 'HEAD').trim());
    assert.deepEqual(latest.parents, [parent]);
    assert.equal(latest.message, 'Added things.\n');
    assert.deepEqual(latest.onRemotes, []);
  });

  it('names the remote branch that holds a pushed commit', async () => {
    git(work, 'push', '-q', 'origin', 'feature/1-x');
    const pushed = await latestCommit(work);
    assert.deepEqual(pushed?.onRemotes, ['origin/feature/1-x']);
  });
});
