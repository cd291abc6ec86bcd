/**
 * Creates a new file inside a work tree ("Create Test File") without
 * letting the repository aim the write elsewhere. The path and the folders
 * under it are the repository's: each folder is checked with lstat and
 * realpath on the way down (a committed `test -> /tmp/outside` symlink is
 * refused), the file is opened with O_CREAT|O_EXCL (and O_NOFOLLOW where
 * the platform has it), so an existing file or a symlink is never written
 * through. The decisions are pure, in src/core/workTreePath.ts.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { ChangeControlError } from '../core/errors';
import { checkRelativeWritePath, decideFile, decideFolder, isWithinRoot, type EntryKind } from '../core/workTreePath';

export interface WorkTreeFile {
  /** Absolute path of the file under `root` as given (checked to resolve inside it). */
  file: string;
  /** False when the file already existed; it was left as it was. */
  created: boolean;
}

const SEP = path.sep === '\\' ? '\\' : '/';
const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Writes `content` to `relative` (forward slashes) under `root`, creating
 * the missing folders; an existing regular file is returned untouched.
 * Throws a `usage` ChangeControlError, having written nothing, when the
 * path or anything on it leads outside the work tree.
 */
export async function createWorkTreeFile(root: string, relative: string, content: string): Promise<WorkTreeFile> {
  const refuse = (reason: string): ChangeControlError =>
    new ChangeControlError('usage', `Change Control did not create ${JSON.stringify(relative)}: ${reason}. Nothing was written.`, {
      hint: "Check the repository's symbolic links and the policy's tests.conventions.",
    });
  const checked = checkRelativeWritePath(relative);
  if (!checked.ok) throw refuse(checked.reason);
  const rootReal = await realpath(root);
  const folders = checked.segments.slice(0, -1);
  let dir = rootReal;
  for (let i = 0; i < folders.length; i++) {
    const shown = folders.slice(0, i + 1).join('/');
    const next = path.join(dir, folders[i] as string);
    const kind = await kindOf(next);
    const real = kind === 'symlink' || kind === 'directory' ? await realpath(next).catch(() => undefined) : undefined;
    const step = decideFolder(kind, shown, real === undefined ? undefined : { realPath: real, root: rootReal, sep: SEP });
    if (step.action === 'refuse') throw refuse(step.reason);
    if (step.action === 'create') {
      await mkdir(next).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
        throw refuse(`${shown} appeared while it was being created`);
      });
    }
    dir = real ?? next;
  }
  const shown = checked.segments.join('/');
  const file = path.join(dir, checked.segments[checked.segments.length - 1] as string);
  const result = (created: boolean): WorkTreeFile => ({ file: path.join(root, ...checked.segments), created });
  const step = decideFile(await kindOf(file), shown);
  if (step.action === 'refuse') throw refuse(step.reason);
  if (step.action === 'openExisting') return result(false);
  let handle;
  try {
    handle = await open(file, CREATE_FLAGS, 0o666);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ELOOP') throw err;
    // Something appeared between the check and the open: judge it again.
    const again = decideFile(await kindOf(file), shown);
    if (again.action === 'openExisting') return result(false);
    throw refuse(again.action === 'refuse' ? again.reason : `${shown} appeared while it was being created`);
  }
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
  return result(true);
}

async function kindOf(p: string): Promise<EntryKind> {
  try {
    const s = await lstat(p);
    if (s.isSymbolicLink()) return 'symlink';
    if (s.isDirectory()) return 'directory';
    if (s.isFile()) return 'file';
    return 'other';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
}

const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * The first `maxChars` characters (UTF-8, read as at most 4 × that many
 * bytes) of each of `relatives` under `root`, by path. The files are the
 * repository's: a symbolic link, a folder link out of the work tree, a
 * file that is not regular or cannot be read is left out, never followed.
 */
export async function readWorkTreeHeads(root: string, relatives: readonly string[], maxChars: number): Promise<Map<string, string>> {
  const rootReal = await realpath(root);
  const out = new Map<string, string>();
  const readOne = async (relative: string): Promise<void> => {
      const checked = checkRelativeWritePath(relative);
      if (!checked.ok) return;
      const file = path.join(root, ...checked.segments);
      let handle;
      try {
        const dir = await realpath(path.dirname(file));
        if (!isWithinRoot(rootReal, dir, SEP)) return;
        handle = await open(file, READ_FLAGS);
        if (!(await handle.stat()).isFile()) return;
        const buffer = Buffer.alloc(maxChars * 4);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        const text = buffer.subarray(0, bytesRead).toString('utf8');
        out.set(relative, text.length > maxChars ? text.slice(0, maxChars) : text);
      } catch {
        // Unreadable, vanished or a link: it tells nothing, so it is left out.
      } finally {
        await handle?.close();
      }
  };
  // A few files at a time: a change of thousands of files must not run out of file handles.
  for (let i = 0; i < relatives.length; i += READ_BATCH) await Promise.all(relatives.slice(i, i + READ_BATCH).map(readOne));
  return out;
}

const READ_BATCH = 32;
