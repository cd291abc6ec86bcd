/**
 * Runs Start Change step by step: asks planStartChange() what to do, does
 * it through the git port, and feeds the outcome back in. The shells give
 * only the port and an asker (a modal dialog, or the CLI's flags).
 */
import type { ChangeKind } from '../core/branchName';
import { ChangeControlError, describeError, isChangeControlError } from '../core/errors';
import type { Policy } from '../core/policy/schema';
import { KIND_KEY, TICKET_KEY, type StartChangeGit } from '../core/ports';
import { redact } from '../core/redact';
import { planStartChange, type FetchState, type StartAnswers, type StartChangeInput, type StartQuestion } from '../core/startChange';

/** Answers a question: true for the confirm button; false or a thrown error otherwise. */
export type StartAsker = (question: StartQuestion) => Promise<boolean>;

export interface StartChangeResult {
  branch: string;
  /** True when a new branch was created; false when an existing one was used. */
  created: boolean;
  /** The ref the new branch starts from (`origin/main`). */
  startPoint?: string;
  ticket: string;
  kind: ChangeKind;
  /** Warnings and explanations worth showing (fallbacks, no remote, …). */
  notes: string[];
}

/** At most this many planner rounds: each question and the fetch happen once. */
const MAX_STEPS = 8;

/**
 * Runs Start Change under the repository's lock, and checks at the end
 * that HEAD really is the branch it reports: a switch by anything else
 * (a concurrent git command) is reported, not hidden.
 */
export async function startChange(
  git: StartChangeGit,
  ask: StartAsker,
  input: StartChangeInput,
  policy: Pick<Policy, 'branch' | 'commit'>,
): Promise<StartChangeResult> {
  const lock = await git.lock();
  try {
    const result = await runSteps(git, ask, input, policy);
    result.notes.unshift(...lock.notes);
    const head = await git.currentBranch();
    if (head !== result.branch) {
      const what = result.created ? `${result.branch} was created from ${result.startPoint}` : `${result.branch} was checked out`;
      throw new ChangeControlError('git.operationInProgress', `${what}, but something else switched the repository to ${head ?? 'a detached HEAD'} meanwhile; it was left there.`, {
        hint: `Check that no other git command is running, then run "git switch ${result.branch}" yourself if you want it.`,
        detail: { result },
      });
    }
    return result;
  } finally {
    await lock.release();
  }
}

async function runSteps(git: StartChangeGit, ask: StartAsker, input: StartChangeInput, policy: Pick<Policy, 'branch' | 'commit'>): Promise<StartChangeResult> {
  const answers: StartAnswers = {};
  let fetch: FetchState = { status: 'pending' };
  let snapshot = await git.snapshot();
  for (let round = 0; round < MAX_STEPS; round++) {
    const step = planStartChange({ input, policy, snapshot, fetch, answers });
    switch (step.type) {
      case 'refuse':
        throw new ChangeControlError(step.code, step.message);
      case 'ask':
        answers[step.question.id] = await ask(step.question);
        break;
      case 'fetch':
        fetch = await tryFetch(git, step.remote);
        snapshot = await git.snapshot();
        break;
      case 'create':
        await runGit(() => git.createBranch(step.branch, step.startPoint), step.branch, step.startPoint);
        if (step.upstream) {
          // What `git switch --track` records: the local copy follows the remote branch.
          await git.setBranchConfig(step.branch, 'remote', step.upstream.remote);
          await git.setBranchConfig(step.branch, 'merge', `refs/heads/${step.upstream.branch}`);
        }
        await recordTicket(git, step.branch, step.ticket, step.kind, step.notes, !step.upstream);
        return { branch: step.branch, created: true, startPoint: step.startPoint, ticket: step.ticket, kind: step.kind, notes: step.notes };
      case 'switch':
        if (!step.alreadyCurrent) await runGit(() => git.switchBranch(step.branch), step.branch);
        await recordTicket(git, step.branch, step.ticket, step.kind, step.notes, false);
        return { branch: step.branch, created: false, ticket: step.ticket, kind: step.kind, notes: step.notes };
    }
  }
  throw new ChangeControlError('internal', 'Start Change did not settle; nothing more was changed.');
}

async function tryFetch(git: StartChangeGit, remote: string): Promise<FetchState> {
  try {
    await git.fetch(remote);
    return { status: 'done' };
  } catch (err) {
    if (isChangeControlError(err, 'cancelled')) throw err;
    // The remote URL may carry credentials, and this text reaches dialogs and notes.
    return { status: 'failed', message: redact(describeError(err)) };
  }
}

/** Explain git's refusal to check out: the uncommitted changes would be overwritten. */
async function runGit(op: () => Promise<void>, branch: string, startPoint?: string): Promise<void> {
  try {
    await op();
  } catch (err) {
    if (isChangeControlError(err, 'git.dirtyWorkTree')) {
      const target = startPoint ? `${branch} (from ${startPoint})` : branch;
      throw new ChangeControlError(
        'git.dirtyWorkTree',
        `Your uncommitted changes conflict with ${target}, so git refused to switch; nothing was changed.`,
        { cause: err, hint: 'Commit or stash those changes yourself, then start the change again.', detail: err.detail },
      );
    }
    throw err;
  }
}

async function recordTicket(git: StartChangeGit, branch: string, ticket: string, kind: ChangeKind, notes: string[], fresh: boolean): Promise<void> {
  const existing = fresh ? undefined : await git.getBranchConfig(branch, TICKET_KEY);
  if (existing && existing !== ticket) {
    notes.push(`${branch} is linked to ticket ${existing}, not ${ticket}; the link was left as it is. Use "Link Ticket to Branch" to change it.`);
    return;
  }
  await git.setBranchConfig(branch, TICKET_KEY, ticket);
  if (fresh || !(await git.getBranchConfig(branch, KIND_KEY))) await git.setBranchConfig(branch, KIND_KEY, kind);
}
