/**
 * What the commit-msg hook needs from git, in two git processes and
 * without simple-git: the work tree root (`rev-parse --show-toplevel`)
 * and, in one `git config -z --get-regexp`, the comment character
 * (core.commentChar / core.commentString) and the cleanup settings
 * (commit.cleanup, commit.verbose). The hook runs on every commit, and
 * simple-git with its dependencies costs more to load than the lint
 * itself; src/git/commits.ts reads the same settings for `lint` and the
 * editor. Git runs with argument arrays (spawnSync, no shell), no prompt,
 * and LC_ALL=C, like src/git/git.ts. spawnSync, one git after the other:
 * both take a few milliseconds, and node's asynchronous child processes
 * (a stream and a socket per pipe) cost more CPU than the two gits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ChangeControlError } from '../core/errors';

/** Git's settings for linting the hook's message; `root` is undefined outside a work tree. */
export interface HookGitSettings {
  root?: string;
  /** core.commentChar as configured ('#' when unset; may be 'auto'). */
  commentChar: string;
  /** commit.cleanup, when set. */
  cleanup?: string;
  /** commit.verbose, as git reads it (bool or int). */
  verbose: boolean;
}

const SETTINGS_PATTERN = '^(core\\.comment(char|string)|commit\\.(cleanup|verbose))$';

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runGit(cwd: string, args: readonly string[]): GitResult {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', GCM_INTERACTIVE: 'never', LC_ALL: 'C' };
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1024 * 1024, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw new ChangeControlError('git.failed', `Cannot run git: ${r.error.message}`, { cause: r.error });
  // Killed by a signal: a failure (-1 is no exit code git uses).
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Read the root and the settings. */
export function readHookGitSettings(cwd: string): Promise<HookGitSettings> {
  try {
    return Promise.resolve(readHookGitSettingsSync(cwd));
  } catch (err) {
    return Promise.reject(err as Error);
  }
}

function readHookGitSettingsSync(cwd: string): HookGitSettings {
  if (!existsSync(cwd)) return { commentChar: '#', verbose: false };
  const top = runGit(cwd, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) {
    // Outside a work tree (or in a bare repository) the defaults apply, as in `lint`;
    // any other failure must not silently drop the repository's policy.
    if (/not a git repository|must be run in a work tree/i.test(top.stderr)) return { commentChar: '#', verbose: false };
    throw gitFailed('Find the repository', top.stderr);
  }
  const config = runGit(cwd, ['config', '-z', '--get-regexp', SETTINGS_PATTERN]);
  // Exit 1: none of the keys is set.
  if (config.code !== 0 && config.code !== 1) throw gitFailed('Read git config', config.stderr);
  const root = top.stdout.replace(/\r?\n$/, '');
  return { ...(root ? { root } : {}), ...parseHookConfig(config.stdout) };
}

/**
 * The settings from `git config -z --get-regexp` output ("key\nvalue\0",
 * or "key\0" for a key without a value). The last value of a key wins, as
 * in `git config --get`; core.commentString is a synonym of
 * core.commentChar (whichever is set last wins). An invalid
 * commit.verbose is an error, as it is for git.
 */
export function parseHookConfig(out: string): Omit<HookGitSettings, 'root'> {
  let commentChar = '';
  let cleanup: string | undefined;
  let verbose = false;
  for (const entry of out.split('\0')) {
    if (!entry) continue;
    const newline = entry.indexOf('\n');
    const key = (newline < 0 ? entry : entry.slice(0, newline)).toLowerCase();
    const value = newline < 0 ? undefined : entry.slice(newline + 1);
    if (key === 'core.commentchar' || key === 'core.commentstring') commentChar = value ?? '';
    else if (key === 'commit.cleanup') cleanup = value ?? '';
    else if (key === 'commit.verbose') {
      const parsed = parseGitBoolOrInt(value);
      if (parsed === undefined) throw new ChangeControlError('git.failed', `Read git config commit.verbose: git failed: bad boolean config value '${value}' for 'commit.verbose'`);
      verbose = parsed;
    }
  }
  return { commentChar: commentChar || '#', ...(cleanup ? { cleanup } : {}), verbose };
}

/** Git's bool-or-int reading (config.c): true/yes/on, false/no/off/'', or an integer (k/m/g units); undefined when neither. */
export function parseGitBoolOrInt(value: string | undefined): boolean | undefined {
  if (value === undefined) return true;
  const word = value.toLowerCase();
  if (word === 'true' || word === 'yes' || word === 'on') return true;
  if (word === 'false' || word === 'no' || word === 'off' || word === '') return false;
  const m = /^\s*([-+]?\d+)([kmg]?)$/i.exec(value);
  if (!m) return undefined;
  return Number(m[1]) !== 0;
}

function gitFailed(context: string, stderr: string): ChangeControlError {
  const said = stderr.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).join(' ');
  return new ChangeControlError('git.failed', `${context}: git failed: ${said}`);
}
