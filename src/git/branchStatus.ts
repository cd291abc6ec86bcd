/**
 * The local half of the change snapshot: the branch against its remote
 * base and its upstream, the commits since it left the base (each linted),
 * the linked ticket ID and the matching-tests check. Git only through
 * openGit/gitCall with argument arrays; read-only (no fetch, no writes).
 */
import type { BranchSection, CommitInfo, Unavailable } from '../core/changeSnapshot';
import { describeError } from '../core/errors';
import { lintMessage } from '../core/commitMessage/lint';
import { STORED_MESSAGE } from '../core/commitMessage/cleanup';
import type { Policy } from '../core/policy/schema';
import { checkTests } from '../core/testMatching/checkTests';
import type { TestCheckResult } from '../core/testMatching/types';
import { readChange, type ChangeShortcuts } from './changes';
import type { SimpleGit } from 'simple-git';
import { commitsInRange, currentBranch, readBranchTicket, readCommentCharSetting, resolveCommentChar } from './commits';
import { commitExists, gitCall, openGit } from './git';

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
  const range = branch.baseRef ? `${branch.baseRef}..HEAD` : onBranch && (await commitExists(openGit(root), `refs/heads/${base}`)) ? `${base}..HEAD` : undefined;
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
    findings: c.parents > 1 ? [] : lintMessage(c.message, { ...lintContext, commentChar: resolveCommentChar(commentSetting, c.message), cleanup: STORED_MESSAGE, merge: false }),
  }));
  // Never pushed: every commit of the branch is unpushed.
  if (onBranch && branch.upstream === undefined) branch.unpushed = linted.length;
  return { branch, ...(ticketId ? { ticketId } : {}), commits: linted, tests };
}

/** Branch name, remote base, ahead/behind, upstream and unpushed count. */
async function readBranchSection(root: string, base: string, remote: string): Promise<BranchSection> {
  const git = openGit(root);
  const raw = (context: string, args: string[]): Promise<string> => gitCall(context, () => git.raw(args));
  const candidate = `${remote}/${base}`;
  const [name, hasBase] = await Promise.all([currentBranch(root), commitExists(git, `refs/remotes/${candidate}`)]);
  const baseRef = hasBase ? candidate : undefined;
  const upstream = name ? await upstreamOf(git, name) : undefined;
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

/** The branch's upstream (`origin/x`), or undefined when none is set (git then fails, saying so). */
async function upstreamOf(git: SimpleGit, name: string): Promise<string | undefined> {
  try {
    return (await git.raw(['rev-parse', '--abbrev-ref', '--symbolic-full-name', `${name}@{upstream}`])).trim() || undefined;
  } catch {
    // No upstream configured (or its ref is gone): "none" here, not an error.
    return undefined;
  }
}

async function readTests(root: string, options: ReadLocalChangeOptions): Promise<TestCheckResult | Unavailable> {
  try {
    const change = await readChange(root, { baseBranch: options.policy.branch.base, remote: options.remote, ...options.shortcuts, ...(options.signal ? { signal: options.signal } : {}) });
    return checkTests({ base: change.baseRef, changes: change.changes, tree: change.tree, inlineTests: change.inlineTests, ...(change.stubTests ? { stubTests: change.stubTests } : {}), policy: options.policy.tests }, options.shortcuts?.indexMemo);
  } catch (err) {
    return { status: 'error', reason: describeError(err) };
  }
}
