/**
 * The last copy of each GitHub policy a command fetched, kept in the git
 * folder (`git rev-parse --git-path change-control/extends-copies.json`).
 * The hook, lint and the editor read only this copy (no token, no
 * request); a command that fetches falls back to it when GitHub cannot be
 * reached, and says so. A broken file is no copy.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describeExtendsRef, extendsKey, type ExtendsRef } from '../core/policy/extendsRef';
import type { ExtendsReadResult } from '../core/policy/resolveExtends';
import { gitCall, openGit } from './git';

interface Copy {
  text: string;
  fetchedAt: string;
}

async function copiesPath(root: string): Promise<string> {
  const out = await gitCall('Finding the git folder', () => openGit(root).raw(['rev-parse', '--git-path', 'change-control/extends-copies.json']));
  return path.resolve(root, out.trim());
}

async function loadCopies(file: string): Promise<Record<string, Copy>> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown; entries?: unknown };
    if (data.version !== 1 || typeof data.entries !== 'object' || data.entries === null) return {};
    const out: Record<string, Copy> = {};
    for (const [key, v] of Object.entries(data.entries as Record<string, unknown>)) {
      const c = v as Copy | null;
      if (c && typeof c.text === 'string' && typeof c.fetchedAt === 'string') out[key] = c;
    }
    return out;
  } catch {
    return {}; // No copy yet, or an unreadable file: no copy.
  }
}

/** The last fetched copy of `ref`, or why there is none. */
export async function readExtendsCopy(root: string, ref: ExtendsRef, note?: (fetchedAt: string) => string): Promise<ExtendsReadResult> {
  const copy = (await loadCopies(await copiesPath(root)))[extendsKey(ref)];
  const shown = describeExtendsRef(ref);
  if (!copy) return { ok: false, reason: `no copy of ${shown} has been fetched yet (run "change-control policy --explain" with GITHUB_TOKEN set).` };
  return { ok: true, label: shown, text: copy.text, ...(note ? { note: note(copy.fetchedAt) } : {}) };
}

/** Records the copy of `ref` just fetched. */
export async function saveExtendsCopy(root: string, ref: ExtendsRef, text: string, fetchedAt: string): Promise<void> {
  const file = await copiesPath(root);
  const copies = await loadCopies(file);
  copies[extendsKey(ref)] = { text, fetchedAt };
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ version: 1, entries: copies }), { mode: 0o600 });
  await rename(tmp, file);
}
