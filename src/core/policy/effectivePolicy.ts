/**
 * User settings may tighten the repository's policy, never loosen it: a
 * lower line limit wins, a requirement switched on stays on. Pure.
 */
import type { Policy } from './schema';

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
  const ignored: string[] = [];
  const commit = { ...policy.commit };
  const review = { ...policy.review };
  const tighterMax = (name: string, current: number, wanted: number | undefined): number => {
    if (wanted === undefined) return current;
    if (wanted > current) ignored.push(`${name} ${wanted} is looser than the policy's ${current}`);
    return Math.min(current, wanted);
  };
  commit.subjectMaxLength = tighterMax('subjectMaxLength', commit.subjectMaxLength, overrides.subjectMaxLength);
  commit.bodyMaxLineLength = tighterMax('bodyMaxLineLength', commit.bodyMaxLineLength, overrides.bodyMaxLineLength);
  const tighterFlag = (name: string, current: boolean, wanted: boolean | undefined): boolean => {
    if (wanted === false && current) ignored.push(`${name} off would loosen the policy`);
    return current || wanted === true;
  };
  commit.presentTense = tighterFlag('presentTense', commit.presentTense, overrides.presentTense);
  commit.requireTicket = tighterFlag('requireTicket', commit.requireTicket, overrides.requireTicket);
  if (overrides.requiredApprovals !== undefined) {
    if (overrides.requiredApprovals < review.requiredApprovals) {
      ignored.push(`requiredApprovals ${overrides.requiredApprovals} is fewer than the policy's ${review.requiredApprovals}`);
    }
    review.requiredApprovals = Math.max(review.requiredApprovals, overrides.requiredApprovals);
  }
  return { policy: { ...policy, commit, review }, ignored };
}
