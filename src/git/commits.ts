/**
 * What the commit-message linter needs from git: the messages of a range
 * (for CI), git's comment character (core.commentChar, including 'auto'),
 * the settings that decide git's cleanup (commit.cleanup, commit.verbose)
 * and the change ticket recorded for the current branch. Git output is
 * read NUL-separated (`-z`): a message may hold any other byte.
 */
import { ChangeControlError } from '../core/errors';
import { TICKET_KEY, type RangeCommit } from '../core/ports';
import { existsSync } from 'node:fs';
import { gitCall, openGit, translateGitError } from './git';
import { DEFAULT_COMMENT_CHAR, resolveCommentChar } from '../core/commitMessage/commentChar';

export { DEFAULT_COMMENT_CHAR, resolveCommentChar };


/** Every commit in `range` (e.g. "origin/main..HEAD"), oldest first. */
export async function commitsInRange(root: string, range: string): Promise<RangeCommit[]> {
  if (!range || range.startsWith('-')) {
    throw new ChangeControlError('usage', `"${range}" is not a commit range; write it as A..B (for example origin/main..HEAD).`);
  }
  let out: string;
  try {
    out = await openGit(root).raw(['log', '-z', '--reverse', '--format=%H%x00%P%x00%B', range, '--']);
  } catch (err) {
    const translated = translateGitError(err, `Read the commits of ${range}`);
    if (translated.code !== 'git.baseNotFound') throw translated;
    throw new ChangeControlError('usage', `"${range}" names a revision this repository does not have; fetch it first or check the spelling.`, { cause: err });
  }
  return parseNulRecords(out, 3, `the commits of ${range}`).map(([sha = '', parents = '', message = '']) => ({
    sha,
    parents: parents.trim() ? parents.trim().split(/\s+/).length : 0,
    subject: message.split('\n', 1)[0] ?? '',
    message,
  }));
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * Splits `git log -z` output whose format is `%H%x00…` with `fields`
 * NUL-separated fields per commit. Each record must start with a commit
 * id: a message that held a NUL byte would shift the fields, and then
 * reading stops with an error instead of linting the wrong text.
 */
export function parseNulRecords(out: string, fields: number, what: string): string[][] {
  const parts = out.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  const records: string[][] = [];
  for (let i = 0; i < parts.length; i += fields) {
    const record = parts.slice(i, i + fields);
    if (record.length !== fields || !SHA.test(record[0]!)) {
      throw new ChangeControlError('git.failed', `Cannot read ${what}: git printed a record that is not a commit (a NUL byte in a message?).`);
    }
    records.push(record);
  }
  return records;
}

/**
 * core.commentChar as configured ('#' when unset; may be 'auto'). Git 2.45
 * added core.commentString as a synonym; whichever is set last wins.
 */
export async function readCommentCharSetting(root: string): Promise<string> {
  const out = await gitCall('Read git config core.commentChar', () =>
    openGit(root).raw(['config', '-z', '--get-regexp', '^core\\.comment(char|string)$']),
  );
  // -z: each entry is "key\nvalue\0".
  const last = out.split('\0').filter(Boolean).pop();
  const value = last?.includes('\n') ? last.slice(last.indexOf('\n') + 1) : '';
  return value === '' ? DEFAULT_COMMENT_CHAR : value;
}

/** What decides git's cleanup, as configured: commit.cleanup and commit.verbose (see core cleanup.ts). */
export async function readCleanupSettings(root: string): Promise<{ setting?: string; verbose: boolean }> {
  const [setting, verbose] = await Promise.all([
    readConfig(root, 'commit.cleanup'),
    gitCall('Read git config commit.verbose', () => openGit(root).raw(['config', '--type=bool-or-int', '--default', 'false', '--get', 'commit.verbose'])),
  ]);
  const v = verbose.trim();
  return { ...(setting ? { setting } : {}), verbose: v === 'true' || (/^\d+$/.test(v) && Number(v) > 0) };
}

/** The current branch, or undefined on a detached HEAD. */
export async function currentBranch(root: string): Promise<string | undefined> {
  try {
    const out = await openGit(root).raw(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    return out.trim() || undefined;
  } catch {
    // Detached HEAD (exit 1): no branch, so no branch ticket.
    return undefined;
  }
}

/** The ticket Start Change recorded for the current branch (git config branch.<name>.changeTicket). */
export async function readBranchTicket(root: string, branch?: string): Promise<string | undefined> {
  const name = branch ?? (await currentBranch(root));
  if (!name) return undefined;
  return (await readConfig(root, `branch.${name}.${TICKET_KEY}`)) || undefined;
}

async function readConfig(root: string, key: string): Promise<string> {
  const out = await gitCall(`Read git config ${key}`, () => openGit(root).raw(['config', '--default', '', '--get', key]));
  return out.replace(/\r?\n$/, '');
}

/** The top folder of the work tree containing `cwd`, or undefined outside one. */
export async function workTreeRoot(cwd: string): Promise<string | undefined> {
  if (!existsSync(cwd)) return undefined;
  try {
    const out = await openGit(cwd).raw(['rev-parse', '--show-toplevel']);
    return out.trim() || undefined;
  } catch (err) {
    // Outside a work tree (or in a bare repository) the caller uses defaults;
    // any other failure must not silently drop the repository's policy.
    const translated = translateGitError(err, 'Find the repository');
    if (translated.code === 'git.notARepository' || /must be run in a work tree/i.test(translated.message)) return undefined;
    throw translated;
  }
}
