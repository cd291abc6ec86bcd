/**
 * `change-control install-hook [--force] [--uninstall] [--cli PATH]`:
 * installs the commit-msg hook that runs `change-control lint` on every
 * commit, so nobody routes around the rules. In a repository whose hooks a
 * hook manager runs (husky, lefthook, pre-commit) it writes nothing and
 * prints what to add to that manager's configuration.
 */
import { existsSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { ChangeControlError } from '../../core/errors';
import { requireWorkTree } from '../context';
import { describeManagedHooks } from '../../core/hookManagers';
import { findHookManager } from '../../git/hookManagers';
import { installCommitMsgHook, uninstallCommitMsgHook } from '../../git/hooks';
import { EXIT, type CliCommand, type CliIo } from '../io';

const USAGE = 'change-control install-hook [--force] [--uninstall] [--cli PATH]';

export interface InstallHookArgs {
  force: boolean;
  uninstall: boolean;
  cliPath?: string;
}

export function parseInstallHookArgs(args: readonly string[]): InstallHookArgs {
  const out: InstallHookArgs = { force: false, uninstall: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--force' || arg === '-f') out.force = true;
    else if (arg === '--uninstall') out.uninstall = true;
    else if (arg === '--cli' || arg.startsWith('--cli=')) {
      const value = arg === '--cli' ? args[++i] : arg.slice('--cli='.length);
      if (!value) throw usage('--cli needs the path of cli.js.');
      out.cliPath = value;
    } else throw usage(`unknown argument "${arg}".`);
  }
  if (out.force && out.uninstall) throw usage('--force and --uninstall do not go together.');
  return out;
}

export const installHookCommand: CliCommand = {
  name: 'install-hook',
  summary: 'Install (or --uninstall) the commit-msg hook that lints every commit message',
  usage: USAGE,
  run: (args, io) => runInstallHook(parseInstallHookArgs(args), io),
};

async function runInstallHook(args: InstallHookArgs, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'install-hook');
  if (args.uninstall) {
    const result = await uninstallCommitMsgHook(root);
    const said = {
      removed: `Removed the commit-msg hook ${result.hookPath}.`,
      restored: `Removed the commit-msg hook and restored ${path.basename(result.restoredFrom ?? '')} to ${result.hookPath}.`,
      notInstalled: `No Change Control commit-msg hook is installed (${result.hookPath}).`,
    }[result.action];
    io.stdout(`${said}\n`);
    return EXIT.ok;
  }
  const manager = await findHookManager(root);
  if (manager) {
    // husky, lefthook and pre-commit rewrite the hooks they manage: say what to add to their configuration instead.
    io.stdout(describeManagedHooks(manager));
    return EXIT.ok;
  }
  const cliPath = resolveCliPath(args.cliPath, io);
  const hookPath = hookEntryBeside(cliPath);
  const result = await installCommitMsgHook(root, { cliPath, ...(hookPath ? { hookPath } : {}), nodePath: process.execPath, force: args.force });
  if (result.backupPath) io.stdout(`Moved the existing commit-msg hook to ${result.backupPath}.\n`);
  const said = { installed: 'Installed', updated: 'Updated', unchanged: 'Already up to date:' }[result.action];
  io.stdout(`${said} the commit-msg hook ${result.hookPath} (runs ${hookPath ?? `${cliPath} lint --hook`}).\n`);
  return EXIT.ok;
}

/** The CLI bundle the hook will run: --cli, else the script running now (symlinks resolved). */
function resolveCliPath(given: string | undefined, io: CliIo): string {
  const candidate = given ? path.resolve(io.cwd, given) : process.argv[1];
  if (!candidate) throw usage('cannot tell where cli.js is; pass --cli PATH.');
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    throw usage(`${candidate} does not exist; pass --cli with the path of out/cli.js.`);
  }
  if (!real.endsWith('.js')) throw usage(`${real} is not the built CLI (out/cli.js); run "npm run build" and use node out/cli.js, or pass --cli.`);
  return real;
}

/** The hook's own entry, hook.js, when it was built or shipped next to cli.js with its hook-lint.js. */
export function hookEntryBeside(cliPath: string): string | undefined {
  const dir = path.dirname(cliPath);
  const hook = path.join(dir, 'hook.js');
  return existsSync(hook) && existsSync(path.join(dir, 'hook-lint.js')) ? hook : undefined;
}

function usage(reason: string): ChangeControlError {
  return new ChangeControlError('usage', `${reason}\nusage: ${USAGE}`);
}
