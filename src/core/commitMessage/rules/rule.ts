/**
 * The shape of one commit-message rule. Rules are pure, synchronous and
 * never throw; every limit comes from the repository policy in the context.
 */
import type { ParsedMessage } from '../parse';
import type { Finding, Fix, LintContext, Range, RuleId, Severity } from '../types';

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

/**
 * Every policy rule is an error by default: the policy says "must".
 * `fixes` may be a function: it then runs when `fixes` is first read (the
 * editor's code actions, Fix All), not on every lint, and its result is
 * kept. A rewrap of a 1 MB paragraph costs more than linting it.
 */
export function finding(ruleId: RuleId, message: string, range: Range, fixes: Fix[] | (() => Fix[]) = [], severity: Severity = 'error'): Finding {
  if (typeof fixes !== 'function') return { ruleId, severity, message, range, fixes };
  const compute = lazy(fixes);
  return {
    ruleId,
    severity,
    message,
    range,
    get fixes(): Fix[] {
      return compute();
    },
  };
}

/** `compute`, run at most once: its result is kept and returned to every later call. */
export function lazy<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/**
 * At most this many findings of one rule are listed; the rest become one
 * summary finding. Nobody reads more, the editor cannot show them, and a
 * million findings would cost more than the lint.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

/** The finding that stands for `count` findings of `ruleId` that are not listed, placed at the first of them. */
export function moreFindings(ruleId: RuleId, count: number, range: Range, what: string): Finding {
  return finding(ruleId, `${count} more ${what} are not listed one by one (only the first ${MAX_FINDINGS_PER_RULE} are); this is the first of them.`, range);
}
