/**
 * What Start Change knows before it makes a branch: the work a ticket
 * already has (branches linked to it or named after it, open pull
 * requests from them), the ticket a branch names (in its name or its
 * commits), and the kind and description a ticket suggests. Pure: the
 * shells read branches, config and pull requests and ask the user.
 */
import type { ChangeKind } from './branchName';
import type { Ticket } from './ports';
import { compileTicketPattern, normaliseTicketId, ticketForBranch } from './ticketId';

export interface BranchFacts {
  /** Short name (`feature/2-export`). */
  name: string;
  /** A local branch (else only on the remote). */
  local: boolean;
  /** The ticket recorded on the local branch (`branch.<name>.changeTicket`). */
  linkedTicket?: string;
}

export interface OpenPull {
  number: number;
  url: string;
  /** The head branch's name. */
  head: string;
}

export interface ExistingWork {
  branch: string;
  local: boolean;
  /** Why it belongs to the ticket. */
  because: 'linked' | 'named';
  pullRequest?: OpenPull;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the branch name carries the ticket as the start of a path segment (`feature/2-x`, `ABC-7/x`). */
export function branchNamesTicket(branch: string, ticket: string): boolean {
  const t = ticketForBranch(ticket);
  if (!t) return false;
  return new RegExp(`(?:^|/)${escapeRegExp(t)}(?:[-_/]|$)`, 'i').test(branch);
}

/**
 * The branches (and their open pull requests) that already belong to
 * `ticket`, linked ones first; the base branch and branches linked to
 * another ticket are left out. Linear in the number of branches and pulls.
 */
export function existingWorkFor(ticket: string, branches: readonly BranchFacts[], pulls: readonly OpenPull[], base: string): ExistingWork[] {
  const byName = new Map<string, ExistingWork>();
  const pullByHead = new Map(pulls.map((p) => [p.head, p]));
  const consider = (name: string, local: boolean, linkedTicket: string | undefined): void => {
    if (name === base || name === 'HEAD') return;
    const because = linkedTicket === ticket ? 'linked' : linkedTicket === undefined && branchNamesTicket(name, ticket) ? 'named' : undefined;
    if (!because) return;
    const known = byName.get(name);
    if (known) {
      known.local ||= local;
      if (because === 'linked') known.because = 'linked';
      return;
    }
    const pr = pullByHead.get(name);
    byName.set(name, { branch: name, local, because, ...(pr ? { pullRequest: pr } : {}) });
  };
  for (const b of branches) consider(b.name, b.local, b.linkedTicket);
  for (const p of pulls) consider(p.head, false, branches.find((b) => b.name === p.head && b.local)?.linkedTicket);
  const rank = (w: ExistingWork): number => (w.because === 'linked' ? 0 : 4) + (w.pullRequest ? 0 : 2) + (w.local ? 0 : 1);
  return [...byName.values()].sort((a, b) => rank(a) - rank(b) || a.branch.localeCompare(b.branch));
}

/** Ticket-looking words in commit messages: `#12`, `owner/repo#12`, `ABC-12`. */
const TICKET_WORDS = /(?:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)?#[0-9]+|\b[A-Z][A-Z0-9]+-[0-9]+\b/g;

/**
 * The ticket a branch names: the start of one of its path segments
 * (`feature/2-export` → `#2` under the default pattern), else the first
 * ticket its commit messages name. Undefined when none matches the policy.
 */
export function ticketNamedBy(branch: string, messages: readonly string[], ticketPattern: string): string | undefined {
  for (const segment of branch.split('/')) {
    const parts = segment.split(/[-_]/);
    for (const candidate of [parts.slice(0, 2).join('-'), parts[0] ?? '']) {
      if (!candidate || !/[0-9]/.test(candidate)) continue;
      const id = normaliseTicketId(candidate, ticketPattern);
      if (id.ok) return id.id;
    }
  }
  const re = compileTicketPattern(ticketPattern);
  for (const message of messages) {
    for (const word of message.match(TICKET_WORDS) ?? []) {
      if (re.matchesWhole(word)) return word;
    }
  }
  return undefined;
}

const DEFECT_LABELS = /^(bug|defect|fix|hotfix|regression|kind\/bug|type:\s*bug)$/i;
const FEATURE_LABELS = /^(feature|enhancement|kind\/feature|type:\s*feature|improvement)$/i;

/** The kind a ticket's labels say, if they say one. */
export function kindFromLabels(labels: readonly string[]): ChangeKind | undefined {
  if (labels.some((l) => DEFECT_LABELS.test(l.trim()))) return 'defect';
  if (labels.some((l) => FEATURE_LABELS.test(l.trim()))) return 'feature';
  return undefined;
}

/** The description to prefill: the ticket's title without a leading ticket ID or tag. */
export function descriptionFromTicket(ticket: Pick<Ticket, 'title'>): string {
  return ticket.title.replace(/^\s*(?:\[[^\]]*\]\s*)+/, '').replace(/^\s*(?:#[0-9]+|[A-Z][A-Z0-9]+-[0-9]+)[:\s-]+/, '').trim();
}
