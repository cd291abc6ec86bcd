/**
 * Hook managers (husky, lefthook, the pre-commit framework) own a
 * repository's git hooks: writing our hook into the folder they manage
 * would be overwritten, or would silently replace theirs. This module
 * tells, from what a probe found in the repository, which manager is in
 * charge and what to add to its configuration instead. Pure: the probe
 * (file existence, core.hooksPath) lives in src/git/hookManagers.ts.
 */

export type HookManagerId = 'husky' | 'lefthook' | 'pre-commit';

/** Files whose presence marks a manager, relative to the work tree root. */
export const HOOK_MANAGER_FILES: Readonly<Record<HookManagerId, readonly string[]>> = {
  husky: ['.husky'],
  lefthook: ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml', 'lefthook.json', '.lefthook.json', 'lefthook.toml', '.lefthook.toml'],
  'pre-commit': ['.pre-commit-config.yaml', '.pre-commit-config.yml'],
};

export interface HookManagerProbe {
  /** Which of HOOK_MANAGER_FILES exist. */
  present: ReadonlySet<string>;
  /** git's core.hooksPath, when set (husky points it at .husky/_). */
  hooksPath?: string;
}

export interface DetectedHookManager {
  id: HookManagerId;
  /** What gave it away, for the message: a file name or the hooksPath setting. */
  evidence: string;
  /** The file to edit, relative to the root. */
  configFile: string;
  /** What to add there. */
  snippet: string;
  /** The command that activates it, when the manager needs one. */
  activate?: string;
}

/** The first manager the probe shows, husky's hooksPath first (it decides where git looks today). */
export function detectHookManager(probe: HookManagerProbe): DetectedHookManager | undefined {
  const hooksPath = probe.hooksPath?.trim().replace(/\\/g, '/').replace(/\/+$/, '');
  if (hooksPath && /(^|\/)\.husky(\/_)?$/.test(hooksPath)) return recipe('husky', `core.hooksPath=${probe.hooksPath?.trim()}`);
  for (const id of ['husky', 'lefthook', 'pre-commit'] as const) {
    const file = HOOK_MANAGER_FILES[id].find((f) => probe.present.has(f));
    if (file) return recipe(id, file, id === 'lefthook' ? file : undefined);
  }
  return undefined;
}

/**
 * The packaged hook's entry, from the work tree root where husky and
 * lefthook run their commands: the lint-only hook.js (same findings as
 * `change-control lint --hook`) started by node directly, since npx would
 * start npm first and cost several times the lint.
 */
const PACKAGED_HOOK = 'node node_modules/change-control/hook.js';

/** The configuration that runs our linter on the commit-msg hook, per manager. */
export function recipe(id: HookManagerId, evidence: string, configFile?: string): DetectedHookManager {
  switch (id) {
    case 'husky':
      return { id, evidence, configFile: '.husky/commit-msg', snippet: `${PACKAGED_HOOK} "$1"\n` };
    case 'lefthook':
      return {
        id, evidence, configFile: configFile ?? 'lefthook.yml', activate: 'npx lefthook install',
        snippet: ['commit-msg:', '  commands:', '    change-control:', `      run: ${PACKAGED_HOOK} {1}`, ''].join('\n'),
      };
    case 'pre-commit':
      return {
        id, evidence, configFile: '.pre-commit-config.yaml', activate: 'pre-commit install --hook-type commit-msg',
        snippet: ['repos:', '  - repo: https://github.com/change-control/change-control', '    rev: v0.1.0', '    hooks:',
          '      - id: change-control', ''].join('\n'),
      };
  }
}

/** One message for the CLI and the editor: who manages the hooks, and what to add where. */
export function describeManagedHooks(found: DetectedHookManager): string {
  const name = { husky: 'husky', lefthook: 'lefthook', 'pre-commit': 'the pre-commit framework' }[found.id];
  const then = found.activate ? `\nThen run: ${found.activate}` : '';
  return `This repository's git hooks are managed by ${name} (${found.evidence}), so no hook was written.\n`
    + `Add this to ${found.configFile}:\n\n${found.snippet}${then}\n`;
}
