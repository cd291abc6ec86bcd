/**
 * Shared types of the commit-message linter. Positions are 0-based and in
 * the ORIGINAL document's coordinates (comment lines and the scissors tail
 * are skipped, never deleted), `character` counts UTF-16 code units so the
 * editor can place squiggles directly.
 */
import type { Policy } from '../policy/schema';
import type { Cleanup } from './cleanup';

export type RuleId =
  | 'subject-empty'
  | 'subject-max-length'
  | 'blank-line-after-subject'
  | 'body-max-line-length'
  | 'present-tense'
  | 'ticket-reference'
  /** Range mode only (CI): a `fixup!`/`squash!`/`amend!` commit left unsquashed. */
  | 'unsquashed-fixup'
  /** Not a rule: a rule failed unexpectedly and could not check the message. */
  | 'internal-error';

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** Imperative title for the quick fix ("Change “Added” to “Add”"). */
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

export interface LintContext {
  policy: Policy;
  /** git's core.commentChar; '#' by default. 'auto' is resolved by the caller. */
  commentChar?: string;
  /**
   * Which lines git keeps (cleanup.ts): an edited message by default
   * (comments dropped); a stored commit is STORED_MESSAGE.
   */
  cleanup?: Cleanup;
  /** Known to be a merge commit (or known not to be: `false`); see gitMessages.ts. */
  merge?: boolean;
  /** The ticket recorded for the current branch, offered by the ticket quick fix. */
  branchTicket?: string;
  /** Restricted Mode withheld the repository's ticket pattern: the default applies, and the finding says so. */
  ticketPatternWithheld?: boolean;
}
