/**
 * "Change Control: Start Change" and "Change Control: Link Ticket to
 * Branch". The decisions are in src/core/startChange.ts; this file asks the
 * user (quick picks, input boxes, modal questions) and shows progress.
 */
import * as vscode from 'vscode';
import { ChangeControlError } from '../../core/errors';
import { linkTicket } from '../../core/linkTicket';
import type { Policy } from '../../core/policy/schema';
import type { TicketProvider } from '../../core/ports';
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

/** The ticket provider of a repository; the manual input box when none is configured. */
export type TicketProviderFactory = (root: string, policy: Policy) => Promise<TicketProvider | undefined>;

export interface StartChangeDeps {
  ticketProvider?: TicketProviderFactory;
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
    if (await runStartChange(repository.root, toArgs(arg), providerFor, ctx)) await repository.ticketRecorded();
  });
  commands.registerForRepository('changeControl.linkTicket', { title: 'Link Ticket to Branch', trust: 'trusted' }, async (repository, arg) => {
    if (await runLinkTicket(repository.root, toArgs(arg), providerFor, ctx)) await repository.ticketRecorded();
  });
}

/** True when a branch's ticket was recorded. */
async function runStartChange(root: string, args: StartArgs, providerFor: TicketProviderFactory, ctx: CommandContext): Promise<boolean> {
  const title = 'Change Control: Start Change';
  const policy = await loadEffectivePolicy(root);
  const ticket = args.ticket ?? (await pickCheckedTicket(providerFor, root, policy, { title, ticketPattern: policy.commit.ticketPattern }, ctx));
  if (!ticket) return false;
  const kind = await pickKind(title);
  if (!kind) return false;
  const description = await inputDescription(title, policy.branch.template, kind, ticket);
  if (!description) return false;
  const result = await startChange(withFetchProgress(new GitRepository(root)), modalAsker, { ticket, description, kind, preferRemote: readSettings().githubRemote }, policy);
  for (const note of result.notes) ctx.logger.warn(`Start Change: ${note}`);
  ctx.logger.info(`Start Change: ${result.created ? `created ${result.branch} from ${result.startPoint}` : `switched to ${result.branch}`} for ${result.ticket}`);
  await showResult(result);
  return true;
}

/** True when the ticket was recorded. */
async function runLinkTicket(root: string, args: StartArgs, providerFor: TicketProviderFactory, ctx: CommandContext): Promise<boolean> {
  const title = 'Change Control: Link Ticket to Branch';
  const policy = await loadEffectivePolicy(root);
  const repo = new GitRepository(root);
  const branch = (await repo.snapshot()).branch;
  if (!branch) throw new ChangeControlError('git.detachedHead', 'HEAD is detached, so there is no branch to link a ticket to.', { hint: 'Check out a branch first.' });
  const current = await repo.getBranchConfig(branch, TICKET_KEY);
  const ticket = args.ticket ?? (await pickCheckedTicket(providerFor, root, policy, { title: `${title} (${branch})`, ticketPattern: policy.commit.ticketPattern, ...(current ? { current } : {}) }, ctx));
  if (!ticket) return false;
  const result = await linkTicket(repo, ticket, policy.commit.ticketPattern, branch);
  const replaced = result.replaced ? ` (was ${result.replaced})` : '';
  void vscode.window.showInformationMessage(`Linked ${result.branch} to ${result.ticket}${replaced}.`);
  return true;
}

/** The ticket step, then the tracker's word on it (closed: refused; unapproved: asked). */
async function pickCheckedTicket(providerFor: TicketProviderFactory, root: string, policy: Policy, options: PickTicketOptions, ctx: CommandContext): Promise<string | undefined> {
  const provider = await providerFor(root, policy);
  const ticket = await pickTicket(provider, options);
  if (!ticket) return undefined;
  return (await confirmTicket(provider, ticket, policy.tracker, ctx.secrets)) ? ticket : undefined;
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
