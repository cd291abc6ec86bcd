/**
 * Runs the matching-tests check for a repository and keeps the last result
 * per repository, for the Problems panel, the code actions and the sidebar.
 * Never runs git in an untrusted workspace.
 */
import * as vscode from 'vscode';
import { checkChangeTests } from '../../app/checkTests';
import type { Logger } from '../../core/ports';
import type { TestCheckResult } from '../../core/testMatching/types';
import type { ChangeShortcuts } from '../../git/changes';
import { GitRepository } from '../../git/gitRepository';
import { loadEffectivePolicy } from '../policy/loadEffectivePolicy';
import { untrustedWorkspaceError } from '../commands/workspaceTrust';
import type { ChangeRepositories } from '../repository/changeRepositories';
import type { RepositoryMemos } from '../repository/changeRepository';
import type { SourceControlState } from './sourceControlState';

/** Where a check took the staged, unstaged and untracked files from. */
export type LocalChangeSource = 'sourceControl' | 'workTreeScan';

export interface TestCheckRun {
  root: string;
  result: TestCheckResult;
  source: LocalChangeSource;
  ms: number;
  /** The policy's tests.requireTests: a missing test blocks. */
  requireTests: boolean;
}

export class TestCheckService implements vscode.Disposable {
  private readonly results = new Map<string, TestCheckResult>();
  private readonly runs = new Map<string, TestCheckRun>();
  private readonly changed = new vscode.EventEmitter<TestCheckRun>();
  /** Fires after every completed check. */
  readonly onDidCheck = this.changed.event;

  constructor(
    private readonly logger: Logger,
    /** Owns each repository's memos, and hears of each completed check. */
    private readonly repositories: Pick<ChangeRepositories, 'get'>,
    private readonly sourceControl?: Pick<SourceControlState, 'changes' | 'markChanged'>,
  ) {}

  /** Shortcuts for a check of `root` (also used by the Change view's check). */
  shortcuts(root: string): ChangeShortcuts & RepositoryMemos {
    const memos = this.repositories.get(root).memos;
    const localChanges = this.sourceControl?.changes(root);
    return localChanges ? { localChanges, ...memos } : { ...memos };
  }

  /** Change Control wrote files under `root`: the next check scans the work tree. */
  markChanged(root: string): void {
    this.sourceControl?.markChanged(root);
  }

  /** The last result for `root`, if a check ran. */
  last(root: string): TestCheckResult | undefined {
    return this.results.get(root);
  }

  /** How the last check of `root` went (its source of local changes and time). */
  lastRun(root: string): TestCheckRun | undefined {
    return this.runs.get(root);
  }

  /** Every repository with a result (absolute roots). */
  roots(): string[] {
    return [...this.results.keys()];
  }

  async check(root: string, signal?: AbortSignal): Promise<TestCheckResult> {
    if (!vscode.workspace.isTrusted) throw untrustedWorkspaceError('Check Tests');
    const started = Date.now();
    const policy = await loadEffectivePolicy(root);
    const { treeMemo, indexMemo } = this.repositories.get(root).memos;
    const localChanges = this.sourceControl?.changes(root);
    const { result, baseRef } = await checkChangeTests(new GitRepository(root, { treeMemo }), policy, {
      indexMemo,
      ...(localChanges ? { localChanges } : {}),
      ...(signal ? { signal } : {}),
    });
    const run: TestCheckRun = { root, result, source: localChanges ? 'sourceControl' : 'workTreeScan', ms: Date.now() - started, requireTests: policy.tests.requireTests };
    const from = run.source === 'sourceControl' ? 'local changes from Source Control' : 'work tree scanned';
    this.logger.info(`Checked tests in ${root} against ${baseRef} in ${run.ms} ms (${from}): ${JSON.stringify(result.counts)}`);
    this.results.set(root, result);
    this.runs.set(root, run);
    this.changed.fire(run);
    this.repositories.get(root).testsChecked();
    return result;
  }

  dispose(): void {
    this.runs.clear();
    this.changed.dispose();
  }
}
