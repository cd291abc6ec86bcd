/**
 * Staged, unstaged and untracked files as the built-in git extension last
 * saw them, when that is still the truth. The extension scans the work
 * tree after file changes anyway, so the check need not pay for a second
 * scan (one lstat per tracked file). A repository turns unsettled on any
 * file event under it (outside `.git`) or when Change Control writes a
 * file itself, and settled again after a status scan that ends at least
 * QUIET_MS after the last such event: the git extension waits a second
 * after the last file event before it scans, so a scan ending sooner
 * began before that event and may not show it. While unsettled, with
 * untracked files hidden, above git.statusLimit, or without the git
 * extension, the check scans the work tree itself.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChangedFile } from '../../core/testMatching/checkTests';
import type { GitApi, VsCodeGitRepository } from '../gitApi';
import { changesFromSourceControl, sourceControlSize } from './sourceControlChanges';

/** The git extension's delay between the last file event and its scan (its debounce). */
export const QUIET_MS = 1000;

interface Watched {
  repo: VsCodeGitRepository;
  settled: boolean;
  /** When the last file event (or write of ours) under the repository came, ms since the epoch. */
  lastEvent: number;
  disposables: vscode.Disposable[];
}

export class SourceControlState implements vscode.Disposable {
  private readonly watched = new Map<string, Watched>();
  private readonly disposables: vscode.Disposable[] = [];
  private api: GitApi | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts following the repositories of `api` (call once the git extension is active). */
  attach(api: GitApi): void {
    if (this.api) return;
    this.api = api;
    for (const repo of api.repositories) this.watch(repo);
    this.disposables.push(
      api.onDidOpenRepository((repo) => this.watch(repo)),
      api.onDidCloseRepository((repo) => this.unwatch(repo.rootUri.fsPath)),
    );
  }

  /**
   * The repository's staged, unstaged and untracked files, or undefined
   * when the git extension's view of them may be behind the work tree.
   */
  changes(root: string): ChangedFile[] | undefined {
    const entry = this.watched.get(root);
    if (!entry?.settled) return undefined;
    const config = vscode.workspace.getConfiguration('git', entry.repo.rootUri);
    if (config.get<string>('untrackedChanges') === 'hidden') return undefined;
    const limit = config.get<number>('statusLimit', 10000);
    const state = entry.repo.state;
    if (limit > 0 && sourceControlSize(state) >= limit) return undefined;
    return changesFromSourceControl(root, state);
  }

  /** Change Control changed files under `root` itself: trust the git extension again after its next scan. */
  markChanged(root: string): void {
    const entry = this.watched.get(root);
    if (entry) this.unsettle(entry);
  }

  private unsettle(entry: Watched): void {
    entry.settled = false;
    entry.lastEvent = this.now();
  }

  private watch(repo: VsCodeGitRepository): void {
    const root = repo.rootUri.fsPath;
    if (this.watched.has(root)) return;
    const entry: Watched = { repo, settled: false, lastEvent: this.now(), disposables: [] };
    const gitDir = path.join(root, '.git');
    const onFile = (uri: vscode.Uri): void => {
      const file = uri.fsPath;
      if (file !== gitDir && !file.startsWith(gitDir + path.sep)) this.unsettle(entry);
    };
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(repo.rootUri, '**'));
    entry.disposables.push(
      watcher,
      watcher.onDidCreate(onFile),
      watcher.onDidChange(onFile),
      watcher.onDidDelete(onFile),
      repo.state.onDidChange(() => {
        if (this.now() - entry.lastEvent >= QUIET_MS) entry.settled = true;
      }),
    );
    this.watched.set(root, entry);
  }

  private unwatch(root: string): void {
    const entry = this.watched.get(root);
    if (!entry) return;
    for (const d of entry.disposables) d.dispose();
    this.watched.delete(root);
  }

  dispose(): void {
    for (const root of [...this.watched.keys()]) this.unwatch(root);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
