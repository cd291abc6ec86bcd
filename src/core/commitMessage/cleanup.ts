/**
 * Which lines of a message git keeps, so the linter checks the message
 * git will store and not a guess at it. Git's rules (builtin/commit.c
 * `cleanup_mode`, sequencer.c `cleanup_message`):
 *
 * - `commit.cleanup` (or `--cleanup`) `default`: `strip` when an editor
 *   opened, else `whitespace`. `scissors` is `whitespace` without an
 *   editor. `strip` drops comment lines; `whitespace` and `verbatim` keep
 *   them: `git commit -m "#12 Fix the login timeout"` stores that line.
 * - Git truncates at the first scissors line only in `scissors` mode or
 *   with `--verbose` (`commit.verbose`); otherwise the lines after it are
 *   stored too (`git commit -F msg` keeps them).
 *
 * The commit-msg hook gets only the file, but git tells it whether an
 * editor ran: it sets `GIT_EDITOR=:` for the hook when none will
 * (commit.c `run_commit_hook`). In an editor session, the help text git
 * wrote says which mode applies ("will be ignored" / "will be kept"), and
 * a `-v` diff comes after git's own cut block (the scissors line followed
 * by its comment lines). `--cleanup` and `-v` given on the command line
 * are not visible to the hook; those cases fall back to the config.
 */

/** How the linter reads a message: what git drops before storing it. */
export interface Cleanup {
  /** Lines starting with the comment character are dropped (git's `strip`). */
  stripComments: boolean;
  /**
   * When git truncates at the first scissors line: `always` (scissors mode,
   * `--verbose`), `never`, or `ifGitCutBlock` (an editor session: only when
   * git wrote its own cut block, which it does for `-v` and scissors mode).
   */
  cut: 'always' | 'never' | 'ifGitCutBlock';
}

/** A message typed in an editor (COMMIT_EDITMSG, default cleanup): comments dropped. */
export const EDITED_MESSAGE: Cleanup = { stripComments: true, cut: 'ifGitCutBlock' };

/** A commit already stored (`git log`): every line is content. */
export const STORED_MESSAGE: Cleanup = { stripComments: false, cut: 'never' };

/** A message given to git without an editor (`-m`, `-F`, VS Code's input box), default cleanup. */
export const NO_EDITOR_MESSAGE: Cleanup = { stripComments: false, cut: 'never' };

/** The values of `commit.cleanup` / `--cleanup`. */
export const CLEANUP_SETTINGS = ['default', 'strip', 'whitespace', 'verbatim', 'scissors'] as const;

export interface CleanupFacts {
  /** `commit.cleanup` (or `--cleanup`); unset and unknown values mean `default`. */
  setting?: string;
  /** An editor opened on the message (in the hook: GIT_EDITOR is not ":"). */
  editor: boolean;
  /** `commit.verbose` (or `-v`): git truncates at the scissors line in every mode. */
  verbose?: boolean;
}

/**
 * Git's cleanup for a message, from what is known about how it was made.
 * `text` is the message file: in an editor session git's help text names
 * the mode, which wins over the config (a `--cleanup` flag shows there).
 */
export function gitCleanup(facts: CleanupFacts, text = ''): Cleanup {
  const setting = (CLEANUP_SETTINGS as readonly string[]).includes(facts.setting ?? '') ? facts.setting : 'default';
  let mode: 'strip' | 'whitespace' | 'verbatim' | 'scissors';
  if (setting === 'default') mode = facts.editor ? 'strip' : 'whitespace';
  else if (setting === 'scissors') mode = facts.editor ? 'scissors' : 'whitespace';
  else mode = setting as 'strip' | 'whitespace' | 'verbatim';
  let stripComments = mode === 'strip';
  if (facts.editor) {
    const help = helpTextMode(text);
    if (help) stripComments = help === 'ignored';
  }
  const cut = mode === 'scissors' || facts.verbose ? 'always' : facts.editor ? 'ifGitCutBlock' : 'never';
  return { stripComments, cut };
}

/** Git's editor help: "Lines starting with '#' will be ignored" (strip) or "will be kept". */
const HELP = /^\S+ with '[^'\n]+' will be (ignored|kept)\b/m;

function helpTextMode(text: string): 'ignored' | 'kept' | undefined {
  const m = HELP.exec(text);
  return m ? (m[1] as 'ignored' | 'kept') : undefined;
}
