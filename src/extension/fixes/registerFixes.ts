/**
 * The fixes the Change view's blocker rows run that no other command
 * did: Push, Request Review, Amend Message and Update Branch from Base,
 * and "Fix" (the inline button that runs a row's own action). Each
 * refreshes the view when done (ChangeRepository.refreshNow), so the
 * blocker it fixed goes away at once.
 */
import * as vscode from 'vscode';
import { amendRefusal, applyTextEdits, splitSubject, withSubject } from '../../core/amendMessage';
import { STORED_MESSAGE } from '../../core/commitMessage/cleanup';
import { lintMessage } from '../../core/commitMessage/lint';
import { ChangeControlError } from '../../core/errors';
import type { NodeAction } from '../../core/changeTreeNode';
import { amendHeadMessage, readAmendTarget } from '../../git/amend';
import { currentBranch } from '../../git/commits';
import { GitRepository } from '../../git/gitRepository';
import { mergeBaseInto } from '../../git/updateBranch';
import type { CommandRegistry } from '../commands/registerCommands';
import type { CommandContext } from '../commands/runCommand';
import { withCancellableProgress } from '../commands/withProgress';
import { selectFixAll } from '../diagnostics/fixAll';
import type { ChangeRepository } from '../repository/changeRepository';
import { readSettings } from '../settings';

export function registerFixes(commands: CommandRegistry, ctx: CommandContext): void {
  commands.register('changeControl.runFix', async (arg) => runFix(arg));
  // Each runs git (and its hooks) or acts on GitHub for the repository.
  commands.registerForRepository('changeControl.push', { title: 'Push Branch', trust: 'trusted' }, (repository) => push(repository, ctx));
  commands.registerForRepository('changeControl.amendMessage', { title: 'Amend Message', trust: 'trusted' }, (repository, _root, sha) => amend(repository, typeof sha === 'string' ? sha : undefined));
  commands.registerForRepository('changeControl.updateBranch', { title: 'Update Branch from Base', trust: 'trusted' }, (repository) => updateBranch(repository));
}

/** The inline "Fix" button: runs the row's own action (what a click on it runs). */
async function runFix(arg: unknown): Promise<void> {
  const action = (arg as { node?: { action?: NodeAction } } | undefined)?.node?.action;
  if (!action) return;
  if (action.kind === 'openUrl') await vscode.env.openExternal(vscode.Uri.parse(action.url));
  else await vscode.commands.executeCommand(action.command, ...(action.args ?? []));
}

async function branchOf(root: string, what: string): Promise<string> {
  const branch = await currentBranch(root);
  if (!branch) throw new ChangeControlError('git.detachedHead', `HEAD is detached, so there is no branch to ${what}.`, { hint: 'Check out the feature branch first.' });
  return branch;
}

async function push(repository: ChangeRepository, ctx: CommandContext): Promise<void> {
  const branch = await branchOf(repository.root, 'push');
  const remote = readSettings().githubRemote;
  const result = await withCancellableProgress(`Pushing ${branch} to ${remote}…`, (signal) => new GitRepository(repository.root).push(remote, branch, signal));
  ctx.logger.info(`Push: ${branch} to ${remote}${result.updated ? '' : ' (already up to date)'}`);
  await repository.refreshNow('branch pushed');
  void vscode.window.showInformationMessage(result.updated ? `Pushed ${branch} to ${remote}.` : `${branch} was already pushed to ${remote}.`);
}


/**
 * Amend Message: the latest, unpushed commit only. The body gets the
 * linter's own fixes; the user types the subject, checked as they type.
 * `--only` leaves whatever is staged or modified as it is.
 */
async function amend(repository: ChangeRepository, sha: string | undefined): Promise<void> {
  const { root } = repository;
  const head = await readAmendTarget(root, sha);
  const refusal = amendRefusal(head);
  if (refusal) throw new ChangeControlError('usage', refusal);
  const context = { ...repository.lintContext(head.message), cleanup: STORED_MESSAGE };
  const fixed = applyTextEdits(head.message, selectFixAll(lintMessage(head.message, context)).edits);
  const problems = (text: string): string[] => lintMessage(withSubject(fixed, text), context).filter((f) => f.severity === 'error').map((f) => f.message);
  const subject = await vscode.window.showInputBox({
    title: `Change Control: Amend Message of ${head.headSha?.slice(0, 7)}`,
    prompt: 'The commit subject; the body keeps its text, with the linter’s fixes applied',
    value: splitSubject(fixed).subject,
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (text.trim() === '') return { message: 'The subject cannot be empty.', severity: vscode.InputBoxValidationSeverity.Error };
      const left = problems(text);
      return left.length ? { message: left.join(' · '), severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
    },
  });
  if (!subject?.trim()) return;
  await amendHeadMessage(root, withSubject(fixed, subject));
  await repository.refreshNow('commit message amended');
  const left = problems(subject);
  void vscode.window.showInformationMessage(left.length ? `Amended the message; ${left.length} problem(s) remain: ${left.join(' · ')}` : 'Amended the commit message; it follows the policy.');
}

async function updateBranch(repository: ChangeRepository): Promise<void> {
  const { policy } = await repository.loadChangePolicy();
  const remote = readSettings().githubRemote;
  const baseRef = `${remote}/${policy.branch.base}`;
  await withCancellableProgress(`Merging ${baseRef}…`, async (signal) => {
    await new GitRepository(repository.root).fetch(remote, signal);
    await mergeBaseInto(repository.root, baseRef);
  });
  await repository.refreshNow('branch updated from base');
  void vscode.window.showInformationMessage(`Merged ${baseRef} into the branch.`);
}
