/**
 * "Change Control: Install Commit Message Hook": installs the same
 * commit-msg hook as `change-control install-hook`. The hook runs a copy of
 * the hook's entry (hook.js and hook-lint.js, beside a copy of the bundled
 * CLI) kept in the extension's global storage, a path that stays valid
 * across extension updates (the copies are refreshed on activation).
 */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isChangeControlError } from '../../core/errors';
import type { Logger } from '../../core/ports';
import { HOOK_ENTRY_FILES } from '../../core/hook';
import { describeManagedHooks } from '../../core/hookManagers';
import { findHookManager } from '../../git/hookManagers';
import { installCommitMsgHook } from '../../git/hooks';
import { copyIfDifferent } from './hookCliCopy';

const CLI_COPY = 'change-control-cli.js';
/** The hook's own entry and its bundles (out/hook.js, out/hook-lint.js, ...), copied under the same names: hook.js loads the others beside it. */
const HOOK_FILES = HOOK_ENTRY_FILES;

/** Where the hook's copy of the CLI lives. */
export function hookCliPath(context: vscode.ExtensionContext): string {
  return path.join(context.globalStorageUri.fsPath, CLI_COPY);
}

/** Copy the bundled CLI next to the hook's path (install, and on activation when a copy exists). */
export async function refreshHookCli(context: vscode.ExtensionContext, onlyIfPresent: boolean): Promise<string> {
  const target = hookCliPath(context);
  if (onlyIfPresent && !(await isFile(target))) return target;
  await copyIfDifferent(path.join(context.extensionPath, 'out', 'cli.js'), target);
  for (const file of HOOK_FILES) await copyIfDifferent(path.join(context.extensionPath, 'out', file), path.join(path.dirname(target), file));
  return target;
}

export async function installHookCommand(
  context: vscode.ExtensionContext,
  root: string,
  logger: Logger,
): Promise<void> {
  const manager = await findHookManager(root);
  if (manager) {
    logger.info(describeManagedHooks(manager));
    const copy = 'Copy Snippet';
    const open = `Open ${manager.configFile}`;
    const picked = await vscode.window.showInformationMessage(
      `${path.basename(root)}'s git hooks are managed by ${manager.id}, so Change Control wrote no hook. Add its commit-msg entry to ${manager.configFile}.`,
      { modal: true, detail: manager.snippet + (manager.activate ? `\nThen run: ${manager.activate}` : '') },
      copy, open,
    );
    if (picked === copy) await vscode.env.clipboard.writeText(manager.snippet);
    if (picked === open) {
      const file = vscode.Uri.file(path.join(root, manager.configFile));
      // A missing .husky/commit-msg opens as an untitled document at that path, saved where husky looks.
      await vscode.window.showTextDocument((await isFile(file.fsPath)) ? file : file.with({ scheme: 'untitled' }));
    }
    return;
  }
  const cliPath = await refreshHookCli(context, false);
  let force = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // No install-time node fallback: process.execPath here is VS Code's Electron, not node.
      const result = await installCommitMsgHook(root, { cliPath, hookPath: path.join(path.dirname(cliPath), HOOK_FILES[0]!), force });
      logger.info(`commit-msg hook ${result.action} at ${result.hookPath}${result.backupPath ? ` (previous hook kept as ${result.backupPath})` : ''}`);
      const backup = result.backupPath ? ` The previous hook is kept as ${path.basename(result.backupPath)}.` : '';
      await vscode.window.showInformationMessage(
        result.action === 'unchanged' ? 'The commit message hook is already installed.' : `Installed the commit message hook in ${path.basename(root)}.${backup}`,
      );
      return;
    } catch (err) {
      if (force || !isChangeControlError(err, 'git.hookExists')) throw err;
      const replace = 'Replace and Keep Backup';
      const picked = await vscode.window.showWarningMessage(
        `${path.basename(root)} already has a commit-msg hook that Change Control did not write.`,
        { modal: true, detail: 'Replacing it moves it to commit-msg.backup-<n>; uninstalling restores it.' },
        replace,
      );
      if (picked !== replace) return;
      force = true;
    }
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    // Missing: nothing to refresh.
    return false;
  }
}
