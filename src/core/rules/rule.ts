/**
 * The shape of one policy rule: a stable id, the facts it reads, and its
 * outcome at each of the three moments. Every moment must be declared (a
 * function, or `notApplicable` with the reason), so a rule cannot be added
 * at one moment and forgotten at another; the compiler and the rule-table
 * test both check it. Rules are pure and never throw.
 */
import type { Finding } from '../evidence/schema';
import type { ChangeFacts } from './facts';

/** The pre-flight item ids shown by Open Pull Request (kept stable for its UI and tests). */
export type PreflightItemId = 'branch' | 'ticket' | 'commits' | 'lint' | 'tests' | 'upToDate' | 'approval';

/** A pre-flight or gate outcome: blocks, or only warns. */
export interface Outcome {
  severity: 'blocker' | 'warning';
  message: string;
}

export interface PreflightOutcome extends Outcome {
  item: PreflightItemId;
}

/**
 * An audit outcome: a finding with the evidence that proves it, a fact
 * that could not be verified, or a note that is no deviation but worth an
 * auditor's knowing (what outside tools will count).
 */
export type AuditOutcome = { finding: Finding } | { notVerifiable: string } | { note: string };

/** A moment at which the rule does not apply, and why. */
export interface NotApplicable {
  notApplicable: string;
}

export type MomentCheck<O> = ((facts: ChangeFacts) => O[]) | NotApplicable;

export interface PolicyRule {
  /** Stable, kebab-case, documented in the README's "Policy rules". */
  id: string;
  /** One line: what the rule checks, in the policy's words. */
  description: string;
  /** The sections of ChangeFacts the rule reads. */
  reads: readonly (keyof ChangeFacts)[];
  /** Before the pull request (Open Pull Request). */
  preflight: MomentCheck<PreflightOutcome>;
  /** At merge (Change view, status bar, `status`, `verify`). */
  gate: MomentCheck<Outcome>;
  /** After the fact (the evidence's findings). */
  audit: MomentCheck<AuditOutcome>;
}

/** Declares a moment at which a rule does not apply. */
export function notApplicable(why: string): NotApplicable {
  return { notApplicable: why };
}

export const blocker = (message: string): Outcome => ({ severity: 'blocker', message });
export const warning = (message: string): Outcome => ({ severity: 'warning', message });
