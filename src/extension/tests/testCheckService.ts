/**
 * Runs the matching-tests check for a repository and keeps the last result
 * per repository, for the Problems panel, the code actions and the sidebar.
 * Never runs git in an untrusted workspace.
 */
import * as vscode from 'vscode';
import { ChangeControlError } from '../../core/errors';
import type { Logger } from '../../core/ports';
import { checkTests } from '../../core/testMatching/checkTests';
import type { TestCheckResult } from '../../core/testMatching/types';
import type { ChangedFile } from '../../core/testMatching/checkTests';
import { readChange } from '../../git/changes';
import { TreeListingMemo } from '../../git/treeListing';
import { loadPolicyFile } from '../../git/policyFile';
import type { SourceControlState } from './sourceControlState';

export interface TestCheckRun {
  root: string;
  result: TestCheckResult;
}

/** What lets a check skip work: current Source Control lists and the last tree. */
export interface CheckShortcuts {
  /** Staged, unstaged and untracked files from the git extension, when current. */
  localChanges?: ChangedFile[];
  treeMemo: TreeListingMemo;
}

export class TestCheckService implements vscode.Disposable {
  private readonly results = new Map<string, TestCheckResult>();
  private readonly treeMemos = new Map<string, TreeListingMemo>();
  private readonly changed = new vscode.EventEmitter<TestCheckRun>();
  /** Fires after every completed check. */
  readonly onDidCheck = this.changed.event;

  constructor(
    private readonly logger: Logger,
    private readonly sourceControl?: Pick<SourceControlState, 'changes' | 'markChanged'>,
  ) {}

  /** Shortcuts for a check of `root` (also used by the Change view's check). */
  shortcuts(root: string): CheckShortcuts {
    let treeMemo = this.treeMemos.get(root);
    if (!treeMemo) this.treeMemos.set(root, (treeMemo = new TreeListingMemo()));
    const localChanges = this.sourceControl?.changes(root);
    return localChanges ? { localChanges, treeMemo } : { treeMemo };
  }

  /** Change Control wrote files under `root`: the next check scans the work tree. */
  markChanged(root: string): void {
    this.sourceControl?.markChanged(root);
  }

  /** The last result for `root`, if a check ran. */
  last(root: string): TestCheckResult | undefined {
    return this.results.get(root);
  }

  /** Every repository with a result (absolute roots). */
  roots(): string[] {
    return [...this.results.keys()];
  }

  async check(root: string, signal?: AbortSignal): Promise<TestCheckResult> {
    if (!vscode.workspace.isTrusted) {
      throw new ChangeControlError('usage', 'Checking tests runs git, which is off in an untrusted workspace.', { hint: 'Trust this workspace to check tests.' });
    }
    const started = Date.now();
    const loaded = await loadPolicyFile(root);
    const shortcuts = this.shortcuts(root);
    const change = await readChange(root, { baseBranch: loaded.policy.branch.base, ...shortcuts, ...(signal ? { signal } : {}) });
    if (signal?.aborted) throw new ChangeControlError('cancelled', 'Test check cancelled.');
    const result = checkTests({ base: change.baseRef, changes: change.changes, tree: change.tree, inlineTests: change.inlineTests, policy: loaded.policy.tests });
    const source = shortcuts.localChanges ? 'Source Control state' : 'work-tree scan';
    this.logger.info(`Checked tests in ${root} against ${change.baseRef} in ${Date.now() - started} ms (${source}): ${JSON.stringify(result.counts)}`);
    this.results.set(root, result);
    this.changed.fire({ root, result });
    return result;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
