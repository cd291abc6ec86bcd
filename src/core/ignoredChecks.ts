/**
 * Checks the merge gate does not judge, as one list that the checks
 * reader takes (src/github/commitChecks.ts readGateChecks): the gate's
 * own earlier commit status, which would otherwise block on itself, and
 * whatever the caller adds (in GitHub Actions, the still-running check
 * run of the job that runs the gate). Pure.
 */
import { GATE_STATUS_CONTEXT, type CheckInfo } from './changeSnapshot';

/** A check left out: matched by its source and exact name, and, when given, only in that state. */
export interface IgnoredCheck {
  source: CheckInfo['source'];
  name: string;
  state?: CheckInfo['state'];
}

/** The gate's own commit status (any state): its earlier verdict, never one of the checks it judges. */
export const GATE_OWN_STATUS: IgnoredCheck = { source: 'status', name: GATE_STATUS_CONTEXT };

/** What every gate leaves out; callers add to it, never replace it. */
export const GATE_IGNORED_CHECKS: readonly IgnoredCheck[] = [GATE_OWN_STATUS];

/** True when `check` matches an entry of `ignore`. */
export function isIgnoredCheck(check: Pick<CheckInfo, 'source' | 'name' | 'state'>, ignore: readonly IgnoredCheck[]): boolean {
  return ignore.some((i) => i.source === check.source && i.name === check.name && (i.state === undefined || i.state === check.state));
}
