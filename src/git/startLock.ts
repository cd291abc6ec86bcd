/**
 * One Start Change at a time per repository. Two runs started together
 * (two terminals, the CLI and the editor) each planned on the same state,
 * each created its branch, and each said "switched to it", while only the
 * last switch held. The lock is a file in the git directory
 * (`git rev-parse --git-path change-control/start.lock`), created with
 * O_EXCL and removed when the run ends. A lock whose process has ended, or
 * older than the bound, is stale: it is replaced, and the run says so.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChangeControlError } from '../core/errors';
import type { StartChangeLock } from '../core/ports';

/** A lock older than this is left over from a run that cannot still be working. */
export const START_LOCK_STALE_MS = 10 * 60_000;

interface LockRecord {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

export interface StartLockOptions {
  staleMs?: number;
  now?: () => number;
}

/** Takes the lock at `lockFile`; throws `git.operationInProgress`, having changed nothing, while another run holds it. */
export async function acquireStartLock(lockFile: string, options: StartLockOptions = {}): Promise<StartChangeLock> {
  const staleMs = options.staleMs ?? START_LOCK_STALE_MS;
  const now = options.now ?? Date.now;
  const mine: LockRecord = { pid: process.pid, host: os.hostname(), startedAt: new Date(now()).toISOString(), token: randomBytes(12).toString('hex') };
  const notes: string[] = [];
  await mkdir(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createExclusive(lockFile, `${JSON.stringify(mine)}\n`)) return { notes, release: () => release(lockFile, mine.token) };
    const held = await readRecord(lockFile);
    if (!held) continue; // Released between our attempt and the read: try again.
    const stale = staleReason(held, now(), staleMs);
    if (!stale) throw busy(lockFile, held);
    await takeOver(lockFile, held);
    notes.push(`A Start Change lock from ${describe(held)} was left behind (${stale}); it was replaced.`);
  }
  throw new ChangeControlError('git.operationInProgress', `Could not take the Start Change lock ${lockFile}; nothing was changed.`, {
    hint: 'Another Start Change keeps starting in this repository; wait for it and run start again.',
  });
}

/**
 * Create `file` with `content` only when it does not exist. The content is
 * written to a private file first and hard-linked into place (link fails
 * when the name exists), so no run ever reads a half-written lock; where
 * hard links are not supported, O_EXCL creates it directly.
 */
async function createExclusive(file: string, content: string): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.new`;
  await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
  try {
    await link(temp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
    return await writeFile(file, content, { encoding: 'utf8', flag: 'wx' }).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'EEXIST') return false;
        throw e;
      },
    );
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * The lock's record. Content that cannot be parsed (foreign, or cut short)
 * is a record of an unknown process, as old as the file.
 */
async function readRecord(file: string): Promise<LockRecord | undefined> {
  let text: string;
  let modified: Date;
  try {
    [text, modified] = await Promise.all([readFile(file, 'utf8'), stat(file).then((s) => s.mtime)]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const r = JSON.parse(text) as Partial<LockRecord>;
    if (typeof r.pid === 'number' && typeof r.host === 'string' && typeof r.startedAt === 'string' && typeof r.token === 'string') return r as LockRecord;
  } catch {
    // Not JSON: fall through to the record of an unknown process.
  }
  return { pid: 0, host: '', startedAt: modified.toISOString(), token: text };
}

function staleReason(held: LockRecord, now: number, staleMs: number): string | undefined {
  const started = Date.parse(held.startedAt);
  if (!Number.isFinite(started)) return 'its start time could not be read';
  if (now - started > staleMs) return `older than ${Math.round(staleMs / 60_000)} minutes`;
  if (held.pid > 0 && held.host === os.hostname() && !isAlive(held.pid)) return `its process ${held.pid} has ended`;
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Move the stale lock aside, and put it back if what was moved is not the
 * stale one (another run replaced it first): then that run holds it.
 */
async function takeOver(lockFile: string, stale: LockRecord): Promise<void> {
  const aside = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockFile, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = await readRecord(aside);
  if (moved && moved.token !== stale.token) {
    await link(aside, lockFile).catch(() => undefined); // If a third run holds it now, that one wins.
    await unlink(aside);
    throw busy(lockFile, moved);
  }
  await unlink(aside);
}

async function release(lockFile: string, token: string): Promise<void> {
  const held = await readRecord(lockFile);
  // A run that found this lock stale may have replaced it: leave that one alone.
  if (held?.token === token) await unlink(lockFile).catch(() => undefined);
}

function describe(r: LockRecord): string {
  return r.pid ? `process ${r.pid}${r.host && r.host !== os.hostname() ? ` on ${r.host}` : ''}, started ${r.startedAt}` : `an unknown process, written ${r.startedAt}`;
}

function busy(lockFile: string, held: LockRecord): ChangeControlError {
  return new ChangeControlError('git.operationInProgress', `Another Start Change is running in this repository (${describe(held)}); nothing was changed.`, {
    hint: `Wait for it to finish, then run start again. If none is running, delete ${lockFile}.`,
  });
}
