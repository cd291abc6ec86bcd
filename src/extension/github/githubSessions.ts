/**
 * GitHub sign-in in the editor: a silent session at activation, an
 * interactive one only when the user acts; `github-enterprise` when the
 * remote's host is the `github-enterprise.uri` host. The client is cached
 * per repository and dropped whenever the sessions change. The token only
 * lives in the SecretRegistry (for redaction) and in the client.
 */
import * as vscode from 'vscode';
import { ChangeControlError } from '../../core/errors';
import type { Logger } from '../../core/ports';
import type { SecretRegistry } from '../../core/redact';
import { authProviderForRemote, connectGitHub, type AuthProviderId, type GitHubConnection } from '../../github/connect';
import { EtagCache } from '../../github/etagCache';
import { remoteUrl } from '../../git/pullRequestGit';
import { readSettings, type Settings } from '../settings';

export const GITHUB_SCOPES = ['repo'];

export class GitHubSessions implements vscode.Disposable {
  private readonly clients = new Map<string, Promise<GitHubConnection>>();
  /** Survives client rebuilds so conditional GETs keep saving rate limit. */
  private readonly cache = new EtagCache();
  private readonly tokens = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when sign-in state changes (the sidebar refreshes). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: SecretRegistry, private readonly logger: Logger) {
    this.disposables.push(
      this.changed,
      vscode.authentication.onDidChangeSessions((e) => {
        if (e.provider.id !== 'github' && e.provider.id !== 'github-enterprise') return;
        this.logger.info(`GitHub sessions changed (${e.provider.id}); reconnecting on next use.`);
        this.clients.clear();
        this.changed.fire();
      }),
    );
  }

  /** Silent look-up at activation: never prompts. */
  async hasSession(provider: AuthProviderId = 'github'): Promise<boolean> {
    return (await vscode.authentication.getSession(provider, GITHUB_SCOPES, { silent: true })) !== undefined;
  }

  /** Interactive sign-in (the user asked for it). */
  async signIn(root?: string): Promise<void> {
    const provider = root ? await this.providerFor(root) : 'github';
    const session = await getSessionOrCancel(provider, true);
    if (!session) return;
    this.remember(session.accessToken);
    this.clients.clear();
    this.changed.fire();
    void vscode.window.showInformationMessage(`Signed in to GitHub as ${session.account.label}.`);
  }

  /**
   * The client for a repository. `interactive` lets VS Code ask the user
   * to sign in; without it a missing session is a `github.unauthorized` error.
   */
  async connect(root: string, interactive: boolean): Promise<GitHubConnection> {
    const settings = readSettings();
    const key = `${root}\0${settings.githubRemote}\0${settings.githubApiUrl}`;
    let pending = this.clients.get(key);
    if (!pending) {
      pending = this.createConnection(root, settings, interactive);
      this.clients.set(key, pending);
      pending.catch(() => this.clients.delete(key));
    }
    return pending;
  }

  private async createConnection(root: string, settings: Settings, interactive: boolean): Promise<GitHubConnection> {
    const provider = await this.providerFor(root, settings);
    const session = await getSessionOrCancel(provider, interactive);
    if (!session) {
      throw new ChangeControlError('github.unauthorized', 'You are not signed in to GitHub.', { hint: 'Sign in to GitHub to continue.' });
    }
    this.remember(session.accessToken);
    const token = session.accessToken;
    return connectGitHub({ root, remote: settings.githubRemote, apiUrl: settings.githubApiUrl, token: async () => token, logger: this.logger, secrets: this.secrets, cache: this.cache });
  }

  private async providerFor(root: string, settings = readSettings()): Promise<AuthProviderId> {
    return authProviderForRemote(await remoteUrl(root, settings.githubRemote), settings.enterpriseUri);
  }

  private remember(token: string): void {
    this.tokens.add(token);
    this.secrets.add(token);
  }

  dispose(): void {
    for (const t of this.tokens) this.secrets.delete(t);
    for (const d of this.disposables) d.dispose();
  }
}

/** A declined sign-in prompt is the user's choice, not an error. */
async function getSessionOrCancel(provider: AuthProviderId, interactive: boolean): Promise<vscode.AuthenticationSession | undefined> {
  try {
    return await vscode.authentication.getSession(provider, GITHUB_SCOPES, interactive ? { createIfNone: true } : { silent: true });
  } catch (err) {
    if (!interactive) throw err;
    throw new ChangeControlError('cancelled', 'Sign-in to GitHub was not completed.', { cause: err });
  }
}
