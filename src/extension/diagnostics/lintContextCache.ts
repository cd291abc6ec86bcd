/**
 * Everything the linter needs per repository, cached so that the keystroke
 * handler only reads memory: the policy file (re-read when it changes),
 * the settings' overrides (which may only tighten it), git's comment
 * character and the branch's ticket. In an untrusted workspace git is not
 * run: the comment character and the branch ticket keep their defaults,
 * and the repository's ticket pattern and globs are withheld (said once
 * in the log and on the ticket-reference squiggle).
 */
import * as vscode from 'vscode';
import type { LintContext } from '../../core/commitMessage/types';
import { describeWithheld, withoutRepositoryPatterns } from '../../core/patterns/restrictedPolicy';
import { applyOverrides, type PolicyOverrides } from '../../core/policy/effectivePolicy';
import { defaultPolicy, type Policy } from '../../core/policy/schema';
import type { Logger } from '../../core/ports';
import { DEFAULT_COMMENT_CHAR, readBranchTicket, readCommentCharSetting, resolveCommentChar } from '../../git/commits';
import { loadPolicyFile } from '../../git/policyFile';

interface RepoState {
  /** The repository's own policy. */
  policy: Policy;
  /** The policy with the settings' overrides applied: computed when either changes, read per keystroke. */
  effective: Policy;
  commentSetting: string;
  branchTicket?: string;
  /** Restricted Mode replaced the repository's ticket pattern by the default. */
  ticketPatternWithheld?: boolean;
}

/** The key for documents that belong to no known repository. */
const NO_REPO = '';

export class LintContextCache implements vscode.Disposable {
  private readonly repos = new Map<string, RepoState>();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  private overrides: PolicyOverrides;
  /** Roots whose withheld patterns were already logged, so the log says it once. */
  private readonly toldWithheld = new Set<string>();
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
      const policy = defaultPolicy();
      state = { policy, effective: applyOverrides(policy, this.overrides).policy, commentSetting: DEFAULT_COMMENT_CHAR };
      this.repos.set(key, state);
      if (root) this.load(root, state);
    }
    return {
      policy: state.effective,
      commentChar: resolveCommentChar(state.commentSetting, text),
      ...(state.branchTicket ? { branchTicket: state.branchTicket } : {}),
      ...(state.ticketPatternWithheld ? { ticketPatternWithheld: true } : {}),
    };
  }

  /** Settings changed: new overrides apply to every repository. */
  setOverrides(overrides: PolicyOverrides): void {
    this.overrides = overrides;
    for (const [root, state] of this.repos) this.setPolicy(root, state, state.policy);
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
    void this.read(root, state).then(
      () => this.changed.fire(root),
      (err: unknown) => this.logger.warn(`Could not read the commit-message settings of ${root}; using defaults.`, err),
    );
  }

  private async read(root: string, state: RepoState): Promise<void> {
    const loaded = await loadPolicyFile(root);
    if (loaded.problems.length > 0) {
      this.logger.warn(`${loaded.file} has ${loaded.problems.length} problem(s); their defaults apply.`);
    }
    this.setPolicy(root, state, loaded.policy);
    if (this.isTrusted()) {
      state.commentSetting = await readCommentCharSetting(root);
      state.branchTicket = await readBranchTicket(root);
    } else {
      state.commentSetting = DEFAULT_COMMENT_CHAR;
      state.branchTicket = undefined;
    }
  }

  /** Store a repository policy and its effective form, logging settings that tried to loosen it. */
  private setPolicy(root: string, state: RepoState, policy: Policy): void {
    // Nothing the repository configures runs in an untrusted workspace: its patterns and globs included.
    const restricted = this.isTrusted() ? { policy, withheld: [] } : withoutRepositoryPatterns(policy);
    const { policy: effective, ignored } = applyOverrides(restricted.policy, this.overrides);
    state.policy = policy;
    state.effective = effective;
    state.ticketPatternWithheld = restricted.withheld.includes('commit.ticketPattern');
    if (!root) return;
    const note = describeWithheld(restricted.withheld);
    if (note && !this.toldWithheld.has(root)) {
      this.toldWithheld.add(root);
      this.logger.info(`${root}: ${note}`);
    }
    for (const reason of ignored) {
      this.logger.info(`Setting ignored for ${root}: ${reason} (settings may only tighten the repository policy).`);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
