/**
 * Composition root: wires the adapters and the UI by hand. Nothing here
 * holds policy logic; it lives in src/core.
 */
import * as vscode from 'vscode';
import { SecretRegistry } from '../core/redact';
import { createLogger } from './logger';
import { registerPullRequest } from './pullRequest/registerPullRequest';
import { runCommand, type CommandContext } from './commands/runCommand';
import { registerTestChecks } from './testCoverage/registerTestChecks';
import type { TestCheckRun } from './testCoverage/testCheckService';
import { registerStartChange } from './startChange/registerStartChange';
import { registerCommitMessageFeatures } from './diagnostics/registerCommitMessageFeatures';
import { registerChangeView, type ChangeViewApi } from './views/registerChangeView';
import { registerExportEvidence } from './evidence/exportEvidence';
import { getGitApi, type GitApi } from './gitApi';
import { RepositoryLocator } from './repositories';

export interface ChangeControlApi {
  /** Milliseconds activate() took, for the e2e report. */
  activationMs: number;
  /** The Change view: its tree provider, a refresh() promise and the current model. */
  changeView: ChangeViewApi;
  /** How the last tests check of a repository went (where its local changes came from, its time). */
  lastTestCheck(root: string): Pick<TestCheckRun, 'source' | 'ms'> | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<ChangeControlApi> {
  const started = Date.now();
  const channel = vscode.window.createOutputChannel('Change Control', { log: true });
  context.subscriptions.push(channel);
  const secrets = new SecretRegistry();
  const logger = createLogger(channel, secrets);
  const commandContext: CommandContext = { logger, secrets, showLog: () => channel.show(true) };
  const register = (id: string, handler: (...args: unknown[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(id, handler, commandContext)));
  };

  register('changeControl.showLog', () => channel.show(true));
  // One git extension API and one repository locator serve every feature.
  let git: GitApi | undefined;
  const gitApi = getGitApi().then(
    (api) => (git = api),
    (err: unknown) => {
      logger.warn('The built-in git extension is not available:', err);
      return undefined;
    },
  );
  const locator = new RepositoryLocator(() => git);
  const github = registerPullRequest(context, commandContext, locator);
  const testChecks = registerTestChecks(context, commandContext, { locator, gitApi });
  // Start Change and Link Ticket record a branch's ticket: the diagnostics and the view learn it at once.
  const ticketRecorded = new vscode.EventEmitter<string>();
  context.subscriptions.push(ticketRecorded);
  registerStartChange(context, commandContext, { locator, ticketProvider: github.startChangeTickets, onDidRecordTicket: (root) => ticketRecorded.fire(root) });
  registerCommitMessageFeatures(context, { logger, register, locator, gitApi, onDidRecordTicket: ticketRecorded.event });
  const changeView = registerChangeView(context, commandContext, { sessions: github.sessions, locator, gitApi, shortcuts: (root) => testChecks.shortcuts(root) });
  const refreshViewOf = (root: string): void => {
    if (changeView.content().root === root) void changeView.refresh();
  };
  context.subscriptions.push(ticketRecorded.event(refreshViewOf), testChecks.onDidCheck(({ root }) => refreshViewOf(root)));
  registerExportEvidence(context, commandContext, { sessions: github.sessions, locator });

  const activationMs = Date.now() - started;
  logger.info(`Change Control activated in ${activationMs} ms`);
  return { activationMs, changeView, lastTestCheck: (root) => testChecks.lastRun(root) };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
