/**
 * One evaluation of the rule table at one moment: every rule's outcome,
 * tagged with its rule id, and the ids of the rules evaluated (including
 * those that declare the moment not applicable), so a view can prove it
 * considered every rule.
 */
import type { ChangeFacts, Moment } from './facts';
import type { AuditOutcome, MomentCheck, NotApplicable, Outcome, PolicyRule, PreflightOutcome } from './rule';
import { RULES } from './ruleTable';

export interface Evaluation<O> {
  /** Outcomes in table order, each with the id of the rule that gave it. */
  outcomes: (O & { ruleId: string })[];
  /** Every rule id of the table, in order. */
  evaluated: string[];
  /** Rules that do not apply at this moment, with the reason. */
  notApplicable: { ruleId: string; why: string }[];
}

type OutcomeAt<M extends Moment> = M extends 'preflight' ? PreflightOutcome : M extends 'gate' ? Outcome : AuditOutcome;

function isNotApplicable<O>(check: MomentCheck<O>): check is NotApplicable {
  return typeof check !== 'function';
}

/** Evaluates every rule of `rules` (the table by default) at `moment`. */
export function evaluateRules<M extends Moment>(facts: ChangeFacts, moment: M, rules: readonly PolicyRule[] = RULES): Evaluation<OutcomeAt<M>> {
  const result: Evaluation<OutcomeAt<M>> = { outcomes: [], evaluated: [], notApplicable: [] };
  for (const rule of rules) {
    result.evaluated.push(rule.id);
    const check = rule[moment] as MomentCheck<OutcomeAt<M>>;
    if (isNotApplicable(check)) {
      result.notApplicable.push({ ruleId: rule.id, why: check.notApplicable });
      continue;
    }
    for (const outcome of check(facts)) result.outcomes.push({ ...outcome, ruleId: rule.id });
  }
  return result;
}
