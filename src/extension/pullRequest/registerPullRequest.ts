/**
 * "Change Control: Sign In to GitHub" and "Change Control: Open Pull
 * Request". The pre-flight is shown in one quick pick (blockers stop,
 * warnings let the user continue), the description is edited in a
 * Markdown editor before anything is sent, and the flow runs under a
 * cancellable progress notification.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isChangeControlError } from '../../core/errors';
import type { Policy } from '../../core/policy/schema';
import type { TicketProvider } from '../../core/ports';
import { pullRequestBody } from '../../core/pullRequest';
import { commitLinterFor } from '../../github/commitLinter';
import { readTrackedFile } from '../../git/pullRequestGit';
import { openPullRequest, preparePullRequest, type OpenResult, type PreparedPullRequest } from '../../app/openPullRequest';
import { GitHubTicketProvider } from '../../tickets/githubTicketProvider';
import type { CommandRegistry } from '../commands/registerCommands';
import type { CommandContext } from '../commands/runCommand';
import { withCancellableProgress } from '../commands/withProgress';
import { changePolicyNotes } from '../policy/loadEffectivePolicy';
import type { ChangeRepository } from '../repository/changeRepository';
import { readSettings } from '../settings';
import type { GitHubSessions } from '../github/githubSessions';

export interface GitHubFeatures {
  sessions: GitHubSessions;
  /** The GitHub-issues ticket provider of a repository (prompts for sign-in when `interactive`). */
  ticketProvider(root: string, policy: Policy, interactive: boolean): Promise<TicketProvider>;
  /**
   * For Start Change (the user acted, so sign-in may be asked for): the
   * GitHub provider, or undefined (the ID input box) when the repository
   * is not on GitHub or the user declines to sign in.
   */
  startChangeTickets(root: string, policy: Policy): Promise<TicketProvider | undefined>;
}

export function registerPullRequest(commands: CommandRegistry, ctx: CommandContext, sessions: GitHubSessions): GitHubFeatures {
  // No repository (or a dismissed pick): sign in to github.com.
  commands.registerForOptionalRepository('changeControl.signIn', { title: 'Sign In to GitHub' }, async (repository) => sessions.signIn(repository?.root));
  // Open Pull Request pushes with git, which runs repository hooks.
  commands.registerForRepository('changeControl.openPullRequest', { title: 'Open Pull Request', trust: 'trusted' }, (repository) => runOpenPullRequest(repository, ctx));
  // Silent at activation: only learn whether a session exists, never prompt.
  sessions.hasSession().then(
    (yes) => ctx.logger.info(yes ? 'GitHub: signed in.' : 'GitHub: not signed in (sign in when you open a pull request).'),
    (err: unknown) => ctx.logger.warn('GitHub: could not read the session:', err),
  );
  const ticketProvider = async (root: string, policy: Policy, interactive: boolean): Promise<TicketProvider> => {
    // The quick pick lives as long as the user types: no command deadline, each request keeps its timeout.
    const github = await sessions.connect(root, interactive, { deadline: false });
    return new GitHubTicketProvider({ octokit: github.octokit, codeRepo: github.repo, tracker: policy.tracker, currentLogin: () => github.login() });
  };
  return {
    sessions,
    ticketProvider,
    async startChangeTickets(root, policy) {
      try {
        return await ticketProvider(root, policy, true);
      } catch (err) {
        // Not on GitHub, or sign-in declined: Start Change still works with a typed ticket ID.
        ctx.logger.info('Start Change: GitHub issues are not available, asking for the ticket ID instead:', err);
        return undefined;
      }
    },
  };
}

async function runOpenPullRequest(repository: ChangeRepository, ctx: CommandContext): Promise<void> {
  const { root } = repository;
  const remote = readSettings().githubRemote;
  const { policy, source } = await repository.loadChangePolicy();
  const github = await repository.github(true);
  const prepared = await withCancellableProgress('Checking the change…', (signal) =>
    preparePullRequest({ root, remote, repo: github.repo, policy, octokit: github.octokit, lint: commitLinterFor(policy), signal }));
  const draft = await confirmPreflight(prepared, changePolicyNotes(source));
  if (draft === undefined) return;
  const withTemplate = await pickTemplate(prepared);
  if (!withTemplate) return;
  const body = await editDescription(withTemplate);
  if (body === undefined) return;
  const reviewers = await pickReviewers(policy);
  if (reviewers === undefined) return;
  let result: OpenResult;
  try {
    result = await withCancellableProgress('Opening the pull request', (signal, progress) =>
      openPullRequest(prepared, { title: prepared.title, body, draft, reviewers }, { octokit: github.octokit, logger: ctx.logger, signal, onProgress: (_s, message) => progress.report({ message }) }));
  } catch (err) {
    // A cancel after some steps is not silent: the user must know what is already on GitHub.
    const done = isChangeControlError(err, 'cancelled') ? (err.detail?.done as string[] | undefined) : undefined;
    if (done && done.length > 0) {
      void vscode.window.showWarningMessage(err instanceof Error ? err.message : String(err));
    }
    throw err;
  }
  // The view shows the new pull request before the notification does.
  await repository.refreshNow(result.created ? 'pull request opened' : 'pull request found');
  await showResult(result);
}

