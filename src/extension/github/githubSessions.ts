/**
 * GitHub sign-in in the editor: a silent session at activation, an
 * interactive one only when the user acts. Which sign-in, and where its
 * token goes, is decided before any session is read, from the user-level
 * settings only (githubTarget.ts): a remote on a host the user did not
 * configure gets no token and no request. Each connect() builds a client
 * bounded by the command's deadline (changeControl.github.timeoutSeconds);
 * the ETag cache outlives clients. The token only lives in the
 * SecretRegistry (for redaction) and in the client.
 */
import * as vscode from 'vscode';
import { ChangeControlError } from '../../core/errors';
import type { Logger } from '../../core/ports';
import type { SecretRegistry } from '../../core/redact';
import { connectGitHub, resolveRemoteTarget, type AuthProviderId, type GitHubConnection } from '../../app/connect';
import { Deadline } from '../../github/deadline';
import { EtagCache } from '../../github/etagCache';
import type { GitHubHostConfig, GitHubTarget } from '../../github/githubTarget';
import { readSettings, type Settings } from '../settings';

export const GITHUB_SCOPES = ['repo'];

export interface ConnectBound {
  /** False for a long-lived client (a ticket quick pick the user types into): each request keeps its own timeout. */
  deadline?: boolean;
  /** Multiplies the bound (a release-range evidence report reads every change in it: RANGE_BOUND_FACTOR). */
  scale?: number;
}

export class GitHubSessions implements vscode.Disposable {
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
        this.changed.fire();
      }),
    );
  }

  /** Silent look-up at activation: never prompts. */
  async hasSession(provider: AuthProviderId = 'github'): Promise<boolean> {
    return (await vscode.authentication.getSession(provider, GITHUB_SCOPES, { silent: true })) !== undefined;
  }

  /** Interactive sign-in (the user asked for it), to the sign-in the repository's remote needs. */
  async signIn(root?: string): Promise<void> {
    const provider = root ? (await this.targetFor(root, readSettings())).provider : 'github';
    const session = await getSessionOrCancel(provider, true);
    if (!session) return;
    this.remember(session.accessToken);
    this.changed.fire();
    void vscode.window.showInformationMessage(`Signed in to GitHub as ${session.account.label}.`);
  }

  /**
   * The client for a repository. `interactive` lets VS Code ask the user
   * to sign in; without it a missing session is a `github.unauthorized`
   * error. A remote that is not on a configured GitHub is a
   * `github.noRepository` error before any session is read.
   */
  async connect(root: string, interactive: boolean, bound: ConnectBound = {}): Promise<GitHubConnection> {
    const settings = readSettings();
    const target = await this.targetFor(root, settings);
    const session = await getSessionOrCancel(target.provider, interactive);
    if (!session) {
      throw new ChangeControlError('github.unauthorized', 'You are not signed in to GitHub.', { hint: 'Sign in to GitHub to continue.' });
    }
    this.remember(session.accessToken);
    const token = session.accessToken;
    return connectGitHub({
      root,
      remote: settings.githubRemote,
      apiUrl: settings.githubApiUrl,
      target,
      token: async () => token,
      logger: this.logger,
      secrets: this.secrets,
      cache: this.cache,
      ...(bound.deadline === false ? {} : { deadline: new Deadline(settings.githubTimeoutSeconds * (bound.scale ?? 1)) }),
    });
  }

  private targetFor(root: string, settings: Settings): Promise<GitHubTarget> {
    const hosts: GitHubHostConfig = { apiUrl: settings.githubApiUrl, apiUrlSource: settings.githubApiUrlSource, enterpriseUri: settings.enterpriseUri, tokenFrom: 'editor' };
    return resolveRemoteTarget(root, settings.githubRemote, hosts);
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
