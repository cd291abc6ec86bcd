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
import { finding, lineRange, MAX_FINDINGS_PER_RULE, moreFindings, type Rule } from './rules/rule';
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
 * Time is linear in the length of `text`, whatever its content.
 *
 * Never throws, and never skips a rule silently: a rule that fails
 * unexpectedly (a bug, a stack overflow) is reported as an
 * `internal-error` finding naming the rule, so the message is not taken
 * as checked when it was not. At most MAX_FINDINGS_PER_RULE findings of
 * a rule are listed, then one that counts the rest. Quick fixes are
 * computed when `fixes` is first read. `rules` is for tests; callers use
 * RULES.
 */
export function lintMessage(text: string, ctx: LintContext, rules: readonly Rule[] = RULES): Finding[] {
  const view = messageToLint(parseMessage(text, ctx.commentChar ?? '#', ctx.cleanup), ctx.merge === undefined ? {} : { merge: ctx.merge });
  if (!view) return [];
  const parsed = view.parsed;
  const findings: Finding[] = [];
  for (const rule of rules) {
    let found: Finding[];
    try {
      found = rule.check(parsed, ctx);
    } catch (error) {
      found = [internalError(rule, error, parsed.subject?.line ?? 0)];
    }
    // A loop, not push(...found): spreading very many findings would overflow the stack.
    // A rule that lists more than the cap itself (plus its own summary) is cut here.
    const listed = found.length > MAX_FINDINGS_PER_RULE + 1 ? MAX_FINDINGS_PER_RULE : found.length;
    for (let i = 0; i < listed; i++) findings.push(found[i]!);
    if (listed < found.length) findings.push(moreFindings(rule.id, found.length - listed, found[listed]!.range, `${rule.id} findings`));
  }
  return restoreFindings(findings, view.shift);
}

const MAX_REASON = 200;

/** The finding that stands in for a rule that threw: an error, so the hook blocks rather than passes. */
function internalError(rule: Rule, error: unknown, line: number): Finding {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const reason = raw.length > MAX_REASON ? `${raw.slice(0, MAX_REASON)}…` : raw;
  return finding(
    'internal-error',
    `Rule ${rule.id} could not check this message (${reason}); this is a bug in Change Control, please report it.`,
    lineRange(line, 0, 0),
  );
}
