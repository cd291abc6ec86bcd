/**
 * "Create Pull Request": one webview form per repository, in the editor
 * area, like the GitHub Pull Requests extension's Create view. It holds
 * the title, the base, the description (from the template), the reviewer
 * picker, the draft toggle and a Create button that stays put while the
 * description is edited; it shows the whole pre-flight. When the branch
 * already has an open pull request, the page says so first and offers
 * Open and Update Description; the create flow never starts.
 *
 * The page is untrusted: every message it sends is parsed (zod) and every
 * message it gets is checked; the token stays in the extension host.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { openPullRequest, preparePullRequest, type PreparedPullRequest } from '../../app/openPullRequest';
import { describeError } from '../../core/errors';
import { commitLinterFor } from '../../github/commitLinter';
import { findOpenPullRequest, updatePullRequestBody, type OpenedPullRequest } from '../../github/pullRequests';
import { listReviewerCandidates, type ReviewerCandidate } from '../../github/reviewers';
import type { GitHubConnection } from '../../app/connect';
import type { CommandRegistry } from '../commands/registerCommands';
import type { CommandContext } from '../commands/runCommand';
import { changePolicyNotes } from '../policy/loadEffectivePolicy';
import type { ChangeRepository } from '../repository/changeRepository';
import { readSettings } from '../settings';
import { createPullRequestHtml } from './createPullRequestHtml';
import { checkedToWebview, parseFromWebview, type FromWebview, type SurfaceState, type ToWebview } from './createPullRequestMessages';

export const CREATE_PULL_REQUEST_VIEW = 'changeControl.createPullRequest';

interface Loaded {
  prepared: PreparedPullRequest;
  github: GitHubConnection;
  existing: OpenedPullRequest | undefined;
  state: SurfaceState;
}

/** The open panels, by repository root: a second Create Pull Request shows the same one. */
const panels = new Map<string, CreatePullRequestPanel>();

export async function showCreatePullRequest(repository: ChangeRepository, ctx: CommandContext, extensionUri: vscode.Uri): Promise<CreatePullRequestPanel> {
  const open = panels.get(repository.root);
  if (open) {
    open.reveal();
    await open.reload();
    return open;
  }
  const panel = new CreatePullRequestPanel(repository, ctx, extensionUri);
  panels.set(repository.root, panel);
  await panel.reload();
  return panel;
}

