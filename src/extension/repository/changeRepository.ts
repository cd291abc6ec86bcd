/**
 * One git repository's state in the editor, owned in one place: the
 * policy that governs its change (as last loaded, with its source and
 * problems), the lint context with the branch's ticket, the tree memos
 * the tests checks reuse, and its GitHub client. It follows the
 * repository's HEAD (through the built-in git extension, else a watch on
 * .git) and fires one `onDidChange` saying what changed; the Change view,
 * the status bar, the diagnostics and the tests checks follow from it.
 * Model: microsoft/vscode extensions/git/src/repository.ts.
 */
import * as vscode from 'vscode';
import type { LintContext } from '../../core/commitMessage/types';
import type { PolicyOverrides } from '../../core/policy/effectivePolicy';
import type { Logger } from '../../core/ports';
import { TreeIndexMemo } from '../../core/testMatching/treeIndex';
import type { GitHubConnection } from '../../app/connect';
import { EnforcementMemo } from '../../app/doctor';
import { TreeListingMemo } from '../../git/treeListing';
import type { VsCodeGitRepository } from '../gitApi';
import type { ConnectBound, GitHubSessions } from '../github/githubSessions';
import { loadChangePolicy, type ChangePolicy } from '../policy/loadEffectivePolicy';
import { LintContextState } from './lintContextState';

/**
 * What changed: `head` (branch, commit or ahead/behind), `lintContext`
 * (policy file, git config, settings, trust), `ticket` (a command recorded
 * the branch's ticket), `policy` (the governing policy was reloaded),
 * `testCheck` (a tests check finished).
 */
export type RepositoryChangeKind = 'head' | 'lintContext' | 'ticket' | 'policy' | 'testCheck';

export interface RepositoryChange {
  repository: ChangeRepository;
  kind: RepositoryChangeKind;
}

/** The memos of one repository, kept across tests checks. */
export interface RepositoryMemos {
  treeMemo: TreeListingMemo;
  indexMemo: TreeIndexMemo;
}

export interface ChangeRepositoryDeps {
  logger: Logger;
  sessions: Pick<GitHubSessions, 'connect'>;
  isTrusted: () => boolean;
  /** The settings' overrides and remote, as last read. */
  settings: () => { overrides: PolicyOverrides; githubRemote: string };
}

export class ChangeRepository implements vscode.Disposable {
  readonly memos: RepositoryMemos = { treeMemo: new TreeListingMemo(), indexMemo: new TreeIndexMemo() };
  /** GitHub's branch-rule answers that cannot be asked conditionally (403, 404), for a while (see app/doctor.ts). */
  readonly enforcementMemo = new EnforcementMemo();
  private readonly changed = new vscode.EventEmitter<RepositoryChange>();
  /** Fires once per change of this repository's state. */
  readonly onDidChange = this.changed.event;
  private readonly lint: LintContextState;
  private policy: ChangePolicy | undefined;
  private headListeners: vscode.Disposable[] = [];
  private git: VsCodeGitRepository | undefined;

  constructor(readonly root: string, private readonly deps: ChangeRepositoryDeps, git?: VsCodeGitRepository) {
    this.lint = new LintContextState(root, { logger: deps.logger, isTrusted: deps.isTrusted, overrides: () => deps.settings().overrides }, () => this.fire('lintContext'));
    this.follow(git);
  }

  /** The built-in git extension's repository, when it opened this one. */
  get gitRepository(): VsCodeGitRepository | undefined {
    return this.git;
  }

  /** Follow HEAD through the git extension's repository (or .git when there is none). */
  follow(git: VsCodeGitRepository | undefined): void {
    if (this.headListeners.length > 0 && git === this.git) return;
    for (const d of this.headListeners.splice(0)) d.dispose();
    this.git = git;
    if (git) {
      let last = headKey(git.state.HEAD);
      let branch = git.state.HEAD?.name;
      // state.onDidChange fires on every status scan: act only when HEAD moved.
      this.headListeners.push(git.state.onDidChange(() => {
        const key = headKey(git.state.HEAD);
        if (key === last) return;
        last = key;
        // The branch ticket follows the checked-out branch.
        if (git.state.HEAD?.name !== branch) {
          branch = git.state.HEAD?.name;
          void this.lint.refresh();
        }
        this.fire('head');
      }));
    } else {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(this.root), '.git/{HEAD,refs/heads/**}'));
      const onChange = (): void => {
        void this.lint.refresh();
        this.fire('head');
      };
      this.headListeners.push(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
    }
  }

  /** The commit-message lint context right now (read from memory; the first call starts loading). */
  lintContext(text: string): LintContext {
    return this.lint.contextFor(text);
  }

  /** The branch's recorded ticket, once the lint context was read. */
  get branchTicket(): string | undefined {
    return this.lint.branchTicket;
  }

  /** The policy file or git config changed, or trust was granted: re-read the lint context. */
  reloadLintContext(): Promise<void> {
    return this.lint.refresh();
  }

  /** The settings changed: the new overrides apply at once. */
  settingsChanged(): void {
    this.lint.applyOverrides();
    this.fire('lintContext');
  }

  /** A command recorded the branch's ticket (Start Change, Link Ticket). */
  async ticketRecorded(): Promise<void> {
    this.fire('ticket');
    await this.lint.refresh();
  }

  /** A tests check of this repository finished. */
  testsChecked(): void {
    this.fire('testCheck');
  }

  /** The policy that governs the change, as last loaded (undefined before the first load). */
  get changePolicy(): ChangePolicy | undefined {
    return this.policy;
  }

  /**
   * Loads the policy that governs the current change afresh (the base
   * branch may have moved with a fetch) and keeps it.
   */
  async loadChangePolicy(): Promise<ChangePolicy> {
    const { overrides, githubRemote } = this.deps.settings();
    const loaded = await loadChangePolicy(this.root, overrides, githubRemote);
    const before = this.policy;
    this.policy = loaded;
    if (before && JSON.stringify(before) !== JSON.stringify(loaded)) this.fire('policy');
    return loaded;
  }

  /** The repository's GitHub client (see GitHubSessions.connect). */
  github(interactive: boolean, bound?: ConnectBound): Promise<GitHubConnection> {
    return this.deps.sessions.connect(this.root, interactive, bound);
  }

  private fire(kind: RepositoryChangeKind): void {
    this.changed.fire({ repository: this, kind });
  }

  dispose(): void {
    for (const d of this.headListeners.splice(0)) d.dispose();
    this.changed.dispose();
  }
}

function headKey(head: { name?: string; commit?: string; ahead?: number; behind?: number } | undefined): string {
  return `${head?.name ?? ''}@${head?.commit ?? ''}+${head?.ahead ?? ''}-${head?.behind ?? ''}`;
}
