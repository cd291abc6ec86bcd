/**
 * The pre-flight as Create Pull Request shows it: what blocks, what warns,
 * and what passed (every rule that applies before the pull request and
 * said nothing), so the user sees the whole check, not only its failures.
 * Pure: the rule table at the pre-flight moment.
 */
import { preflightFacts, type PreflightInput } from './pullRequest';
import { evaluateRules } from './rules/evaluate';
import { ruleById } from './rules/ruleTable';

export interface PreflightReport {
  blockers: string[];
  warnings: string[];
  /** The rules that passed, each as its one-line description. */
  passed: { ruleId: string; description: string }[];
}

export function preflightReport(input: PreflightInput): PreflightReport {
  const evaluation = evaluateRules(preflightFacts(input), 'preflight');
  const spoke = new Set(evaluation.outcomes.map((o) => o.ruleId));
  const skipped = new Set(evaluation.notApplicable.map((n) => n.ruleId));
  return {
    blockers: evaluation.outcomes.filter((o) => o.severity === 'blocker').map((o) => o.message),
    warnings: evaluation.outcomes.filter((o) => o.severity === 'warning').map((o) => o.message),
    passed: evaluation.evaluated
      .filter((id) => !spoke.has(id) && !skipped.has(id))
      .map((ruleId) => ({ ruleId, description: ruleById(ruleId)?.description ?? ruleId })),
  };
}
