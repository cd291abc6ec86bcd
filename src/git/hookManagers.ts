/**
 * Probes a work tree for a hook manager's configuration (husky's .husky/,
 * lefthook.yml, .pre-commit-config.yaml) and git's core.hooksPath, for
 * detectHookManager in src/core/hookManagers.ts.
 */
import { lstat } from 'node:fs/promises';
import * as path from 'node:path';
import { detectHookManager, HOOK_MANAGER_FILES, type DetectedHookManager } from '../core/hookManagers';
import { openGit } from './git';

/** The manager in charge of `root`'s hooks, if any. */
export async function findHookManager(root: string): Promise<DetectedHookManager | undefined> {
  const candidates = Object.values(HOOK_MANAGER_FILES).flat();
  const found = await Promise.all(candidates.map(async (f) => ((await exists(path.join(root, f))) ? f : undefined)));
  const hooksPath = await configValue(root, 'core.hooksPath');
  return detectHookManager({ present: new Set(found.filter((f): f is string => f !== undefined)), ...(hooksPath ? { hooksPath } : {}) });
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    // Absent (or unreadable): not a sign of that manager.
    return false;
  }
}

async function configValue(root: string, key: string): Promise<string | undefined> {
  try {
    const out = await openGit(root).raw(['config', '--get', key]);
    return out.trim() || undefined;
  } catch {
    // `git config --get` exits 1 when the key is unset.
    return undefined;
  }
}
