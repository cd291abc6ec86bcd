/**
 * `change-control install-hook [--force] [--uninstall] [--cli PATH]`:
 * installs the commit-msg hook that runs `change-control lint` on every
 * commit, so nobody routes around the rules. In a repository whose hooks a
 * hook manager runs (husky, lefthook, pre-commit) it writes nothing and
 * prints what to add to that manager's configuration.
 */
import { existsSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { requireWorkTree } from '../context';
import { HOOK_ENTRY_FILES } from '../../core/hook';
import { describeManagedHooks } from '../../core/hookManagers';
import { findHookManager } from '../../git/hookManagers';
import { installCommitMsgHook, uninstallCommitMsgHook } from '../../git/hooks';
import { parseCommandArgs, usageError, type CommandSpec } from '../args';
import { EXIT, cliCommand, type CliIo } from '../io';

export interface InstallHookArgs {
  force: boolean;
  uninstall: boolean;
  cliPath?: string;
}

const spec = {
  name: 'install-hook',
  summary: 'Install (or --uninstall) the commit-msg hook that lints every commit message',
  options: {
    force: { type: 'boolean', short: 'f', description: 'Replace a commit-msg hook that is not ours (it is kept as a backup)' },
    uninstall: { type: 'boolean', description: 'Remove our hook (and restore the one it replaced)' },
    cli: { type: 'string', value: 'PATH', defaultText: 'the cli.js running now', description: 'The built CLI (out/cli.js) the hook runs' },
  },
  exclusive: [['force', 'uninstall']],
} as const satisfies CommandSpec;

export function parseInstallHookArgs(args: readonly string[]): InstallHookArgs {
  const { values } = parseCommandArgs(spec, args);
  return { force: values.force, uninstall: values.uninstall, ...(values.cli !== undefined ? { cliPath: values.cli } : {}) };
}

export const installHookCommand = cliCommand(spec, (args, io) => runInstallHook(parseInstallHookArgs(args), io));

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
  if (!candidate) throw usageError(spec, 'cannot tell where cli.js is; pass --cli PATH.');
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    throw usageError(spec, `${candidate} does not exist; pass --cli with the path of out/cli.js.`);
  }
  if (!real.endsWith('.js')) throw usageError(spec, `${real} is not the built CLI (out/cli.js); run "npm run build" and use node out/cli.js, or pass --cli.`);
  return real;
}

/** The hook's own entry, hook.js, when it was built or shipped next to cli.js with all its bundles. */
export function hookEntryBeside(cliPath: string): string | undefined {
  const dir = path.dirname(cliPath);
  return HOOK_ENTRY_FILES.every((file) => existsSync(path.join(dir, file))) ? path.join(dir, 'hook.js') : undefined;
}
