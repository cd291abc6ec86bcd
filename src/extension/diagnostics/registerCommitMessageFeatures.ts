/**
 * Wires the commit-message features into the editor: diagnostics and quick
 * fixes for commit messages, diagnostics for the policy file, and the
 * "Open Policy File" and "Install Commit Message Hook" commands. The lint
 * context of each repository is its ChangeRepository's; the diagnostics
 * follow its changes.
 */
import * as vscode from 'vscode';
import { lintMessage } from '../../core/commitMessage/lint';
import type { Logger } from '../../core/ports';
import type { CommandRegistry } from '../commands/registerCommands';
import { installHookCommand, refreshHookCli } from '../hook/installHookCommand';
import { openPolicyFile } from '../policy/openPolicyFile';
import { PolicyDiagnostics } from '../policy/policyDiagnostics';
import type { ChangeRepositories } from '../repository/changeRepositories';
import type { RepositoryLocator } from '../repository/repositoryLocator';
import { onDidChangeGitInputValidation, onDidChangeSettings, readGitInputValidation, type Settings } from '../settings';
import { CommitDiagnostics } from './commitDiagnostics';

export interface CommitMessageFeaturesDeps {
  logger: Logger;
  commands: CommandRegistry;
  locator: RepositoryLocator;
  repositories: ChangeRepositories;
  /** The settings as last read. */
  settings: () => Settings;
}

export function registerCommitMessageFeatures(context: vscode.ExtensionContext, deps: CommitMessageFeaturesDeps): void {
  const { logger, locator, repositories } = deps;
  let gitValidation = readGitInputValidation();
  const diagnostics = new CommitDiagnostics({
    gitValidation: () => gitValidation,
    lint: lintMessage,
    contextFor: (root, text) => repositories.lintContext(root, text),
    logger,
    // No git processes in an untrusted workspace: the locator offers the workspace folders then.
    containingRepository: (uri) => locator.forUri(uri),
  });
  const policyDiagnostics = new PolicyDiagnostics();
  // Lints the commit messages already open (or clears them when linting is off).
  diagnostics.setEnabled(deps.settings().lintEnabled);
  const subs = context.subscriptions;
  subs.push(diagnostics, policyDiagnostics);
  subs.push(
    vscode.languages.registerCodeActionsProvider([{ language: 'git-commit' }, { scheme: 'vscode-scm' }, { language: 'scminput' }], diagnostics, {
      providedCodeActionKinds: CommitDiagnostics.providedCodeActionKinds,
    }),
    vscode.languages.registerCodeActionsProvider({ pattern: '**/.github/change-control.json' }, policyDiagnostics, PolicyDiagnostics.metadata),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      diagnostics.lintDocument(doc);
      policyDiagnostics.update(doc);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      diagnostics.lintDocument(e.document);
      policyDiagnostics.update(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => diagnostics.documentSaved(doc)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      diagnostics.forget(doc);
      policyDiagnostics.forget(doc);
    }),
    // The quick fix inserts the branch's ticket: it is part of the lint context.
    repositories.onDidChange(({ repository, kind }) => {
      if (kind === 'lintContext') diagnostics.lintOpenDocuments(repository.root);
    }),
    // Registered after the composition root's listener, so the repositories hold the new overrides already.
    onDidChangeSettings((s) => diagnostics.setEnabled(s.lintEnabled)),
    onDidChangeGitInputValidation((v) => {
      gitValidation = v;
      diagnostics.lintOpenDocuments();
    }),
  );
  for (const doc of vscode.workspace.textDocuments) policyDiagnostics.update(doc);

  // Keep the hook's copy of the CLI current after an extension update.
  void refreshHookCli(context, true).catch((err: unknown) => logger.warn('Could not refresh the commit-msg hook CLI.', err));

  const noRepository = 'Open a folder that is a git repository';
  // Opening the policy file runs no git: it works in an untrusted workspace, on its folders.
  deps.commands.registerForRepository('changeControl.openPolicy', { title: 'Open Policy File', noRepository: `${noRepository} to edit its policy file.` }, (repository) => openPolicyFile(repository.root));
  deps.commands.registerForRepository(
    'changeControl.installHook',
    { title: 'Install Commit Message Hook', trust: 'trusted', noRepository: `${noRepository} to install the hook.` },
    (repository) => installHookCommand(context, repository.root, logger),
  );
}
