/**
 * Reads who applied a ticket's approval label last and whether they are
 * an approver (`tracker.approvers`): the label events (through
 * src/github/issues.ts) and, for `org/team` entries, team membership
 * (src/github/teamMembership.ts). Used by the change snapshot and the evidence.
 */
import type { Octokit } from '@octokit/rest';
import { describeError } from '../core/errors';
import type { Policy } from '../core/policy/schema';
import type { TeamMembership, TicketRef } from '../core/ports';
import type { Fact, LabelApprover } from '../core/rules/facts';
import { unknown } from '../core/rules/facts';
import { judgeApprover, type ApprovalLabelEvent } from '../core/ticketApprover';
import { translateGitHubError } from '../github/errors';
import { listLabelEvents } from '../github/issues';
import { githubTeamMembership } from '../github/teamMembership';

/**
 * The approver of an approved ticket; undefined when the policy names no
 * approvers. Never throws: an unreadable read is `unknown` with why.
 */
export async function readTicketApprover(
  octokit: Octokit,
  ref: TicketRef,
  tracker: Policy['tracker'],
  options: { signal?: AbortSignal; membership?: TeamMembership; events?: ApprovalLabelEvent[] } = {},
): Promise<Fact<LabelApprover> | undefined> {
  if (tracker.approvers.length === 0) return undefined;
  try {
    const events = options.events ?? (await listLabelEvents(octokit, ref, options.signal));
    const judged = await judgeApprover(events, tracker.approvalLabel, tracker.approvers, options.membership ?? githubTeamMembership(octokit, options.signal));
    return judged ?? unknown(`no event shows who applied the "${tracker.approvalLabel}" label`);
  } catch (err) {
    return unknown(`its label events could not be read: ${describeError(translateGitHubError(err))}`);
  }
}
