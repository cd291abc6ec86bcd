/**
 * Wires the commit-message features into the editor: diagnostics and quick
 * fixes for commit messages, diagnostics for the policy file, and the
 * "Open Policy File" and "Install Commit Message Hook" commands.
 */
import * as vscode from 'vscode';
import { lintMessage } from '../../core/commitMessage/lint';
import type { Logger } from '../../core/ports';
import type { GitApi, GitRepository } from '../gitApi';
import { installHookCommand, refreshHookCli } from '../hook/installHookCommand';
import { openPolicyFile } from '../policy/openPolicyFile';
import { PolicyDiagnostics } from '../policy/policyDiagnostics';
import type { RepositoryLocator } from '../repositories';
import { onDidChangeSettings, readSettings } from '../settings';
import { CommitDiagnostics } from './commitDiagnostics';
import { LintContextCache } from './lintContextCache';

export interface CommitMessageFeaturesDeps {
  logger: Logger;
  /** Registers a command through the error boundary. */
  register: (id: string, handler: (...args: unknown[]) => unknown) => void;
  locator: RepositoryLocator;
  /** The built-in git extension's API once known (undefined when git is off). */
  gitApi: Promise<GitApi | undefined>;
  /** Fires with a repository root when a command recorded its branch's ticket (Start Change, Link Ticket). */
  onDidRecordTicket?: vscode.Event<string>;
}

export function registerCommitMessageFeatures(context: vscode.ExtensionContext, deps: CommitMessageFeaturesDeps): void {
  const { logger, locator } = deps;
  const settings = readSettings();
  const cache = new LintContextCache(logger, () => vscode.workspace.isTrusted, settings.overrides);
  const diagnostics = new CommitDiagnostics({
    lint: lintMessage,
    cache,
    logger,
    // No git processes in an untrusted workspace: the workspace folder stands in for the repository.
    containingRepository: async (uri) =>
      vscode.workspace.isTrusted ? locator.forUri(uri) : vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath,
  });
  const policyDiagnostics = new PolicyDiagnostics();
  // Lints the commit messages already open (or clears them when linting is off).
  diagnostics.setEnabled(settings.lintEnabled);
  const subs = context.subscriptions;
  subs.push(cache, diagnostics, policyDiagnostics);
  subs.push(
    vscode.languages.registerCodeActionsProvider([{ language: 'git-commit' }, { scheme: 'vscode-scm' }, { language: 'scminput' }], diagnostics, {
      providedCodeActionKinds: CommitDiagnostics.providedCodeActionKinds,
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      diagnostics.lintDocument(doc);
      policyDiagnostics.update(doc);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      diagnostics.lintDocument(e.document);
      policyDiagnostics.update(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      diagnostics.forget(doc);
      policyDiagnostics.forget(doc);
    }),
    cache.onDidChange((root) => diagnostics.lintOpenDocuments(root)),
    onDidChangeSettings((s) => {
      cache.setOverrides(s.overrides);
      diagnostics.setEnabled(s.lintEnabled);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => cache.refreshAll()),
  );
  // The quick fix inserts the branch's ticket: learn it as soon as it is recorded.
  if (deps.onDidRecordTicket) subs.push(deps.onDidRecordTicket((root) => cache.refresh(root)));
  watchPolicyFiles(subs, cache);
  for (const doc of vscode.workspace.textDocuments) policyDiagnostics.update(doc);

  void deps.gitApi.then((api) => {
    if (api) watchBranches(api, subs, cache);
  });
  // Keep the hook's copy of the CLI current after an extension update.
  void refreshHookCli(context, true).catch((err: unknown) => logger.warn('Could not refresh the commit-msg hook CLI.', err));

  const pick = (title: string) => (): Promise<string | undefined> =>
    vscode.workspace.isTrusted ? locator.pick({ title }) : pickFolderWithoutGit(title);
  deps.register('changeControl.openPolicy', () => openPolicyFile(pick('Change Control: Open Policy File')));
  deps.register('changeControl.installHook', () => installHookCommand(context, pick('Change Control: Install Commit Message Hook'), logger));
}

/** In an untrusted workspace git is not run: offer the workspace folders instead. */
async function pickFolderWithoutGit(title: string): Promise<string | undefined> {
  const folders = vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file') ?? [];
  if (folders.length <= 1) return folders[0]?.uri.fsPath;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: title }))?.uri.fsPath;
}

/** Re-read a repository's context when its policy file or git config changes (also outside the editor). */
function watchPolicyFiles(subs: vscode.Disposable[], cache: LintContextCache): void {
  const watcher = vscode.workspace.createFileSystemWatcher('**/.github/change-control.json');
  const onFile = (uri: vscode.Uri): void => {
    if (uri.scheme === 'file') cache.refresh(vscode.Uri.joinPath(uri, '..', '..').fsPath);
  };
  subs.push(watcher, watcher.onDidCreate(onFile), watcher.onDidChange(onFile), watcher.onDidDelete(onFile));
  // Link Ticket and Start Change record the branch ticket (and users set core.commentChar) in .git/config.
  // git writes config.lock and renames it over config, which a watcher may report as a create.
  const gitConfig = vscode.workspace.createFileSystemWatcher('**/.git/config', false, false, true);
  subs.push(gitConfig, gitConfig.onDidChange(onFile), gitConfig.onDidCreate(onFile));
}

/** The branch ticket follows the checked-out branch. */
function watchBranches(api: GitApi, subs: vscode.Disposable[], cache: LintContextCache): void {
  const heads = new Map<string, string | undefined>();
  const watch = (repo: GitRepository): void => {
    const root = repo.rootUri.fsPath;
    heads.set(root, repo.state.HEAD?.name);
    subs.push(
      repo.state.onDidChange(() => {
        const head = repo.state.HEAD?.name;
        if (heads.get(root) === head) return;
        heads.set(root, head);
        cache.refresh(root);
      }),
    );
  };
  api.repositories.forEach(watch);
  subs.push(api.onDidOpenRepository(watch));
}
