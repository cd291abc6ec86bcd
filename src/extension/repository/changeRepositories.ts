/**
 * The workspace's ChangeRepository instances: one per git repository,
 * created when the built-in git extension opens it (or when a command or
 * a commit message first needs a repository the extension does not show)
 * and disposed when it closes. Policy files and .git/config are watched
 * once for all of them; settings and trust changes reach every one. Every
 * repository's `onDidChange` is relayed through one event.
 */
import * as vscode from 'vscode';
import type { LintContext } from '../../core/commitMessage/types';
import type { GitApi, VsCodeGitRepository } from '../gitApi';
import { ChangeRepository, type ChangeRepositoryDeps, type RepositoryChange } from './changeRepository';
import { LintContextState } from './lintContextState';

export class ChangeRepositories implements vscode.Disposable {
  private readonly repos = new Map<string, ChangeRepository>();
  private readonly listeners = new Map<string, vscode.Disposable>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<RepositoryChange>();
  private readonly opened = new vscode.EventEmitter<ChangeRepository>();
  private api: GitApi | undefined;
  /** For commit messages outside any known repository: the defaults with the settings' overrides. */
  private readonly outside: LintContextState;
  /** Fires for every change of any repository's state. */
  readonly onDidChange = this.changed.event;
  /** Fires when the git extension opened a repository. */
  readonly onDidOpen = this.opened.event;

  constructor(private readonly deps: ChangeRepositoryDeps) {
    this.outside = new LintContextState(undefined, { logger: deps.logger, isTrusted: deps.isTrusted, overrides: () => deps.settings().overrides }, () => undefined);
    this.disposables.push(this.changed, this.opened);
    this.watchFiles();
  }

  /** Starts following the git extension's repositories (call once it is active). */
  attach(api: GitApi): void {
    if (this.api) return;
    this.api = api;
    for (const repo of api.repositories) this.open(repo);
    this.disposables.push(
      api.onDidOpenRepository((repo) => {
        this.opened.fire(this.open(repo));
      }),
      api.onDidCloseRepository((repo) => this.close(repo.rootUri.fsPath)),
    );
  }

  /** The state of the repository at `root`, created on first use. */
  get(root: string): ChangeRepository {
    let repo = this.repos.get(root);
    if (!repo) {
      repo = new ChangeRepository(root, this.deps, this.api?.getRepository(vscode.Uri.file(root)) ?? undefined);
      this.repos.set(root, repo);
      this.listeners.set(root, repo.onDidChange((e) => this.changed.fire(e)));
    }
    return repo;
  }

  /** The state of `root` if it exists already. */
  find(root: string): ChangeRepository | undefined {
    return this.repos.get(root);
  }

  /** The lint context of a commit message in `root` (undefined: in no known repository). */
  lintContext(root: string | undefined, text: string): LintContext {
    return root ? this.get(root).lintContext(text) : this.outside.contextFor(text);
  }

  /** Settings changed: every repository applies the new overrides. */
  settingsChanged(): void {
    this.outside.applyOverrides();
    for (const repo of this.repos.values()) repo.settingsChanged();
  }

  /** Workspace trust was granted: every repository re-reads what it withheld. */
  trustGranted(): void {
    for (const repo of this.repos.values()) void repo.reloadLintContext();
  }

  private open(git: VsCodeGitRepository): ChangeRepository {
    const repo = this.get(git.rootUri.fsPath);
    repo.follow(git);
    return repo;
  }

  private close(root: string): void {
    this.listeners.get(root)?.dispose();
    this.listeners.delete(root);
    this.repos.get(root)?.dispose();
    this.repos.delete(root);
  }

  /** Re-read a repository's lint context when its policy file or git config changes (also outside the editor). */
  private watchFiles(): void {
    const onFile = (uri: vscode.Uri): void => {
      if (uri.scheme === 'file') void this.find(vscode.Uri.joinPath(uri, '..', '..').fsPath)?.reloadLintContext();
    };
    const policy = vscode.workspace.createFileSystemWatcher('**/.github/change-control.json');
    // Link Ticket and Start Change record the branch ticket (and users set core.commentChar) in .git/config.
    // git writes config.lock and renames it over config, which a watcher may report as a create.
    const gitConfig = vscode.workspace.createFileSystemWatcher('**/.git/config', false, false, true);
    this.disposables.push(
      policy, policy.onDidCreate(onFile), policy.onDidChange(onFile), policy.onDidDelete(onFile),
      gitConfig, gitConfig.onDidChange(onFile), gitConfig.onDidCreate(onFile),
    );
  }

  dispose(): void {
    for (const root of [...this.repos.keys()]) this.close(root);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
