/**
 * Who approved a ticket, and may they (`tracker.approvers`): the actor of
 * the approval label's last `labeled` event, judged against the policy's
 * logins and `org/team` slugs. The policy's "the CTO, or a delegate,
 * approves by marking the issue Approved" means the label counts only
 * from an approver; anyone with triage access can add a label. Pure: the
 * events and the team check come in.
 */
import type { TeamMembership } from './ports';
import type { Fact, LabelApprover } from './rules/facts';
import { known, unknown } from './rules/facts';

/** A label event as the issue's timeline lists it (actor type and app from GitHub). */
export interface ApprovalLabelEvent {
  action: 'labeled' | 'unlabeled';
  label: string;
  actor: string;
  /** `Bot` for an app's account. */
  actorType?: string;
  /** The GitHub App that performed it, when GitHub says. */
  app?: string | null;
  at: string;
}

/** The `labeled` event that applied the label last (after any removal); undefined when not applied. */
export function lastApproval(events: readonly ApprovalLabelEvent[], approvalLabel: string): ApprovalLabelEvent | undefined {
  const wanted = approvalLabel.toLowerCase();
  let current: ApprovalLabelEvent | undefined;
  for (const e of [...events].sort((a, b) => a.at.localeCompare(b.at))) {
    if (e.label.toLowerCase() !== wanted) continue;
    current = e.action === 'labeled' ? e : undefined;
  }
  return current;
}

/** The app that applied the label: GitHub's app name, else the bot account. */
export function appOf(e: ApprovalLabelEvent): string | null {
  if (e.app) return e.app;
  return e.actorType === 'Bot' ? e.actor : null;
}

/**
 * Judges the last approval against the approvers. A login matches
 * case-insensitively; an `org/team` entry asks `membership` (once per
 * team). Unknown, with the reason, when a team cannot be read and no
 * login matched: the gate then fails closed.
 */
export async function judgeApprover(
  events: readonly ApprovalLabelEvent[],
  approvalLabel: string,
  approvers: readonly string[],
  membership: TeamMembership,
): Promise<Fact<LabelApprover> | undefined> {
  const last = lastApproval(events, approvalLabel);
  if (!last) return undefined;
  const base = { login: last.actor, at: last.at, app: appOf(last) };
  const login = last.actor.toLowerCase();
  if (approvers.some((a) => !a.includes('/') && a.toLowerCase() === login)) return known({ ...base, isApprover: true });
  const failures: string[] = [];
  for (const team of approvers.filter((a) => a.includes('/'))) {
    const [org, slug] = team.split('/') as [string, string];
    try {
      if (await membership(org, slug, last.actor)) return known({ ...base, isApprover: true });
    } catch (err) {
      failures.push(`${team} (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  if (failures.length > 0) return unknown(`could not read the membership of ${last.actor} in ${failures.join(', ')}; the token needs read:org`);
  return known({ ...base, isApprover: false });
}

/** "dana-dev" or "the app Renovate (renovate[bot])". */
export function approverName(a: LabelApprover): string {
  return a.app ? `the app ${a.app}${a.app !== a.login ? ` (${a.login})` : ''}` : a.login;
}
