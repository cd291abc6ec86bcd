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
import { runCommand, type CommandContext } from '../commands/runCommand';
import { withCancellableProgress } from '../commands/withProgress';
import { loadEffectivePolicy } from '../policy/loadEffectivePolicy';
import type { RepositoryLocator } from '../repositories';
import { readSettings } from '../settings';
import { confirmTicket } from './confirmTicket';
import { pickTicket, type PickTicketOptions } from './pickTicket';
import { inputDescription, modalAsker, pickKind } from './startChangeDialogs';

/** The ticket provider of a repository; the manual input box when none is configured. */
export type TicketProviderFactory = (root: string, policy: Policy) => Promise<TicketProvider | undefined>;

export interface StartChangeDeps {
  locator: RepositoryLocator;
  ticketProvider?: TicketProviderFactory;
  /** Called with the repository root after a branch's ticket was recorded (diagnostics, sidebar). */
  onDidRecordTicket?: (root: string) => void;
}

/** Arguments other views may pass (the sidebar: a repository, a ticket). */
interface StartArgs {
  root?: string;
  ticket?: string;
}

export function registerStartChange(context: vscode.ExtensionContext, ctx: CommandContext, deps: StartChangeDeps): void {
  const { locator } = deps;
  const providerFor: TicketProviderFactory = deps.ticketProvider ?? (async (_root, policy) => new ManualTicketProvider(policy.commit.ticketPattern));
  const recorded = (root: string): void => deps.onDidRecordTicket?.(root);
  const register = (id: string, handler: (...args: unknown[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, runCommand(id, handler, ctx));
  context.subscriptions.push(
    register('changeControl.startChange', async (arg) => {
      const args = toArgs(arg);
      if (!(await requireTrust('Start Change'))) return;
      const root = await locator.pick({ ...(args.root ? { hint: args.root } : {}), title: 'Change Control: Start Change' });
      if (root && (await runStartChange(root, args, providerFor, ctx))) recorded(root);
    }),
    register('changeControl.linkTicket', async (arg) => {
      const args = toArgs(arg);
      if (!(await requireTrust('Link Ticket to Branch'))) return;
      const root = await locator.pick({ ...(args.root ? { hint: args.root } : {}), title: 'Change Control: Link Ticket to Branch' });
      if (root && (await runLinkTicket(root, args, providerFor, ctx))) recorded(root);
    }),
  );
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

/** Start Change runs git (and its hooks): refuse in an untrusted workspace, offering to manage trust. */
async function requireTrust(what: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  const picked = await vscode.window.showWarningMessage(`${what} runs git in this repository, which is not trusted. Trust the workspace to continue.`, manage);
  if (picked === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
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