type PreflightPick = vscode.QuickPickItem & { action?: 'create' | 'draft' | 'cancel' };

/** One place for the pre-flight. Resolves to "draft?" or undefined when stopped. */
async function confirmPreflight(prepared: PreparedPullRequest, policyNotes: readonly string[]): Promise<boolean | undefined> {
  const { blockers, warnings } = prepared.preflight;
  const items: PreflightPick[] = [
    ...blockers.map((b) => ({ label: `$(error) ${b.message}`, alwaysShow: true })),
    ...warnings.map((w) => ({ label: `$(warning) ${w.message}`, alwaysShow: true })),
    ...policyNotes.map((n) => ({ label: `$(law) ${n}`, alwaysShow: true })),
  ];
  if (blockers.length === 0 && warnings.length === 0) items.unshift({ label: '$(pass) Ready: no blockers, no warnings' });
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  if (blockers.length === 0) {
    items.push({ label: '$(git-pull-request-create) Continue', description: prepared.title, action: 'create' });
    items.push({ label: '$(git-pull-request-draft) Continue as Draft', action: 'draft' });
  }
  items.push({ label: blockers.length > 0 ? 'Close' : 'Cancel', action: 'cancel' });
  const title = blockers.length > 0 ? `Open Pull Request: ${blockers.length} blocker(s) to fix first` : `Open Pull Request: ${prepared.title}`;
  for (;;) {
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Pre-flight', ignoreFocusOut: true });
    if (!picked || picked.action === 'cancel') return undefined;
    if (picked.action) return picked.action === 'draft';
    // A blocker or warning line was picked: show the list again.
  }
}

/** When the repository has several templates (a PULL_REQUEST_TEMPLATE folder), the user picks one. */
async function pickTemplate(prepared: PreparedPullRequest): Promise<PreparedPullRequest | undefined> {
  const template = prepared.template;
  if (!template || template.alternatives.length === 0) return prepared;
  const picked = await vscode.window.showQuickPick([template.path, ...template.alternatives].map((p) => ({ label: path.posix.basename(p), description: p })), {
    title: 'Open Pull Request: Pull Request Template',
    placeHolder: 'Which template fits this change?',
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.description === template.path) return prepared;
  const bodyInput = { ...prepared.bodyInput, template: await readTrackedFile(prepared.root, picked.description) };
  return { ...prepared, bodyInput, body: pullRequestBody(bodyInput), template: { path: picked.description, alternatives: [] } };
}

/** The body in an untitled Markdown editor; the user edits it, then confirms. */
async function editDescription(prepared: PreparedPullRequest): Promise<string | undefined> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: prepared.body });
  await vscode.window.showTextDocument(doc, { preview: false });
  const choice = await vscode.window.showInformationMessage(
    `Edit the description of "${prepared.title}", then create the pull request.`,
    'Create Pull Request',
    'Cancel',
  );
  const text = doc.getText();
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return choice === 'Create Pull Request' ? text : undefined;
}

async function pickReviewers(policy: Policy): Promise<string[] | undefined> {
  const value = await vscode.window.showInputBox({
    title: 'Open Pull Request: Reviewers',
    prompt: 'GitHub logins or org/team, separated by commas (empty for none)',
    value: policy.review.defaultReviewers.join(', '),
    ignoreFocusOut: true,
  });
  return value === undefined ? undefined : value.split(/[,\s]+/).map((r) => r.trim()).filter(Boolean);
}

async function showResult(result: OpenResult): Promise<void> {
  const skipped = result.reviewers.skipped.map((s) => `${s.reviewer} ${s.reason}`).join('; ');
  const head = result.created ? `Pull request #${result.pr.number} created.` : `Pull request #${result.pr.number} was already open; nothing was duplicated.`;
  const message = `${head} ${result.done.join(', ')}.${skipped ? ` Not requested: ${skipped}.` : ''}`;
  const show = skipped ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  if ((await show(message, 'Open Pull Request')) === 'Open Pull Request') await vscode.env.openExternal(vscode.Uri.parse(result.pr.url));
}
