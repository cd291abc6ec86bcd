/**
 * The one way to reach git: simple-git, which spawns git with argument
 * arrays (never a shell string). Errors are translated once, here, into
 * ChangeControlError codes through one regex table.
 */
import * as path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { ChangeControlError, type ErrorCode } from '../core/errors';

export interface OpenGitOptions {
  /** Abort long operations (fetch, push). */
  signal?: AbortSignal;
  /** Milliseconds without output before a git process is killed. */
  timeoutMs?: number;
}

export function openGit(root: string, options: OpenGitOptions = {}): SimpleGit {
  return simpleGit({
    baseDir: root,
    binary: 'git',
    maxConcurrentProcesses: 4,
    trimmed: false,
    ...(options.signal ? { abort: options.signal } : {}),
    ...(options.timeoutMs ? { timeout: { block: options.timeoutMs } } : {}),
    // Never let git prompt: no stdin in the extension host or CI. The
    // blanked askpass variables and the user's own SSH command are safe;
    // simple-git refuses them (and any editor or pager) unless allowed.
    // Config-path variables (GIT_CONFIG_GLOBAL, GIT_EXEC_PATH, PREFIX) come
    // from the user's own environment, never from a repository.
    unsafe: { allowUnsafeAskPass: true, allowUnsafeSshCommand: true, allowUnsafeConfigPaths: true },
  }).env({ ...withoutInteractiveTools(process.env), GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', GCM_INTERACTIVE: 'never', LC_ALL: 'C' });
}

/** Editors and pagers are never needed (nothing interactive runs); simple-git rejects them. */
function withoutInteractiveTools(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (!/^(?:EDITOR|VISUAL|PAGER|GIT_EDITOR|GIT_SEQUENCE_EDITOR|GIT_PAGER)$/i.test(key)) out[key] = value;
  }
  return out;
}

/** stderr pattern → code. First match wins. */
const GIT_ERROR_TABLE: [RegExp, ErrorCode, string][] = [
  [/not a git repository/i, 'git.notARepository', 'This folder is not a git repository.'],
  [/a branch named .* already exists|already exists/i, 'git.branchExists', 'The branch already exists.'],
  [/is not a valid branch name|not a valid ref name|invalid refspec/i, 'git.invalidBranchName', 'The branch name is not valid.'],
  [/would be overwritten by (checkout|merge)|Your local changes/i, 'git.dirtyWorkTree', 'Uncommitted changes are in the way.'],
  [/You are in the middle of a merge|MERGE_HEAD exists|unmerged files/i, 'git.mergeInProgress', 'A merge is in progress.'],
  [/rebase in progress|It seems that there is already a rebase-merge/i, 'git.rebaseInProgress', 'A rebase is in progress.'],
  [/\[rejected\]|failed to push some refs|non-fast-forward/i, 'git.pushRejected', 'The remote rejected the push.'],
  [/Could not read from remote repository|unable to access|Could not resolve host|Connection refused|timed out|does not appear to be a git repository/i, 'git.fetchFailed', 'The remote could not be reached.'],
  [/No such remote|No configured push destination/i, 'git.noRemote', 'The repository has no such remote.'],
  [/unknown revision|bad revision|ambiguous argument|invalid upstream/i, 'git.baseNotFound', 'A revision was not found.'],
];

/** Translate anything simple-git throws into a ChangeControlError (keeping the cause). */
export function translateGitError(err: unknown, context?: string): ChangeControlError {
  if (err instanceof ChangeControlError) return err;
  const text = err instanceof Error ? err.message : String(err);
  for (const [re, code, summary] of GIT_ERROR_TABLE) {
    if (re.test(text)) {
      return new ChangeControlError(code, context ? `${context}: ${summary}` : summary, { cause: err, detail: { stderr: firstLines(text) } });
    }
  }
  return new ChangeControlError('git.failed', `${context ? `${context}: ` : ''}git failed: ${firstLines(text)}`, { cause: err });
}

/** Run a git operation, translating its failure. */
export async function gitCall<T>(context: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw translateGitError(err, context);
  }
}

/**
 * True when `ref` names a commit. For a missing ref `rev-parse -q --verify`
 * exits 1 without a word, which simple-git resolves as ''; a real failure
 * (not a repository) still throws, translated.
 */
export async function commitExists(git: SimpleGit, ref: string): Promise<boolean> {
  const out = await gitCall(`Look up ${ref}`, () => git.raw(['rev-parse', '-q', '--verify', '--end-of-options', `${ref}^{commit}`]));
  return out.trim() !== '';
}

/** Split NUL-terminated git output (`-z`) into its non-empty entries. */
export function parseNulList(output: string): string[] {
  return output.split('\0').filter((s) => s !== '');
}

/**
 * Absolute path of `name` inside the git folder (`git rev-parse
 * --git-path`), where Change Control keeps its own files.
 */
export async function gitPath(root: string, name: string): Promise<string> {
  const out = await gitCall('Finding the git folder', () => openGit(root).raw(['rev-parse', '--git-path', name]));
  return path.resolve(root, out.trim());
}

function firstLines(text: string): string {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).join(' ');
}
