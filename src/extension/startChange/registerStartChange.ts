/**
 * "Change Control: Start Change" and "Change Control: Link Ticket to
 * Branch". The decisions are in src/core/startChange.ts; this file asks the
 * user (quick picks, input boxes, modal questions) and shows progress.
 */
import * as vscode from 'vscode';
import { ChangeControlError } from '../../core/errors';
import { linkTicket } from '../../core/linkTicket';
import type { Policy } from '../../core/policy/schema';
import type { Ticket, TicketProvider } from '../../core/ports';
import { descriptionFromTicket, existingWorkFor, kindFromLabels, ticketNamedBy, type OpenPull } from '../../core/existingWork';
import { commitsInRange } from '../../git/commits';
import { readBranchFacts } from '../../git/existingWork';
import { startChange, type StartChangeResult } from '../../app/startChangeRunner';
import { TICKET_KEY, type StartChangeGit } from '../../core/ports';
import { GitRepository } from '../../git/gitRepository';
import { ManualTicketProvider } from '../../tickets/manualTicketProvider';
import type { CommandRegistry } from '../commands/registerCommands';
import type { CommandContext } from '../commands/runCommand';
import { withCancellableProgress } from '../commands/withProgress';
import { loadEffectivePolicy } from '../policy/loadEffectivePolicy';
import { readSettings } from '../settings';
import { confirmTicket } from './confirmTicket';
import { pickTicket, type PickTicketOptions } from './pickTicket';
import { inputDescription, modalAsker, pickKind } from './startChangeDialogs';
import { askExistingWork, askLinkNamed } from './existingWorkDialogs';

/** The ticket provider of a repository; the manual input box when none is configured. */
export type TicketProviderFactory = (root: string, policy: Policy) => Promise<TicketProvider | undefined>;

export interface StartChangeDeps {
  ticketProvider?: TicketProviderFactory;
  /** The repository's open pull requests (signed in, never prompting), to find a ticket's existing work. */
  openPulls?: (root: string) => Promise<OpenPull[]>;
}

/** Arguments other views may pass (the sidebar: a repository, a ticket). */
interface StartArgs {
  root?: string;
  ticket?: string;
}

export function registerStartChange(commands: CommandRegistry, ctx: CommandContext, deps: StartChangeDeps): void {
  const providerFor: TicketProviderFactory = deps.ticketProvider ?? (async (_root, policy) => new ManualTicketProvider(policy.commit.ticketPattern));
  // Both run git (and its hooks). A recorded ticket reaches the diagnostics and the Change view through the repository.
  commands.registerForRepository('changeControl.startChange', { title: 'Start Change', trust: 'trusted' }, async (repository, arg) => {
    if (await runStartChange(repository.root, toArgs(arg), { ...deps, ticketProvider: providerFor }, ctx)) await repository.ticketRecorded('change started');
  });
  commands.registerForRepository('changeControl.linkTicket', { title: 'Link Ticket to Branch', trust: 'trusted' }, async (repository, arg) => {
    if (await runLinkTicket(repository.root, toArgs(arg), providerFor, ctx)) await repository.ticketRecorded('ticket linked');
  });
}

/** True when a branch's ticket was recorded. */
async function runStartChange(root: string, args: StartArgs, deps: Required<Pick<StartChangeDeps, 'ticketProvider'>> & StartChangeDeps, ctx: CommandContext): Promise<boolean> {
  const title = 'Change Control: Start Change';
  const policy = await loadEffectivePolicy(root);
  const remote = readSettings().githubRemote;
  // A branch that names a ticket it is not linked to: offer the link first (the safe, default choice).
  const named = args.ticket ? undefined : await namedTicket(root, policy, remote);
  if (named) {
    const answer = await askLinkNamed(named.branch, named.ticket);
    if (!answer) return false;
    if (answer === 'link') {
      const result = await linkTicket(new GitRepository(root), named.ticket, policy.commit.ticketPattern, named.branch);
      void vscode.window.showInformationMessage(`Linked ${result.branch} to ${result.ticket}.`);
      return true;
    }
  }
  // A ticket given by another view is checked with the tracker too (its title and labels fill the next steps).
  const picked = await pickCheckedTicket(deps.ticketProvider, root, policy, { title, ticketPattern: policy.commit.ticketPattern }, ctx, args.ticket);
  if (!picked) return false;
  const ticket = picked.id;
  const suggestedKind = picked.details ? kindFromLabels(picked.details.labels) : undefined;
  // Work the ticket already has: offer to switch to it instead of making a second branch.
  const work = existingWorkFor(ticket, await readBranchFacts(root), await openPulls(deps, root, ctx), policy.branch.base);
  let existing: string | undefined;
  if (work.length > 0) {
    const choice = await askExistingWork(ticket, work);
    if (!choice) return false;
    if (choice !== 'new') existing = choice.switchTo;
  }
  const kind = existing ? (suggestedKind ?? 'feature') : await pickKind(title, suggestedKind);
  if (!kind) return false;
  const description = existing ? '' : await inputDescription(title, policy.branch.template, kind, ticket, picked.details ? descriptionFromTicket(picked.details) : undefined);
  if (description === undefined) return false;
  const input = { ticket, description, kind, preferRemote: remote, ...(existing ? { existing } : {}) };
  const result = await startChange(withFetchProgress(new GitRepository(root)), modalAsker, input, policy);
  for (const note of result.notes) ctx.logger.warn(`Start Change: ${note}`);
  ctx.logger.info(`Start Change: ${result.created ? `created ${result.branch} from ${result.startPoint}` : `switched to ${result.branch}`} for ${result.ticket}`);
  await showResult(result);
  return true;
}

