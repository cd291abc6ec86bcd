/**
 * Keeps the tests warnings in the Problems panel true to the work tree:
 * they are cleared when the repository switches branch (they spoke of
 * the other branch's change) and checked again, and checked again after
 * a save, debounced per repository. Only repositories whose tests were
 * checked are followed, so a user who never ran the check pays nothing.
 */
import * as vscode from 'vscode';
import type { Logger } from '../../core/ports';
import type { ChangeRepositories } from '../repository/changeRepositories';
import type { RepositoryLocator } from '../repository/repositoryLocator';
import type { TestCheckService } from './testCheckService';
import type { TestDiagnostics } from './testDiagnostics';

/** Quiet time after the last save (or HEAD move) before the check runs again. */
export const RECHECK_DEBOUNCE_MS = 600;

export class TestProblemsFollower implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly branches = new Map<string, string | undefined>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly service: Pick<TestCheckService, 'check' | 'last'>,
    private readonly diagnostics: Pick<TestDiagnostics, 'clear'>,
    deps: { repositories: Pick<ChangeRepositories, 'onDidChange'>; locator: Pick<RepositoryLocator, 'forUri'>; logger: Logger },
    private readonly logger: Logger = deps.logger,
  ) {
    this.subscriptions = [
      deps.repositories.onDidChange(({ repository, kind }) => {
        if (kind !== 'head' || !this.service.last(repository.root)) return;
        const branch = repository.gitRepository?.state.HEAD?.name;
        const before = this.branches.get(repository.root);
        this.branches.set(repository.root, branch);
        if (before !== branch) this.diagnostics.clear(repository.root);
        this.schedule(repository.root);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.scheme !== 'file') return;
        void deps.locator.forUri(doc.uri).then((root) => {
          if (root && this.service.last(root)) this.schedule(root);
        });
      }),
    ];
  }

  /** Remembers the branch a check ran on (so a switch away is seen). */
  checked(root: string, branch: string | undefined): void {
    this.branches.set(root, branch);
  }

  private schedule(root: string): void {
    clearTimeout(this.timers.get(root));
    this.timers.set(
      root,
      setTimeout(() => {
        this.timers.delete(root);
        this.service.check(root).catch((err: unknown) => this.logger.warn(`Re-checking tests in ${root} failed.`, err));
      }, RECHECK_DEBOUNCE_MS),
    );
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }
}
