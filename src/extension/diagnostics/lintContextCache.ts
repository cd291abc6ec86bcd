/**
 * Everything the linter needs per repository, cached so that the keystroke
 * handler only reads memory: the policy file (re-read when it changes),
 * the settings' overrides (which may only tighten it), git's comment
 * character and the branch's ticket. In an untrusted workspace git is not
 * run: the comment character and the branch ticket keep their defaults.
 */
import * as vscode from 'vscode';
import type { LintContext } from '../../core/commitMessage/types';
import { applyOverrides, type PolicyOverrides } from '../../core/policy/effectivePolicy';
import { defaultPolicy, type Policy } from '../../core/policy/schema';
import type { Logger } from '../../core/ports';
import { DEFAULT_COMMENT_CHAR, readBranchTicket, readCommentCharSetting, resolveCommentChar } from '../../git/commits';
import { loadPolicyFile } from '../../git/policyFile';

interface RepoState {
  policy: Policy;
  commentSetting: string;
  branchTicket?: string;
  loading?: Promise<void>;
}

/** The key for documents that belong to no known repository. */
const NO_REPO = '';

export class LintContextCache implements vscode.Disposable {
  private readonly repos = new Map<string, RepoState>();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  private overrides: PolicyOverrides;
  /** Fires with a repository root (or undefined for all) when its context changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly logger: Logger,
    private readonly isTrusted: () => boolean,
    overrides: PolicyOverrides,
  ) {
    this.overrides = overrides;
  }

  /** The lint context for `root` right now (defaults until loaded); starts loading on first use. */
  contextFor(root: string | undefined, text: string): LintContext {
    const key = root ?? NO_REPO;
    let state = this.repos.get(key);
    if (!state) {
      state = { policy: defaultPolicy(), commentSetting: DEFAULT_COMMENT_CHAR };
      this.repos.set(key, state);
      if (root) this.load(root, state);
    }
    const { policy } = applyOverrides(state.policy, this.overrides);
    return {
      policy,
      commentChar: resolveCommentChar(state.commentSetting, text),
      ...(state.branchTicket ? { branchTicket: state.branchTicket } : {}),
    };
  }

  /** Settings changed: new overrides apply to every repository. */
  setOverrides(overrides: PolicyOverrides): void {
    this.overrides = overrides;
    for (const [root, state] of this.repos) {
      if (root) this.logIgnored(root, state.policy);
    }
    this.changed.fire(undefined);
  }

  /** Re-read a repository's policy file and git settings (policy file saved, branch switched). */
  refresh(root: string): void {
    const state = this.repos.get(root);
    if (state) this.load(root, state);
  }

  /** Re-read every repository (workspace trust granted). */
  refreshAll(): void {
    for (const [root, state] of this.repos) if (root) this.load(root, state);
  }

  private load(root: string, state: RepoState): void {
    const loading = this.read(root, state).then(
      () => {
        if (state.loading === loading) state.loading = undefined;
        this.changed.fire(root);
      },
      (err: unknown) => {
        if (state.loading === loading) state.loading = undefined;
        this.logger.warn(`Could not read the commit-message settings of ${root}; using defaults.`, err);
      },
    );
    state.loading = loading;
  }

  private async read(root: string, state: RepoState): Promise<void> {
    const loaded = await loadPolicyFile(root);
    if (loaded.problems.length > 0) {
      this.logger.warn(`${loaded.file} has ${loaded.problems.length} problem(s); their defaults apply.`);
    }
    state.policy = loaded.policy;
    this.logIgnored(root, loaded.policy);
    if (this.isTrusted()) {
      state.commentSetting = await readCommentCharSetting(root);
      state.branchTicket = await readBranchTicket(root);
    } else {
      state.commentSetting = DEFAULT_COMMENT_CHAR;
      state.branchTicket = undefined;
    }
  }

  private logIgnored(root: string, policy: Policy): void {
    for (const reason of applyOverrides(policy, this.overrides).ignored) {
      this.logger.info(`Setting ignored for ${root}: ${reason} (settings may only tighten the repository policy).`);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
