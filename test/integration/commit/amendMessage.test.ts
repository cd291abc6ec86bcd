/**
 * Amend Message's git side: the latest unpushed commit gets the new
 * message and nothing else (staged changes stay staged); a pushed commit,
 * or a HEAD that moved meanwhile, is refused and left as it was.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { amendLatestMessage, amendMessageFile, latestCommit, writeAmendMessageFile } from '../../../src/git/amendMessage';
import { isChangeControlError } from '../../../src/core/errors';
import { createFeatureRepo, git, write } from '../../support/featureRepo';

describe('Amend Message on a real repository', function () {
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

  it('amends the message of the latest unpushed commit only, keeping staged work staged', async () => {
    write(work, 'src/b.ts', '// staged, not part of the amend\n');
    git(work, 'add', 'src/b.ts');
    const latest = await latestCommit(work);
    assert.ok(latest && latest.onRemotes.length === 0);
    assert.equal(latest.message, 'Added things.\n');
    const file = await amendMessageFile(work);
    await writeAmendMessageFile(file, 'Add the things\n\nThe body says why.\n', latest.sha);
    assert.match(readFileSync(file, 'utf8'), /^# Change Control: save this file/m);
    const sha = await amendLatestMessage(work, file, latest.sha);
    assert.notEqual(sha, latest.sha);
    assert.equal(git(work, 'log', '-1', '--format=%B'), 'Add the things\n\nThe body says why.\n\n');
    assert.deepEqual(git(work, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n'), ['src/a.ts']);
    assert.equal(git(work, 'diff', '--cached', '--name-only').trim(), 'src/b.ts');
  });

  it('refuses a pushed commit and a HEAD that moved, changing nothing', async () => {
    const file = await amendMessageFile(work);
    const first = await latestCommit(work);
    await writeAmendMessageFile(file, 'Add the things\n', first!.sha);
    write(work, 'src/a.ts', '// again\n');
    git(work, 'commit', '-q', '-am', 'Change again');
    await assert.rejects(amendLatestMessage(work, file, first!.sha), (err: unknown) => isChangeControlError(err) && /changed while/.test(err.message));
    git(work, 'push', '-q', 'origin', 'feature/1-x');
    const pushed = await latestCommit(work);
    assert.deepEqual(pushed?.onRemotes, ['origin/feature/1-x']);
    await assert.rejects(amendLatestMessage(work, file, pushed!.sha), (err: unknown) => isChangeControlError(err) && /never rewrites a pushed commit/.test(err.message));
    assert.equal(git(work, 'log', '-1', '--format=%s').trim(), 'Change again');
  });
});
