/**
 * Composition root: wires the adapters and the UI by hand. Nothing here
 * holds policy logic; it lives in src/core. Per-repository state has one
 * owner (repository/changeRepositories.ts) whose one event the views
 * follow; every command goes through one registry (commands/registerCommands.ts)
 * that resolves the repository and checks workspace trust.
 */
import * as vscode from 'vscode';
import { SecretRegistry } from '../core/redact';
import { createLogger } from './logger';
import { registerPullRequest } from './pullRequest/registerPullRequest';
import { registerMergeCommands } from './pullRequest/mergeCommands';
import { registerCreatePullRequest } from './pullRequest/createPullRequestPanel';
import type { CommandContext } from './commands/runCommand';
import { CommandRegistry } from './commands/registerCommands';
import { registerTestChecks } from './testCoverage/registerTestChecks';
import type { TestCheckRun } from './testCoverage/testCheckService';
import { registerStartChange } from './startChange/registerStartChange';
import { registerAmendMessage } from './commit/amendMessage';
import { openWalkthroughOnFirstInstall, passingCommitMade } from './walkthrough';
import { registerCommitMessageFeatures } from './diagnostics/registerCommitMessageFeatures';
import { registerChangeView, type ChangeViewApi } from './views/registerChangeView';
import { registerExportEvidence } from './evidence/exportEvidence';
import { registerFixes } from './fixes/registerFixes';
import { listOpenPulls } from '../github/openPulls';
import { getGitApi, type GitApi } from './gitApi';
import { GitHubSessions } from './github/githubSessions';
import { ChangeRepositories } from './repository/changeRepositories';
import { RepositoryLocator } from './repository/repositoryLocator';
import { onDidChangeSettings, readSettings } from './settings';

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

  // One git extension API, one repository locator and one owner of per-repository state serve every feature.
  let git: GitApi | undefined;
  const gitApi = getGitApi().then(
    (api) => (git = api),
    (err: unknown) => {
      logger.warn('The built-in git extension is not available:', err);
      return undefined;
    },
  );
  const sessions = new GitHubSessions(secrets, logger);
  let settings = readSettings();
  const isTrusted = (): boolean => vscode.workspace.isTrusted;
  const repositories = new ChangeRepositories({ logger, sessions, isTrusted, settings: () => settings });
  context.subscriptions.push(
    sessions,
    repositories,
    onDidChangeSettings((s) => {
      settings = s;
      repositories.settingsChanged();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => repositories.trustGranted()),
  );
  void gitApi.then((api) => api && repositories.attach(api));
  const locator = new RepositoryLocator(() => git, isTrusted);
  const commands = new CommandRegistry(commandContext, locator, repositories, context.subscriptions, isTrusted);

  commands.register('changeControl.showLog', () => channel.show(true));
  const github = registerPullRequest(commands, commandContext, sessions);
  registerCreatePullRequest(commands, commandContext, context.extensionUri);
  registerMergeCommands(commands, commandContext, String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0'));
  const testChecks = registerTestChecks(context, commandContext, { commands, locator, repositories, gitApi });
  registerStartChange(commands, commandContext, {
    ticketProvider: github.startChangeTickets,
    // Only when signed in already: finding existing work never prompts.
    openPulls: async (root) => {
      const connection = await sessions.connect(root, false);
      return listOpenPulls(connection.octokit, connection.repo);
    },
  });
  registerCommitMessageFeatures(context, { logger, commands, locator, repositories, settings: () => settings });
  registerAmendMessage(context, { commands, repositories, logger, onPassingCommit: passingCommitMade });
  const changeView = registerChangeView(context, commandContext, { commands, sessions, locator, repositories, gitApi, shortcuts: (root) => testChecks.shortcuts(root) });
  registerExportEvidence(context, commandContext, commands);
  registerFixes(commands, commandContext);

  void openWalkthroughOnFirstInstall(context, logger);

  const activationMs = Date.now() - started;
  logger.info(`Change Control activated in ${activationMs} ms`);
  return { activationMs, changeView, lastTestCheck: (root) => testChecks.lastRun(root) };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
