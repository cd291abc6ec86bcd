/**
 * The text of the `commit-msg` hook Change Control installs, and how to
 * recognise it again. Pure: the adapter in src/git/hooks.ts writes files.
 *
 * The hook carries a marker line so that re-installing replaces our own
 * hook (idempotent) while a hook written by someone else is never
 * overwritten silently.
 */

/**
 * The files of the hook's own entry, side by side in one folder: hook.js
 * and the bundles it loads (scripts/lib/bundles.mjs builds them; a test
 * checks the lists agree).
 */
export const HOOK_ENTRY_FILES: readonly string[] = ['hook.js', 'hook-lint.js', 'hook-policy.js', 'hook-re2.js'];

/** The line that identifies a hook written by Change Control. */
export const HOOK_MARKER = '# change-control: commit-msg hook';

export interface HookScriptOptions {
  /** Absolute path of the CLI bundle (out/cli.js) the hook runs (`lint --hook`) when there is no hookPath. */
  cliPath: string;
  /** Absolute path of the hook's own entry (out/hook.js, next to cli.js): the same lint at a fraction of the start-up. */
  hookPath?: string;
  /** Absolute path of the node binary used at install time, tried when `node` is not on PATH. */
  nodePath?: string;
}

/** Quote a string for a POSIX shell (single quotes; embedded quotes escaped). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The hook script. It runs out/hook.js when given (else `cli.js lint
 * --hook`), prefers `node` from PATH, falls back to the node that
 * installed it, and fails with a clear message when neither exists or the
 * CLI has moved: a silently skipped check would let messages through.
 */
export function hookScript(options: HookScriptOptions): string {
  const entry = shellQuote(options.hookPath ?? options.cliPath);
  const run = options.hookPath ? '"$CC_NODE" "$CC_CLI" "$1"' : '"$CC_NODE" "$CC_CLI" lint --hook "$1"';
  const fallback = options.nodePath
    ? [`if [ -z "$CC_NODE" ] && [ -x ${shellQuote(options.nodePath)} ]; then CC_NODE=${shellQuote(options.nodePath)}; fi`]
    : [];
  return [
    '#!/bin/sh',
    HOOK_MARKER,
    '# Checks the commit message against the repository policy',
    '# (.github/change-control.json). Installed by `change-control install-hook`;',
    '# remove it with `change-control install-hook --uninstall`.',
    `CC_CLI=${entry}`,
    `CC_NODE=$(command -v node 2>/dev/null)`,
    ...fallback,
    'if [ -z "$CC_NODE" ]; then',
    '  echo "change-control: cannot check the commit message: node was not found on PATH." >&2',
    '  echo "Install Node.js 20 or later, or remove the hook with: change-control install-hook --uninstall" >&2',
    '  exit 1',
    'fi',
    'if [ ! -f "$CC_CLI" ]; then',
    '  echo "change-control: cannot check the commit message: $CC_CLI is missing." >&2',
    '  echo "Reinstall the hook (change-control install-hook, or the \\"Install Commit Message Hook\\" command)." >&2',
    '  exit 1',
    'fi',
    run,
    'status=$?',
    'if [ "$status" -ne 0 ]; then',
    '  echo "Your message is kept in $1; fix it with: git commit -e -F \\"$1\\"" >&2',
    'fi',
    'exit $status',
    '',
  ].join('\n');
}

/** True when `text` is a hook Change Control wrote (any version). */
export function isOwnHook(text: string): boolean {
  return text.split(/\r?\n/, 5).some((line) => line.trim() === HOOK_MARKER);
}

/** The name for the next backup of a foreign hook: commit-msg.backup-<n>, n not yet used. */
export function nextBackupName(hookName: string, existing: readonly string[]): string {
  const used = new Set(existing);
  for (let n = 1; ; n++) {
    const name = `${hookName}.backup-${n}`;
    if (!used.has(name)) return name;
  }
}

/** The most recent backup (highest n) among `existing`, if any. */
export function latestBackupName(hookName: string, existing: readonly string[]): string | undefined {
  const re = new RegExp(`^${hookName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.backup-(\\d+)$`);
  let best: { name: string; n: number } | undefined;
  for (const name of existing) {
    const m = re.exec(name);
    if (m && (!best || Number(m[1]) > best.n)) best = { name, n: Number(m[1]) };
  }
  return best?.name;
}
