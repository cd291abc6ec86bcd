/**
 * The shape of one commit-message rule. Rules are pure, synchronous and
 * never throw; every limit comes from the repository policy in the context.
 */
import type { ParsedMessage } from '../parse';
import type { Finding, Fix, LintContext, Range, RuleId } from '../types';

export interface Rule {
  /** Stable kebab-case id, shown in diagnostics and documented. */
  id: RuleId;
  /** One sentence for the docs and `--help`. */
  description: string;
  check(parsed: ParsedMessage, ctx: LintContext): Finding[];
}

/** A range on one line. */
export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Every policy rule is an error by default: the policy says "must". */
export function finding(ruleId: RuleId, message: string, range: Range, fixes: Fix[] = []): Finding {
  return { ruleId, severity: 'error', message, range, fixes };
}
