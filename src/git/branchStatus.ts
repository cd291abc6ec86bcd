/**
 * The local half of the change snapshot: the branch against its remote
 * base and its upstream, the commits since it left the base (each linted),
 * the linked ticket ID and the matching-tests check. Git only through
 * openGit/gitCall with argument arrays; read-only (no fetch, no writes).
 */
import type { BranchSection, CommitInfo, Unavailable } from '../core/changeSnapshot';
import { describeError } from '../core/errors';
import { lintMessage } from '../core/commitMessage/lint';
import type { Policy } from '../core/policy/schema';
import { checkTests } from '../core/testMatching/checkTests';
import type { TestCheckResult } from '../core/testMatching/types';
import { readChange, type ChangeShortcuts } from './changes';
import { commitsInRange, readBranchTicket, readCommentCharSetting, resolveCommentChar } from './commits';
import { gitCall, openGit } from './git';

export interface LocalChange {
  branch: BranchSection;
  ticketId?: string;
  commits: CommitInfo[];
  tests: TestCheckResult | Unavailable;
}

export interface ReadLocalChangeOptions {
  policy: Policy;
  /** Remote holding the base branch (`origin`). */
  remote: string;
  signal?: AbortSignal;
  /** Lets the tests check skip the work-tree scan or the tree's re-indexing. */
  shortcuts?: ChangeShortcuts;
}

/** Reads everything local about the current branch; only a missing repository throws. */
export async function readLocalChange(root: string, options: ReadLocalChangeOptions): Promise<LocalChange> {
  const base = options.policy.branch.base;
  const [branch, commentSetting] = await Promise.all([readBranchSection(root, base, options.remote), readCommentCharSetting(root)]);
  const onBranch = branch.name !== undefined && branch.name !== base;
  const range = branch.baseRef ? `${branch.baseRef}..HEAD` : onBranch && (await hasLocalBranch(root, base)) ? `${base}..HEAD` : undefined;
  const [ticketId, commits, tests] = await Promise.all([
    branch.name ? readBranchTicket(root, branch.name) : Promise.resolve(undefined),
    onBranch && range ? commitsInRange(root, range) : Promise.resolve([]),
    readTests(root, options),
  ]);
  const lintContext = { policy: options.policy, ...(ticketId ? { branchTicket: ticketId } : {}) };
  const linted = commits.reverse().map((c): CommitInfo => ({
    sha: c.sha,
    subject: c.subject,
    message: c.message,
    // git writes merge messages itself; the policy follows git's own wording.
    findings: c.parents > 1 ? [] : lintMessage(c.message, { ...lintContext, commentChar: resolveCommentChar(commentSetting, c.message) }),
  }));
  // Never pushed: every commit of the branch is unpushed.
  if (onBranch && branch.upstream === undefined) branch.unpushed = linted.length;
  return { branch, ...(ticketId ? { ticketId } : {}), commits: linted, tests };
}

async function hasLocalBranch(root: string, name: string): Promise<boolean> {
  try {
    return (await openGit(root).raw(['rev-parse', '-q', '--verify', `refs/heads/${name}^{commit}`])).trim() !== '';
  } catch {
    // rev-parse --verify exits non-zero for a missing branch.
    return false;
  }
}

/** Branch name, remote base, ahead/behind, upstream and unpushed count. */
export async function readBranchSection(root: string, base: string, remote: string): Promise<BranchSection> {
  const git = openGit(root);
  const raw = (context: string, args: string[]): Promise<string> => gitCall(context, () => git.raw(args));
  const quiet = async (args: string[]): Promise<string | undefined> => {
    try {
      return (await git.raw(args)).trim() || undefined;
    } catch {
      // Absent ref or no upstream: git exits non-zero, which here means "none".
      return undefined;
    }
  };
  const name = await quiet(['symbolic-ref', '-q', '--short', 'HEAD']);
  const candidate = `${remote}/${base}`;
  const baseRef = (await quiet(['rev-parse', '-q', '--verify', `refs/remotes/${candidate}^{commit}`])) ? candidate : undefined;
  const upstream = name ? await quiet(['rev-parse', '--abbrev-ref', '--symbolic-full-name', `${name}@{upstream}`]) : undefined;
  const section: BranchSection = { ...(name ? { name } : {}), base, ...(baseRef ? { baseRef } : {}), ...(upstream ? { upstream } : {}) };
  if (baseRef) {
    const [behind, ahead] = (await raw('Count commits against the base', ['rev-list', '--left-right', '--count', `${baseRef}...HEAD`]))
      .trim().split(/\s+/).map(Number);
    section.behind = behind ?? 0;
    section.ahead = ahead ?? 0;
  }
  if (upstream) {
    section.unpushed = Number((await raw('Count unpushed commits', ['rev-list', '--count', `${upstream}..HEAD`])).trim()) || 0;
  }
  return section;
}

async function readTests(root: string, options: ReadLocalChangeOptions): Promise<TestCheckResult | Unavailable> {
  try {
    const change = await readChange(root, { baseBranch: options.policy.branch.base, remote: options.remote, ...options.shortcuts, ...(options.signal ? { signal: options.signal } : {}) });
    return checkTests({ base: change.baseRef, changes: change.changes, tree: change.tree, inlineTests: change.inlineTests, policy: options.policy.tests }, options.shortcuts?.indexMemo);
  } catch (err) {
    return { status: 'error', reason: describeError(err) };
  }
}
