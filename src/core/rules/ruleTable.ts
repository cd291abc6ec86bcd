/**
 * THE policy rule table: every rule, once, in the order its outcomes are
 * listed. Pre-flight (Open Pull Request), the merge gate (Change view,
 * status bar, `status`, `verify`) and the audit findings are views of
 * `evaluateRules` over this table, so adding a rule here (one file beside
 * this one, plus its line below) adds it at every moment.
 */
import { changesRequested } from './changesRequested';
import { checksPass } from './checksPass';
import { commitMessages } from './commitMessages';
import { commitsPresent } from './commitsPresent';
import { featureBranch } from './featureBranch';
import { pullRequestDescribesChange } from './pullRequestDescribesChange';
import { pullRequestOpen } from './pullRequestOpen';
import { pushed } from './pushed';
import { requiredApprovals } from './requiredApprovals';
import type { PolicyRule } from './rule';
import { testsMatch } from './testsMatch';
import { ticketApproved } from './ticketApproved';
import { ticketApprover } from './ticketApprover';
import { ticketLinked } from './ticketLinked';
import { ticketLinksPullRequest } from './ticketLinksPullRequest';
import { ticketOpen } from './ticketOpen';
import { upToDate } from './upToDate';

export const RULES: readonly PolicyRule[] = [
  featureBranch,
  upToDate,
  pushed,
  ticketLinked,
  ticketApproved,
  ticketApprover,
  ticketOpen,
  commitsPresent,
  commitMessages,
  testsMatch,
  pullRequestOpen,
  pullRequestDescribesChange,
  requiredApprovals,
  changesRequested,
  checksPass,
  ticketLinksPullRequest,
];

/** The rule with this id, or undefined. */
export function ruleById(id: string): PolicyRule | undefined {
  return RULES.find((r) => r.id === id);
}
