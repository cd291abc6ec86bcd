/**
 * The commit-message linter: one pure, synchronous entry point shared by
 * the editor diagnostics, the CLI and the commit-msg hook.
 *
 * Severity: every rule reports an error (the policy says "must"); callers
 * decide what an error blocks. Git's own messages (`Merge …`, `Revert "…"`
 * exactly as git words them) pass every rule; after a `fixup!` prefix the
 * rest is linted as the subject (gitMessages.ts).
 */
import { messageToLint, restoreFindings } from './gitMessages';
import { parseMessage } from './parse';
import { blankLineAfterSubject } from './rules/blankLineAfterSubject';
import { bodyMaxLineLength } from './rules/bodyMaxLineLength';
import { presentTense } from './rules/presentTense';
import type { Rule } from './rules/rule';
import { subjectEmpty } from './rules/subjectEmpty';
import { subjectMaxLength } from './rules/subjectMaxLength';
import { ticketReference } from './rules/ticketReference';
import type { Finding, LintContext } from './types';

/** Every rule, in reporting order (ids and descriptions feed the docs). */
export const RULES: readonly Rule[] = [
  subjectEmpty,
  subjectMaxLength,
  blankLineAfterSubject,
  bodyMaxLineLength,
  presentTense,
  ticketReference,
];

/**
 * Lint a commit message. Positions are 0-based in `text` itself (comment
 * lines and the scissors tail are skipped, not removed; CRLF is fine).
 * Never throws: a rule that fails unexpectedly is skipped, since a linter
 * bug must never block a commit.
 */
export function lintMessage(text: string, ctx: LintContext): Finding[] {
  const view = messageToLint(parseMessage(text, ctx.commentChar ?? '#', ctx.cleanup), ctx.merge === undefined ? {} : { merge: ctx.merge });
  if (!view) return [];
  const parsed = view.parsed;
  const findings: Finding[] = [];
  for (const rule of RULES) {
    try {
      findings.push(...rule.check(parsed, ctx));
    } catch {
      // Deliberately ignored: see the function comment; rules are tested not to throw.
    }
  }
  return restoreFindings(findings, view.shift);
}
