/**
 * The hook's copy of the bundled CLI is refreshed on every activation, but
 * rewritten only when its content differs (after an extension update):
 * a commit's hook may be reading that file at that moment, and rewriting
 * an unchanged file on each start is wasted work. No `vscode` here, so the
 * copy has unit tests.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Writes `source`'s content to `target` when it differs, replacing the old
 * copy in one rename so that a reader sees the old file or the new one.
 * True when it wrote.
 */
export async function copyIfDifferent(source: string, target: string): Promise<boolean> {
  const content = await readFile(source);
  // A missing or unreadable copy is simply replaced: a write that fails then says why.
  const current = await readFile(target).catch(() => undefined);
  if (current?.equals(content)) return false;
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, target);
  return true;
}
