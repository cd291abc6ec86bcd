/**
 * Installs and removes the `commit-msg` hook. The hooks folder comes from
 * `git rev-parse --git-path hooks`, which honours core.hooksPath and linked
 * worktrees. A foreign hook is never overwritten without `force`, and then
 * it is kept as commit-msg.backup-<n> so `uninstall` can restore it.
 */
import { chmod, mkdir, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ChangeControlError } from '../core/errors';
import { hookScript, isOwnHook, latestBackupName, nextBackupName, type HookScriptOptions } from '../core/hook';
import { gitCall, openGit } from './git';

const HOOK_NAME = 'commit-msg';

export interface HookInstallResult {
  /** installed: new hook; updated: our older hook rewritten; unchanged: already current. */
  action: 'installed' | 'updated' | 'unchanged';
  hookPath: string;
  /** Where a foreign hook was moved, when `force` replaced one. */
  backupPath?: string;
}

export interface HookUninstallResult {
  action: 'removed' | 'restored' | 'notInstalled';
  hookPath: string;
  /** The backup put back in place. */
  restoredFrom?: string;
}

/** Absolute path of the repository's hooks folder. */
async function hooksDirectory(root: string): Promise<string> {
  const out = await gitCall('Find the hooks folder', () => openGit(root).raw(['rev-parse', '--git-path', 'hooks']));
  return path.resolve(root, out.trim());
}

export async function installCommitMsgHook(
  root: string,
  options: HookScriptOptions & { force?: boolean },
): Promise<HookInstallResult> {
  const dir = await hooksDirectory(root);
  const hookPath = path.join(dir, HOOK_NAME);
  const script = hookScript(options);
  const current = await readIfExists(hookPath);
  if (current === script) return { action: 'unchanged', hookPath };
  let backupPath: string | undefined;
  if (current !== undefined && !isOwnHook(current)) {
    if (!options.force) {
      throw new ChangeControlError('git.hookExists', `A ${HOOK_NAME} hook that Change Control did not write already exists at ${hookPath}.`, {
        hint: 'Merge it by hand, or replace it (the old hook is kept as a backup).',
        cliHint: 'Merge it by hand, or re-run with --force to replace it (it is kept as a backup).',
        detail: { hookPath },
      });
    }
    backupPath = path.join(dir, nextBackupName(HOOK_NAME, await listDir(dir)));
    await rename(hookPath, backupPath);
  }
  await mkdir(dir, { recursive: true });
  await writeFile(hookPath, script, { encoding: 'utf8', mode: 0o755 });
  await chmod(hookPath, 0o755);
  return { action: current === undefined || backupPath ? 'installed' : 'updated', hookPath, ...(backupPath ? { backupPath } : {}) };
}

export async function uninstallCommitMsgHook(root: string): Promise<HookUninstallResult> {
  const dir = await hooksDirectory(root);
  const hookPath = path.join(dir, HOOK_NAME);
  const current = await readIfExists(hookPath);
  if (current === undefined || !isOwnHook(current)) {
    if (current !== undefined) {
      throw new ChangeControlError('git.hookExists', `The ${HOOK_NAME} hook at ${hookPath} was not written by Change Control; it is left alone.`, {
        detail: { hookPath },
      });
    }
    return { action: 'notInstalled', hookPath };
  }
  await unlink(hookPath);
  const backup = latestBackupName(HOOK_NAME, await listDir(dir));
  if (!backup) return { action: 'removed', hookPath };
  const restoredFrom = path.join(dir, backup);
  await rename(restoredFrom, hookPath);
  return { action: 'restored', hookPath, restoredFrom };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
