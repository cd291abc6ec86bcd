/**
 * The Change view's actions once the pull request exists: Merge (only
 * offered when the gate says ready; the use case re-checks and refuses
 * while it blocks, so there is no "merge anyway"), Request Reviewers (a
 * searchable pick of collaborators and teams) and Re-request Review on a
 * reviewer's row. Each ends with a refresh of the view.
 */
import * as vscode from 'vscode';
import { isUnavailable } from '../../core/changeSnapshot';
import { ChangeControlError } from '../../core/errors';
import { mergeChange, type MergeResult } from '../../app/merge';
import { findOpenPullRequest, planReviewers, requestReviewers } from '../../github/pullRequests';
import { listReviewerCandidates } from '../../github/reviewers';
import { GitRepository } from '../../git/gitRepository';
import type { CommandRegistry } from '../commands/registerCommands';
import type { CommandContext } from '../commands/runCommand';
import { withCancellableProgress } from '../commands/withProgress';
import type { ChangeRepository } from '../repository/changeRepository';
import { readSettings } from '../settings';

export function registerMergeCommands(commands: CommandRegistry, ctx: CommandContext, version: string): void {
  // Merge runs git (fetch, switch) after GitHub: a trusted workspace only.
  commands.registerForRepository('changeControl.merge', { title: 'Merge', trust: 'trusted' }, (repository) => runMerge(repository, ctx, version));
  commands.registerForRepository('changeControl.requestReview', { title: 'Request Review', trust: 'trusted' }, (repository) => runRequestReviewers(repository));
  commands.registerForRepository('changeControl.reRequestReview', { title: 'Re-request Review' }, (repository, arg) => runReRequest(repository, arg));
}

/** After an action of ours the view must not wait for its next poll. */
async function refreshView(): Promise<void> {
  await vscode.commands.executeCommand('changeControl.refresh');
}

async function runMerge(repository: ChangeRepository, ctx: CommandContext, version: string): Promise<void> {
  const { policy, source } = await repository.loadChangePolicy();
  // The gate fails closed: a base policy that cannot be read, or a broken one, does not merge.
  if (isUnavailable(source)) throw new ChangeControlError('policy.invalid', `Not merged: the base branch's policy could not be read (${source.reason}).`, { hint: 'Fetch, then merge again.' });
  if ((source.problems ?? []).length > 0) throw new ChangeControlError('policy.invalid', `Not merged: the policy has problems: ${source.problems!.join('; ')}`, { hint: 'Fix the policy file first.' });
  const github = await repository.github(true);
  const branch = await currentBranch(repository);
  const confirm = await vscode.window.showInformationMessage(
    `Merge the pull request of ${branch ?? 'this branch'} into ${policy.branch.base}?`,
    { modal: true, detail: 'Change Control checks the change against the policy again, merges the commit it checked, puts the change record on the ticket, and switches to the updated base branch. Uncommitted work stays.' },
    'Merge',
  );
  if (confirm !== 'Merge') return;
  let result: MergeResult;
  try {
    result = await withCancellableProgress('Merging', (signal, progress) => mergeChange({
      root: repository.root, remote: readSettings().githubRemote, github, policy, policySource: source, logger: ctx.logger, signal,
      onProgress: (_step, message) => progress.report({ message }),
      generatorVersion: version, now: () => new Date(), secrets: () => ctx.secrets.values(),
    }));
  } finally {
    await refreshView();
  }
  const local = 'error' in result.local ? ` The local update was not done: ${result.local.error}` : result.local.notes.length > 0 ? ` ${result.local.notes.join('; ')}.` : '';
  const message = `${result.mergedNow ? 'Merged' : 'Already merged:'} pull request #${result.pr.number}: ${result.done.join(', ')}.${local}`;
  const actions = [...(result.record?.url ? ['Open Change Record'] : []), 'Open Pull Request'];
  const show = 'error' in result.local ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const picked = await show(message, ...actions);
  if (picked === 'Open Change Record' && result.record?.url) await vscode.env.openExternal(vscode.Uri.parse(result.record.url));
  if (picked === 'Open Pull Request') await vscode.env.openExternal(vscode.Uri.parse(result.pr.url));
}

async function currentBranch(repository: ChangeRepository): Promise<string | undefined> {
  return new GitRepository(repository.root).currentBranch().catch(() => undefined);
}

type ReviewerPick = vscode.QuickPickItem & { id: string };

async function runRequestReviewers(repository: ChangeRepository): Promise<void> {
  const github = await repository.github(true);
  const branch = await currentBranch(repository);
  if (!branch) throw new ChangeControlError('git.detachedHead', 'Request Reviewers needs a branch with a pull request.');
  const pr = await findOpenPullRequest(github.octokit, github.repo, branch);
  if (!pr) throw new ChangeControlError('github.notFound', `${branch} has no open pull request yet.`, { hint: 'Create the pull request first.' });
  const candidates = await withCancellableProgress('Reading collaborators and teams…', (signal) => listReviewerCandidates(github.octokit, github.repo, signal));
  const { policy } = await repository.loadChangePolicy();
  // Asked already, or named by the policy as the default reviewers: picked to start with.
  const requested = new Set([...pr.requested, ...policy.review.defaultReviewers].map((r) => r.toLowerCase()));
  const items: ReviewerPick[] = candidates
    .filter((c) => c.id.toLowerCase() !== pr.author?.toLowerCase())
    .map((c) => ({ id: c.id, label: `$(${c.kind === 'team' ? 'organization' : 'person'}) ${c.id}`, description: c.kind === 'team' ? c.name : undefined, picked: requested.has(c.id.toLowerCase()) }));
  const picked = await vscode.window.showQuickPick(items, { title: `Request Reviewers for #${pr.number}`, placeHolder: 'Type to search collaborators and teams', canPickMany: true, matchOnDescription: true, ignoreFocusOut: true });
  if (!picked) return;
  const plan = planReviewers(picked.map((p) => p.id), pr);
  const sent = await requestReviewers(github.octokit, github.repo, pr.number, plan);
  await repository.refreshNow('review requested');
  void vscode.window.showInformationMessage(sent ? `Review requested from ${[...plan.users, ...plan.teams].join(', ')}.` : 'Everyone picked was already asked.');
}

async function runReRequest(repository: ChangeRepository, arg: unknown): Promise<void> {
  const reviewer = reviewerArgument(arg);
  if (!reviewer || !/^[A-Za-z0-9-]+(?:\[bot\])?$/.test(reviewer)) return;
  const github = await repository.github(true);
  const branch = await currentBranch(repository);
  const pr = branch ? await findOpenPullRequest(github.octokit, github.repo, branch) : undefined;
  if (!pr) throw new ChangeControlError('github.notFound', 'There is no open pull request to re-request a review on.');
  // GitHub's own re-request: asking a past reviewer again puts them back on the requested list.
  await requestReviewers(github.octokit, github.repo, pr.number, { users: [reviewer], teams: [], skipped: [] });
  await refreshView();
  void vscode.window.showInformationMessage(`Review re-requested from ${reviewer} on #${pr.number}.`);
}

/** `{ root, reviewer }` (a row's click), or the row itself (its inline button): the reviewer's login. */
function reviewerArgument(arg: unknown): string | undefined {
  const node = (arg as { node?: { action?: { kind?: string; args?: unknown[] } } } | undefined)?.node;
  const direct = node?.action?.kind === 'command' ? node.action.args?.[0] : arg;
  const reviewer = typeof direct === 'object' && direct !== null ? (direct as { reviewer?: unknown }).reviewer : undefined;
  return typeof reviewer === 'string' ? reviewer : undefined;
}