/** The open pull requests of the repository, when signed in (never prompts; a failure only logs). */
async function openPulls(deps: StartChangeDeps, root: string, ctx: CommandContext): Promise<OpenPull[]> {
  if (!deps.openPulls) return [];
  try {
    return await deps.openPulls(root);
  } catch (err) {
    ctx.logger.info('Start Change: could not list open pull requests:', err);
    return [];
  }
}

/** The current feature branch and the ticket it names, when it has none linked. */
async function namedTicket(root: string, policy: Policy, remote: string): Promise<{ branch: string; ticket: string } | undefined> {
  const repo = new GitRepository(root);
  const branch = await repo.currentBranch();
  if (!branch || branch === policy.branch.base || (await repo.getBranchConfig(branch, TICKET_KEY))) return undefined;
  const messages = await commitsInRange(root, `${remote}/${policy.branch.base}..HEAD`).then((cs) => cs.map((c) => c.message), () => []);
  const ticket = ticketNamedBy(branch, messages, policy.commit.ticketPattern);
  return ticket ? { branch, ticket } : undefined;
}

/** True when the ticket was recorded. */
async function runLinkTicket(root: string, args: StartArgs, providerFor: TicketProviderFactory, ctx: CommandContext): Promise<boolean> {
  const title = 'Change Control: Link Ticket to Branch';
  const policy = await loadEffectivePolicy(root);
  const repo = new GitRepository(root);
  const branch = (await repo.snapshot()).branch;
  if (!branch) throw new ChangeControlError('git.detachedHead', 'HEAD is detached, so there is no branch to link a ticket to.', { hint: 'Check out a branch first.' });
  const current = await repo.getBranchConfig(branch, TICKET_KEY);
  // No ticket linked yet: the one the branch name or its commits name is offered.
  const suggested = current ?? (await namedTicket(root, policy, readSettings().githubRemote))?.ticket;
  const ticket = args.ticket ?? (await pickCheckedTicket(providerFor, root, policy, { title: `${title} (${branch})`, ticketPattern: policy.commit.ticketPattern, ...(suggested ? { current: suggested } : {}) }, ctx))?.id;
  if (!ticket) return false;
  const result = await linkTicket(repo, ticket, policy.commit.ticketPattern, branch);
  const replaced = result.replaced ? ` (was ${result.replaced})` : '';
  void vscode.window.showInformationMessage(`Linked ${result.branch} to ${result.ticket}${replaced}.`);
  return true;
}

/** At most this many tickets are offered in a row after "Pick Another Ticket". */
const MAX_TICKET_PICKS = 5;

/** The ticket step, then the tracker's word on it (closed: refused; unapproved: asked, the safe choice first). */
async function pickCheckedTicket(providerFor: TicketProviderFactory, root: string, policy: Policy, options: PickTicketOptions, ctx: CommandContext, preset?: string): Promise<{ id: string; details?: Ticket } | undefined> {
  const provider = await providerFor(root, policy);
  for (let round = 0; round < MAX_TICKET_PICKS; round++) {
    const id = round === 0 && preset ? preset : await pickTicket(provider, options);
    if (!id) return undefined;
    const answer = await confirmTicket(provider, id, policy.tracker, ctx.secrets);
    if (answer.go) return { id, ...(answer.ticket ? { details: answer.ticket } : {}) };
    if (!answer.pickAgain) return undefined;
  }
  return undefined;
}

/** The git port, with the fetch under a cancellable progress notification. */
function withFetchProgress(repo: GitRepository): StartChangeGit {
  return {
    lock: () => repo.lock(),
    snapshot: () => repo.snapshot(),
    currentBranch: () => repo.currentBranch(),
    fetch: (remote) => withCancellableProgress(`Fetching ${remote}…`, (signal) => repo.fetch(remote, signal)),
    createBranch: (name, startPoint) => repo.createBranch(name, startPoint),
    switchBranch: (name) => repo.switchBranch(name),
    getBranchConfig: (branch, key) => repo.getBranchConfig(branch, key),
    setBranchConfig: (branch, key, value) => repo.setBranchConfig(branch, key, value),
  };
}

async function showResult(result: StartChangeResult): Promise<void> {
  const headline = result.created
    ? `Started ${result.branch} from ${result.startPoint} for ${result.ticket}.`
    : `Switched to ${result.branch} for ${result.ticket}.`;
  const notes = result.notes.filter((n) => !n.startsWith('You are already on'));
  if (notes.length === 0) void vscode.window.showInformationMessage(headline);
  else void vscode.window.showWarningMessage(`${headline} ${notes.join(' ')}`);
}

function toArgs(arg: unknown): StartArgs {
  if (typeof arg === 'string') return { root: arg };
  if (arg && typeof arg === 'object') {
    const { root, ticket } = arg as Record<string, unknown>;
    return { ...(typeof root === 'string' ? { root } : {}), ...(typeof ticket === 'string' ? { ticket } : {}) };
  }
  return {};
}
