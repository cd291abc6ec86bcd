/**
 * "Amend Message" (`changeControl.amendMessage`), the one implementation
 * for every place that offers it (the warning after a commit, a blocker
 * of the Change view): the latest commit's message opens in an editor,
 * linted as any commit message; saving it amends that commit's message
 * alone. Only the latest commit, and only while no remote branch holds
 * it: a pushed commit is never rewritten.
 *
 * Also the warning after a commit that breaks the policy: when HEAD moves
 * by one new commit on the same branch, its message is linted with the
 * repository's lint context, and errors bring one warning offering Amend
 * Message (a commit the user just made is the command they started).
 */
import * as vscode from 'vscode';
import { lintMessage } from '../../core/commitMessage/lint';
import type { Logger } from '../../core/ports';
import { amendLatestMessage, amendMessageFile, latestCommit, writeAmendMessageFile } from '../../git/amendMessage';
import type { CommandRegistry } from '../commands/registerCommands';
import type { ChangeRepositories } from '../repository/changeRepositories';
import type { ChangeRepository } from '../repository/changeRepository';

export const AMEND_MESSAGE_COMMAND = 'changeControl.amendMessage';

/** Registers the command and the post-commit check (`onPassingCommit`: a new commit follows the policy). */
export function registerAmendMessage(context: vscode.ExtensionContext, deps: { commands: CommandRegistry; repositories: ChangeRepositories; logger: Logger; onPassingCommit?: () => void }): void {
  const pending = new Map<string, vscode.Disposable>();
  deps.commands.registerForRepository(AMEND_MESSAGE_COMMAND, { title: 'Amend Message', trust: 'trusted' }, (repository) => openForAmend(repository.root, pending, deps.logger));
  const heads = new Map<string, { branch: string | undefined; commit: string | undefined }>();
  context.subscriptions.push(
    { dispose: () => [...pending.values()].forEach((d) => d.dispose()) },
    deps.repositories.onDidChange(({ repository, kind }) => {
      if (kind !== 'head' || !vscode.workspace.isTrusted) return;
      const head = repository.gitRepository?.state.HEAD;
      const before = heads.get(repository.root);
      const now = { branch: head?.name, commit: head?.commit };
      heads.set(repository.root, now);
      if (!before || !now.commit || before.commit === now.commit || before.branch !== now.branch) return;
      void warnIfCommitBreaksPolicy(repository, before.commit, deps.onPassingCommit).catch((err: unknown) => deps.logger.warn('Could not check the new commit.', err));
    }),
  );
}

async function warnIfCommitBreaksPolicy(repository: ChangeRepository, previous: string | undefined, onPassing?: () => void): Promise<void> {
  const latest = await latestCommit(repository.root);
  if (!latest || latest.onRemotes.length > 0) return;
  // Only a commit made on top of the previous HEAD (not a pull, a reset or a switch).
  if (!previous || !latest.parents.includes(previous)) return;
  const findings = lintMessage(latest.message, repository.lintContext(latest.message)).filter((f) => f.severity === 'error');
  if (findings.length === 0) {
    onPassing?.();
    return;
  }
  const first = findings[0]?.message ?? '';
  const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : '';
  const choice = await vscode.window.showWarningMessage(`The commit ${latest.sha.slice(0, 7)} breaks the commit policy: ${first}${more}`, 'Amend Message');
  if (choice === 'Amend Message') await vscode.commands.executeCommand(AMEND_MESSAGE_COMMAND, repository.root);
}

async function openForAmend(root: string, pending: Map<string, vscode.Disposable>, logger: Logger): Promise<void> {
  const latest = await latestCommit(root);
  if (!latest) {
    void vscode.window.showInformationMessage('There is no commit to amend yet.');
    return;
  }
  if (latest.onRemotes.length > 0) {
    void vscode.window.showWarningMessage(`The latest commit is already on ${latest.onRemotes[0]}: Change Control never rewrites a pushed commit. Make a new commit instead.`);
    return;
  }
  const file = await amendMessageFile(root);
  await writeAmendMessageFile(file, latest.message, latest.sha);
  const uri = vscode.Uri.file(file);
  pending.get(file)?.dispose();
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, 'git-commit');
  await vscode.window.showTextDocument(doc);
  const listeners = [
    vscode.workspace.onDidSaveTextDocument(async (saved) => {
      if (saved.uri.fsPath !== file) return;
      done.dispose();
      try {
        const sha = await amendLatestMessage(root, file, latest.sha);
        logger.info(`Amended the message of ${latest.sha.slice(0, 12)}: now ${sha.slice(0, 12)}`);
        void vscode.window.showInformationMessage(`Amended the latest commit's message (now ${sha.slice(0, 7)}).`);
        if (vscode.window.activeTextEditor?.document.uri.fsPath === file) await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } catch (err) {
        logger.error('Amend Message failed.', err);
        void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
      }
    }),
    vscode.workspace.onDidCloseTextDocument((closed) => {
      if (closed.uri.fsPath === file) done.dispose();
    }),
  ];
  const done = new vscode.Disposable(() => {
    listeners.forEach((l) => l.dispose());
    pending.delete(file);
  });
  pending.set(file, done);
}
