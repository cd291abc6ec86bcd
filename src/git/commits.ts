/**
 * What the commit-message linter needs from git: the messages of a range
 * (for CI), git's comment character (core.commentChar, including 'auto')
 * and the change ticket recorded for the current branch.
 */
import { ChangeControlError } from '../core/errors';
import { TICKET_KEY } from '../core/startChangeRunner';
import { existsSync } from 'node:fs';
import { gitCall, openGit, translateGitError } from './git';

export interface RangeCommit {
  sha: string;
  /** Number of parents; more than one is a merge. */
  parents: number;
  subject: string;
  /** The full raw message (%B). */
  message: string;
}

/** Git's default comment character. */
export const DEFAULT_COMMENT_CHAR = '#';

/** Candidates git tries, in order, for core.commentChar=auto (builtin/commit.c). */
const AUTO_CANDIDATES = '#;@!$%^&|:';

const RECORD_END = '\x1e';
const FIELD_END = '\x00';

/** Every commit in `range` (e.g. "origin/main..HEAD"), oldest first. */
export async function commitsInRange(root: string, range: string): Promise<RangeCommit[]> {
  if (!range || range.startsWith('-')) {
    throw new ChangeControlError('usage', `"${range}" is not a commit range; write it as A..B (for example origin/main..HEAD).`);
  }
  let out: string;
  try {
    out = await openGit(root).raw(['log', '--reverse', '--format=%H%x00%P%x00%B%x1e', range, '--']);
  } catch (err) {
    const translated = translateGitError(err, `Read the commits of ${range}`);
    if (translated.code !== 'git.baseNotFound') throw translated;
    throw new ChangeControlError('usage', `"${range}" names a revision this repository does not have; fetch it first or check the spelling.`, { cause: err });
  }
  return out
    .split(RECORD_END)
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record.includes(FIELD_END))
    .map((record) => {
      const [sha = '', parents = '', message = ''] = record.split(FIELD_END);
      return {
        sha,
        parents: parents.trim() ? parents.trim().split(/\s+/).length : 0,
        subject: message.split('\n', 1)[0] ?? '',
        message,
      };
    });
}

/**
 * core.commentChar as configured ('#' when unset; may be 'auto'). Git 2.45
 * added core.commentString as a synonym; whichever is set last wins.
 */
export async function readCommentCharSetting(root: string): Promise<string> {
  const out = await gitCall('Read git config core.commentChar', () =>
    openGit(root).raw(['config', '--get-regexp', '^core\\.comment(char|string)$']),
  );
  const last = out.split(/\r?\n/).filter(Boolean).pop();
  const value = last ? last.slice(last.indexOf(' ') + 1) : '';
  return value === '' ? DEFAULT_COMMENT_CHAR : value;
}

/**
 * The comment character in effect for `message`. For 'auto', git picks the
 * first candidate that starts no line of the message it prepared and then
 * writes its instructions with it: find that instruction line, or fall back
 * to the first candidate no line starts with.
 */
export function resolveCommentChar(setting: string, message: string): string {
  if (setting !== 'auto') return setting || DEFAULT_COMMENT_CHAR;
  const instruction = /^(\S+) Please enter the commit message/m.exec(message);
  if (instruction?.[1]) return instruction[1];
  const starts = new Set(message.split(/\r?\n/).map((line) => line.charAt(0)));
  for (const c of AUTO_CANDIDATES) if (!starts.has(c)) return c;
  return DEFAULT_COMMENT_CHAR;
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