export class CreatePullRequestPanel {
  private readonly panel: vscode.WebviewPanel;
  private loaded: Loaded | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly repository: ChangeRepository, private readonly ctx: CommandContext, extensionUri: vscode.Uri) {
    const codicons = vscode.Uri.joinPath(extensionUri, 'out', 'codicons');
    this.panel = vscode.window.createWebviewPanel(CREATE_PULL_REQUEST_VIEW, 'Create Pull Request', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [codicons],
    });
    const webview = this.panel.webview;
    webview.html = createPullRequestHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      codiconsCss: webview.asWebviewUri(vscode.Uri.joinPath(codicons, 'codicon.css')).toString(),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** The state the page shows now (for tests). */
  get state(): SurfaceState | undefined {
    return this.loaded?.state;
  }

  /** Gathers everything afresh (pre-flight, open pull request, candidates) and shows it. */
  async reload(keep?: Pick<SurfaceState, 'title' | 'body' | 'draft' | 'reviewers'>): Promise<void> {
    this.post({ type: 'busy', message: 'Checking the change…' });
    try {
      this.loaded = await this.load(keep);
      this.post({ type: 'state', state: this.loaded.state });
    } catch (err) {
      this.ctx.logger.warn('Create Pull Request: could not prepare the pull request:', err);
      this.post({ type: 'error', message: describeError(err) });
      throw err;
    }
  }

  private async load(keep?: Pick<SurfaceState, 'title' | 'body' | 'draft' | 'reviewers'>): Promise<Loaded> {
    const { root } = this.repository;
    const remote = readSettings().githubRemote;
    const { policy, source } = await this.repository.loadChangePolicy();
    const github = await this.repository.github(true);
    const prepared = await preparePullRequest({ root, remote, repo: github.repo, policy, octokit: github.octokit, lint: commitLinterFor(policy) });
    const existing = prepared.branch ? await findOpenPullRequest(github.octokit, github.repo, prepared.branch) : undefined;
    let candidates: ReviewerCandidate[] = [];
    let candidatesNote: string | undefined;
    try {
      candidates = await listReviewerCandidates(github.octokit, github.repo);
    } catch (err) {
      // The picker still takes a typed login; the page says why the list is empty.
      candidatesNote = `Collaborators could not be read (${describeError(err)}); type a login and press Enter.`;
    }
    const state: SurfaceState = {
      repository: `${github.repo.owner}/${github.repo.repo}`,
      branch: prepared.branch ?? '(detached HEAD)',
      base: policy.branch.base,
      title: keep?.title ?? existing?.title ?? prepared.title,
      body: keep?.body ?? prepared.body,
      draft: keep?.draft ?? false,
      reviewers: keep?.reviewers ?? policy.review.defaultReviewers.filter((r) => r.toLowerCase() !== existing?.author?.toLowerCase()),
      candidates,
      ...(candidatesNote ? { candidatesNote } : {}),
      preflight: prepared.report,
      policyNotes: changePolicyNotes(source),
      ...(existing ? { existing: { number: existing.number, title: existing.title, url: existing.url } } : {}),
    };
    return { prepared, github, existing, state };
  }

  /** True once the page's script ran (under the CSP) and said "ready". */
  get pageReady(): boolean {
    return this.ready;
  }

  /** One message from the page: parsed, then handled; a failure is shown on the page. */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseFromWebview(raw);
    if ('problem' in parsed) {
      this.ctx.logger.warn(`Create Pull Request: ignored a message from the page: ${parsed.problem}`);
      this.post({ type: 'error', message: `Not sent: ${parsed.problem}.` });
      return;
    }
    try {
      await this.handle(parsed.message);
    } catch (err) {
      this.ctx.logger.error('Create Pull Request:', err);
      this.post({ type: 'error', message: describeError(err) });
    }
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.loaded) this.post({ type: 'state', state: this.loaded.state });
        return;
      case 'recheck':
        return this.reload({ title: message.title, body: message.body, draft: message.draft, reviewers: message.reviewers });
      case 'openExisting':
        if (this.loaded?.existing) await vscode.env.openExternal(vscode.Uri.parse(this.loaded.existing.url));
        return;
      case 'updateDescription':
        return this.updateDescription(message.body);
      case 'create':
        return this.create(message);
    }
  }

  private async updateDescription(body: string): Promise<void> {
    const loaded = this.loaded;
    if (!loaded?.existing) return;
    await updatePullRequestBody(loaded.github.octokit, loaded.github.repo, loaded.existing.number, body);
    loaded.state = { ...loaded.state, body };
    this.post({ type: 'done', message: `Updated the description of #${loaded.existing.number}.` });
    await vscode.commands.executeCommand('changeControl.refresh');
  }

  private async create(choices: Extract<FromWebview, { type: 'create' }>): Promise<void> {
    const loaded = this.loaded;
    if (!loaded) return;
    if (loaded.existing) {
      // Never the create flow when one is open: the page offers Open and Update Description.
      this.post({ type: 'state', state: loaded.state });
      return;
    }
    const result = await openPullRequest(loaded.prepared, { title: choices.title, body: choices.body, draft: choices.draft, reviewers: choices.reviewers }, {
      octokit: loaded.github.octokit,
      logger: this.ctx.logger,
      onProgress: (_step, text) => this.post({ type: 'busy', message: text }),
    });
    const skipped = result.reviewers.skipped.map((s) => `${s.reviewer} ${s.reason}`).join('; ');
    await this.reload({ title: choices.title, body: choices.body, draft: choices.draft, reviewers: choices.reviewers });
    this.post({ type: 'done', message: `${result.created ? 'Created' : 'Found'} pull request #${result.pr.number}: ${result.done.join(', ')}.${skipped ? ` Not requested: ${skipped}.` : ''}` });
    await vscode.commands.executeCommand('changeControl.refresh');
  }

  private post(message: ToWebview): void {
    if (!this.ready && message.type !== 'state') return;
    void this.panel.webview.postMessage(checkedToWebview(message));
  }

  dispose(): void {
    if (panels.get(this.repository.root) === this) panels.delete(this.repository.root);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** "Change Control: Create Pull Request". Pushing runs repository hooks: a trusted workspace only. */
export function registerCreatePullRequest(commands: CommandRegistry, ctx: CommandContext, extensionUri: vscode.Uri): void {
  commands.registerForRepository('changeControl.createPullRequest', { title: 'Create Pull Request', trust: 'trusted' }, async (repository) => {
    const panel = await showCreatePullRequest(repository, ctx, extensionUri);
    // The e2e tests read what the page shows, and send what the page sends (through the same parsing).
    return { state: () => panel.state, pageReady: () => panel.pageReady, send: (raw: unknown) => panel.receive(raw) };
  });
}
