/**
 * The warning after a commit that breaks the policy: when HEAD moves
 * by one new commit on the same branch, its message is linted with the
 * repository's lint context, and errors bring one warning offering Amend
 * Message (a commit the user just made is the command they started).
 * The command itself (`changeControl.amendMessage`, also a blocker's
 * fix) is src/extension/fixes/registerFixes.ts.
 */
import * as vscode from 'vscode';
import { lintMessage } from '../../core/commitMessage/lint';
import type { Logger } from '../../core/ports';
import { latestCommit } from '../../git/amendMessage';
import type { CommandRegistry } from '../commands/registerCommands';
import type { ChangeRepositories } from '../repository/changeRepositories';
import type { ChangeRepository } from '../repository/changeRepository';

export const AMEND_MESSAGE_COMMAND = 'changeControl.amendMessage';

/** Registers the post-commit check (`onPassingCommit`: a new commit follows the policy). */
export function registerAmendMessage(context: vscode.ExtensionContext, deps: { commands: CommandRegistry; repositories: ChangeRepositories; logger: Logger; onPassingCommit?: () => void }): void {
  const heads = new Map<string, { branch: string | undefined; commit: string | undefined }>();
  context.subscriptions.push(
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
