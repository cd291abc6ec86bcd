/**
 * Reads who applied a ticket's approval label last and whether they are
 * an approver (`tracker.approvers`): the issue's label events (every
 * page, conditional through the client's ETag cache) and, for `org/team`
 * entries, team membership. Used by the change snapshot and the evidence.
 */
import type { Octokit } from '@octokit/rest';
import { describeError } from '../core/errors';
import type { Policy } from '../core/policy/schema';
import type { TeamMembership, TicketRef } from '../core/ports';
import type { Fact, LabelApprover } from '../core/rules/facts';
import { unknown } from '../core/rules/facts';
import { judgeApprover, type ApprovalLabelEvent } from '../core/ticketApprover';
import { translateGitHubError } from '../github/errors';
import { githubTeamMembership } from '../github/teamMembership';

interface RawEvent {
  event: string;
  created_at: string;
  actor?: { login: string; type?: string } | null;
  label?: { name: string } | null;
  performed_via_github_app?: { name?: string | null; slug?: string | null } | null;
}

/** Label events as the approver rule reads them. */
export function toLabelEvents(events: readonly RawEvent[]): ApprovalLabelEvent[] {
  return events
    .filter((e) => (e.event === 'labeled' || e.event === 'unlabeled') && e.label)
    .map((e) => ({
      action: e.event as 'labeled' | 'unlabeled',
      label: e.label!.name,
      actor: e.actor?.login ?? 'unknown',
      ...(e.actor?.type ? { actorType: e.actor.type } : {}),
      app: e.performed_via_github_app?.name ?? e.performed_via_github_app?.slug ?? null,
      at: e.created_at,
    }));
}

/** The issue's label events, every page. */
export async function readLabelEvents(octokit: Octokit, ref: TicketRef, signal?: AbortSignal): Promise<ApprovalLabelEvent[]> {
  const events = await octokit.paginate(octokit.rest.issues.listEvents, {
    owner: ref.owner, repo: ref.repo, issue_number: ref.number, per_page: 100, request: { signal },
  });
  return toLabelEvents(events as unknown as RawEvent[]);
}

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
    const events = options.events ?? (await readLabelEvents(octokit, ref, options.signal));
    const judged = await judgeApprover(events, tracker.approvalLabel, tracker.approvers, options.membership ?? githubTeamMembership(octokit, options.signal));
    return judged ?? unknown(`no event shows who applied the "${tracker.approvalLabel}" label`);
  } catch (err) {
    return unknown(`its label events could not be read: ${describeError(translateGitHubError(err))}`);
  }
}
