/**
 * User settings may tighten the repository's policy, never loosen it: a
 * lower line limit wins, a requirement switched on stays on. Pure; the
 * rule itself is Tightener's, shared with combinePolicies.
 */
import type { Policy } from './schema';
import { Tightener } from './tighten';

export interface PolicyOverrides {
  subjectMaxLength?: number;
  bodyMaxLineLength?: number;
  presentTense?: boolean;
  requireTicket?: boolean;
  requiredApprovals?: number;
}

export interface EffectivePolicy {
  policy: Policy;
  /** Settings that tried to loosen the policy and were ignored, for a log line. */
  ignored: string[];
}

export function applyOverrides(policy: Policy, overrides: PolicyOverrides): EffectivePolicy {
  const t = new Tightener('the policy');
  const commit = {
    ...policy.commit,
    subjectMaxLength: t.max('subjectMaxLength', policy.commit.subjectMaxLength, overrides.subjectMaxLength),
    bodyMaxLineLength: t.max('bodyMaxLineLength', policy.commit.bodyMaxLineLength, overrides.bodyMaxLineLength),
    presentTense: t.require('presentTense', policy.commit.presentTense, overrides.presentTense),
    requireTicket: t.require('requireTicket', policy.commit.requireTicket, overrides.requireTicket),
  };
  const review = { ...policy.review, requiredApprovals: t.min('requiredApprovals', policy.review.requiredApprovals, overrides.requiredApprovals) };
  return { policy: { ...policy, commit, review }, ignored: t.ignored };
}
