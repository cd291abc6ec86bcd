/** The Start Change lock on a real file system: exclusive, released, and stale only when it must be. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isChangeControlError } from '../../../src/core/errors';
import { acquireStartLock } from '../../../src/git/startLock';
import { tempDir } from './repos';

describe('the Start Change lock', () => {
  let dir: string;
  let lockFile: string;
  beforeEach(() => {
    dir = tempDir();
    lockFile = path.join(dir, 'change-control', 'start.lock');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const record = (over: Record<string, unknown>): void => {
    mkdirSync(path.dirname(lockFile), { recursive: true });
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), token: 'theirs', ...over }));
  };

  it('is held by one run at a time and removed on release', async () => {
    const first = await acquireStartLock(lockFile);
    assert.deepEqual(first.notes, []);
    assert.equal(JSON.parse(readFileSync(lockFile, 'utf8')).pid, process.pid);
    await assert.rejects(acquireStartLock(lockFile), (err: unknown) => {
      assert.ok(isChangeControlError(err, 'git.operationInProgress'));
      assert.match(err.message, new RegExp(`Another Start Change is running in this repository \\(process ${process.pid}, started .*\\); nothing was changed\\.`));
      assert.match(err.hint ?? '', /delete .*start\.lock/);
      return true;
    });
    await first.release();
    assert.equal(existsSync(lockFile), false);
    assert.deepEqual(readdirSync(path.dirname(lockFile)), [], 'no temporary files are left');
    await (await acquireStartLock(lockFile)).release();
  });

  it('replaces a lock older than the bound, and says so', async () => {
    record({ startedAt: new Date(Date.now() - 11 * 60_000).toISOString() });
    const lock = await acquireStartLock(lockFile);
    assert.match(lock.notes.join(' '), /left behind \(older than 10 minutes\); it was replaced/);
    await lock.release();
  });

  it('replaces a lock whose process has ended on this machine', async () => {
    const ended = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    record({ pid: ended });
    const lock = await acquireStartLock(lockFile);
    assert.match(lock.notes.join(' '), new RegExp(`its process ${ended} has ended`));
    await lock.release();
  });

  it('keeps a recent lock of another machine, and a recent unreadable one', async () => {
    record({ pid: 999_999_999, host: 'elsewhere' });
    await assert.rejects(acquireStartLock(lockFile), /process 999999999 on elsewhere/);
    writeFileSync(lockFile, 'garbage');
    await assert.rejects(acquireStartLock(lockFile), /an unknown process/);
    const old = new Date(Date.now() - 11 * 60_000);
    utimesSync(lockFile, old, old);
    const lock = await acquireStartLock(lockFile);
    assert.equal(lock.notes.length, 1);
    await lock.release();
  });

  it('a release leaves alone a lock another run took over', async () => {
    const lock = await acquireStartLock(lockFile);
    record({ token: 'newer' });
    await lock.release();
    assert.equal(JSON.parse(readFileSync(lockFile, 'utf8')).token, 'newer');
  });
});
