/**
 * Everything the linter needs for one repository, kept so that the
 * keystroke handler only reads memory: the policy file (re-read when it
 * changes), the settings' overrides (which may only tighten it), git's
 * comment character and the branch's ticket. In an untrusted workspace git
 * is not run: the comment character and the branch ticket keep their
 * defaults, and the repository's ticket pattern and globs are withheld
 * (said once in the log and on the ticket-reference squiggle).
 *
 * Reads are ordered by a generation counter: a slow read that started
 * before a newer one is dropped when it ends, so it never overwrites the
 * newer result.
 */
import type { LintContext } from '../../core/commitMessage/types';
import { describeWithheld, withoutRepositoryPatterns } from '../../core/patterns/restrictedPolicy';
import { applyOverrides, type PolicyOverrides } from '../../core/policy/effectivePolicy';
import { defaultPolicy, type Policy } from '../../core/policy/schema';
import type { Logger } from '../../core/ports';
import { DEFAULT_COMMENT_CHAR, readBranchTicket, readCommentCharSetting, resolveCommentChar } from '../../git/commits';
import { loadPolicyFile } from '../../git/policyFile';

export interface LintContextDeps {
  logger: Logger;
  isTrusted: () => boolean;
  /** The settings' overrides, as last read. */
  overrides: () => PolicyOverrides;
}

/** What one read of the repository found. */
export interface LintContextRead {
  policy: Policy;
  commentSetting: string;
  branchTicket?: string;
}

/** Reads a repository's lint inputs (replaced in tests). */
export type LintContextReader = (root: string, deps: LintContextDeps) => Promise<LintContextRead>;

export class LintContextState {
  /** The repository's own policy. */
  private policy: Policy = defaultPolicy();
  /** The policy with the settings' overrides applied: computed when either changes, read per keystroke. */
  private effective: Policy;
  private commentSetting = DEFAULT_COMMENT_CHAR;
  private ticket: string | undefined;
  /** Restricted Mode replaced the repository's ticket pattern by the default. */
  private ticketPatternWithheld = false;
  private started = false;
  /** Bumped by every read; a read applies its result only while it is the latest. */
  private generation = 0;
  /** Whether the withheld patterns were already logged, so the log says it once. */
  private toldWithheld = false;

  /**
   * `root` undefined: documents that belong to no known repository (the
   * defaults with the overrides). `onLoaded` runs after each read that
   * changed the state.
   */
  constructor(
    private readonly root: string | undefined,
    private readonly deps: LintContextDeps,
    private readonly onLoaded: () => void,
    private readonly reader: LintContextReader = readLintContext,
  ) {
    this.effective = applyOverrides(this.policy, deps.overrides()).policy;
  }

  /** The lint context right now (defaults until loaded); starts loading on first use. */
  contextFor(text: string): LintContext {
    if (!this.started && this.root) {
      this.started = true;
      this.load();
    }
    return {
      policy: this.effective,
      commentChar: resolveCommentChar(this.commentSetting, text),
      ...(this.ticket ? { branchTicket: this.ticket } : {}),
      ...(this.ticketPatternWithheld ? { ticketPatternWithheld: true } : {}),
    };
  }

  /** The branch's recorded ticket, once read (never in an untrusted workspace). */
  get branchTicket(): string | undefined {
    return this.ticket;
  }

  /** Settings changed: the new overrides apply at once. */
  applyOverrides(): void {
    this.setPolicy(this.policy);
  }

  /** Re-read the policy file and git settings (policy file saved, branch switched, trust granted); resolves when applied. */
  refresh(): Promise<void> {
    return this.started ? this.load() : Promise.resolve();
  }

  private load(): Promise<void> {
    const root = this.root;
    if (!root) return Promise.resolve();
    const generation = ++this.generation;
    return this.reader(root, this.deps).then(
      (read) => {
        if (generation !== this.generation) return;
        this.setPolicy(read.policy);
        this.commentSetting = read.commentSetting;
        this.ticket = read.branchTicket;
        this.onLoaded();
      },
      (err: unknown) => this.deps.logger.warn(`Could not read the commit-message settings of ${root}; using defaults.`, err),
    );
  }

  /** Store the repository policy and its effective form, logging settings that tried to loosen it. */
  private setPolicy(policy: Policy): void {
    // Nothing the repository configures runs in an untrusted workspace: its patterns and globs included.
    const restricted = this.deps.isTrusted() ? { policy, withheld: [] } : withoutRepositoryPatterns(policy);
    const { policy: effective, ignored } = applyOverrides(restricted.policy, this.deps.overrides());
    this.policy = policy;
    this.effective = effective;
    this.ticketPatternWithheld = restricted.withheld.includes('commit.ticketPattern');
    const root = this.root;
    if (!root) return;
    const note = describeWithheld(restricted.withheld);
    if (note && !this.toldWithheld) {
      this.toldWithheld = true;
      this.deps.logger.info(`${root}: ${note}`);
    }
    for (const reason of ignored) {
      this.deps.logger.info(`Setting ignored for ${root}: ${reason} (settings may only tighten the repository policy).`);
    }
  }
}

/** The policy file, and (trusted only) git's comment character and the branch's ticket. */
export async function readLintContext(root: string, deps: LintContextDeps): Promise<LintContextRead> {
  // Untrusted: extends is followed into neither node_modules nor GitHub copies.
  const loaded = await loadPolicyFile(root, { trusted: deps.isTrusted() });
  if (loaded.problems.length > 0) {
    deps.logger.warn(`${loaded.file} has ${loaded.problems.length} problem(s); their defaults apply.`);
  }
  if (!deps.isTrusted()) return { policy: loaded.policy, commentSetting: DEFAULT_COMMENT_CHAR };
  const commentSetting = await readCommentCharSetting(root);
  const branchTicket = await readBranchTicket(root);
  return { policy: loaded.policy, commentSetting, ...(branchTicket ? { branchTicket } : {}) };
}
