/**
 * Start Change, decided purely: from a snapshot of the repository and the
 * user's inputs and answers, the next step — refuse, ask, fetch, create or
 * switch. Every rule lives here; the extension and the CLI only answer
 * questions (a modal or a flag) and run the step through the git port.
 *
 * Never lose work: uncommitted changes are carried (git keeps them in the
 * working tree) only when the user says so; nothing is stashed, reset or
 * pushed.
 */
import { renderBranchName, type ChangeKind } from './branchName';
import type { ErrorCode } from './errors';
import type { Policy } from './policy/schema';
import { normaliseTicketId } from './ticketId';

export type RepoOperation = 'merge' | 'rebase' | 'cherry-pick' | 'revert' | 'bisect';

export interface WorkingChanges {
  staged: string[];
  unstaged: string[];
  untracked: string[];
  /** Paths with unresolved conflicts. */
  conflicted: string[];
}

/** What the planner needs to know about a repository, read in one go. */
export interface RepoSnapshot {
  /** The current branch; undefined when HEAD is detached. */
  branch: string | undefined;
  /** The commit HEAD points at; undefined before the first commit. */
  headCommit: string | undefined;
  operations: RepoOperation[];
  changes: WorkingChanges;
  remotes: string[];
  /** Local branches by short name (`main`, `feature/123-x`). */
  localBranches: string[];
  /** Remote-tracking branches as `origin/main`. */
  remoteBranches: string[];
  /** Where a remote's HEAD points (`origin` → `main`), when known. */
  remoteHeads: Record<string, string>;
}

export interface StartChangeInput {
  /** The ticket ID as typed; normalised against the policy's pattern. */
  ticket: string;
  description: string;
  kind: ChangeKind;
  /** Base branch name, overriding the policy's `branch.base`. */
  base?: string;
  /** Remote to fetch and branch from; it must exist. */
  remote?: string;
  /** Remote to use when it exists (a setting); else `origin` or the first. */
  preferRemote?: string;
  /**
   * An existing branch of the ticket the user chose to switch to (local,
   * or on the remote); no new branch is made and `description` is unused.
   */
  existing?: string;
}

export type StartQuestionId = 'carryChanges' | 'switchExisting' | 'localBase';

export interface StartQuestion {
  id: StartQuestionId;
  message: string;
  detail?: string;
  /** Label of the button that answers yes. */
  confirm: string;
}

export type StartAnswers = Partial<Record<StartQuestionId, boolean>>;

export type FetchState = { status: 'pending' } | { status: 'done' } | { status: 'failed'; message: string };

export type StartStep =
  | { type: 'refuse'; code: ErrorCode; message: string }
  | { type: 'ask'; question: StartQuestion }
  | { type: 'fetch'; remote: string }
  | { type: 'create'; branch: string; startPoint: string; ticket: string; kind: ChangeKind; notes: string[]; upstream?: { remote: string; branch: string } }
  | { type: 'switch'; branch: string; alreadyCurrent: boolean; ticket: string; kind: ChangeKind; notes: string[] };

export interface StartState {
  input: StartChangeInput;
  policy: Pick<Policy, 'branch' | 'commit'>;
  snapshot: RepoSnapshot;
  fetch: FetchState;
  answers: StartAnswers;
}

/** The next step of Start Change. Pure and total: never throws. */
export function planStartChange(state: StartState): StartStep {
  const { input, policy, snapshot } = state;
  const ticket = normaliseTicketId(input.ticket, policy.commit.ticketPattern);
  if (!ticket.ok) return refuse('ticket.invalidId', ticket.message);
  const busy = operationRefusal(snapshot);
  if (busy) return busy;
  if (input.existing !== undefined) return planExistingWork(state, input.existing, ticket.id, chooseRemote(snapshot, input.remote, input.preferRemote));
  if (input.description.trim() === '') return refuse('usage', 'Enter a short description of the change; it names the branch.');
  const named = renderBranchName(policy.branch.template, { kind: input.kind, ticket: ticket.id, description: input.description });
  if (!named.ok) return refuse('git.invalidBranchName', named.message);
  const branch = named.name;
  const remote = chooseRemote(snapshot, input.remote, input.preferRemote);
  if (remote.refusal) return remote.refusal;

  if (snapshot.localBranches.includes(branch)) return planExisting(state, branch, ticket.id);
  const carry = askCarry(state, branch);
  if (carry) return carry;

  const notes: string[] = [];
  if (snapshot.branch === undefined && snapshot.headCommit) {
    notes.push(`HEAD was detached at ${snapshot.headCommit.slice(0, 7)}; the new branch starts from the base, not from that commit.`);
  }
  const base = chooseBase(state, remote.name, notes);
  if (base.type !== 'base') return base;
  if (remote.name && snapshot.remoteBranches.includes(`${remote.name}/${branch}`)) {
    notes.push(`A branch ${branch} already exists on ${remote.name}; it was not used. Pushing this new branch will need a different name.`);
  }
  return { type: 'create', branch, startPoint: base.startPoint, ticket: ticket.id, kind: input.kind, notes };
}

/** Why the repository is busy (merge, rebase, …) and how to finish, or undefined. */
function operationRefusal(snapshot: RepoSnapshot): StartStep | undefined {
  const advice: Record<RepoOperation, [ErrorCode, string]> = {
    merge: ['git.mergeInProgress', 'A merge is in progress. Finish it with "git commit" or abort it with "git merge --abort"'],
    rebase: ['git.rebaseInProgress', 'A rebase is in progress. Finish it with "git rebase --continue" or abort it with "git rebase --abort"'],
    'cherry-pick': ['git.operationInProgress', 'A cherry-pick is in progress. Finish it with "git cherry-pick --continue" or abort it with "git cherry-pick --abort"'],
    revert: ['git.operationInProgress', 'A revert is in progress. Finish it with "git revert --continue" or abort it with "git revert --abort"'],
    bisect: ['git.operationInProgress', 'A bisect is in progress. End it with "git bisect reset"'],
  };
  const op = snapshot.operations[0];
  if (op) return refuse(advice[op][0], `${advice[op][1]}, then start the change again. Nothing was changed.`);
  const conflicted = snapshot.changes.conflicted;
  if (conflicted.length > 0) {
    return refuse('git.dirtyWorkTree', `${listPaths(conflicted)} ${conflicted.length === 1 ? 'has' : 'have'} unresolved conflicts. Resolve and commit them first. Nothing was changed.`);
  }
  return undefined;
}

function chooseRemote(snapshot: RepoSnapshot, wanted: string | undefined, preferred: string | undefined): { name?: string; refusal?: StartStep } {
  if (wanted !== undefined) {
    if (snapshot.remotes.includes(wanted)) return { name: wanted };
    const known = snapshot.remotes.length > 0 ? `Remotes: ${snapshot.remotes.join(', ')}.` : 'The repository has no remotes.';
    return { refusal: refuse('git.noRemote', `There is no remote named "${wanted}". ${known}`) };
  }
  if (preferred && snapshot.remotes.includes(preferred)) return { name: preferred };
  if (snapshot.remotes.includes('origin')) return { name: 'origin' };
  return { name: [...snapshot.remotes].sort()[0] };
}

function planExisting(state: StartState, branch: string, ticket: string): StartStep {
  const { snapshot, answers, input } = state;
  const notes: string[] = [];
  if (snapshot.branch === branch) {
    notes.push(`You are already on ${branch}.`);
    return { type: 'switch', branch, alreadyCurrent: true, ticket, kind: input.kind, notes };
  }
  if (answers.switchExisting === undefined) {
    return ask({
      id: 'switchExisting',
      message: `The branch ${branch} already exists.`,
      detail: 'Switch to it instead of creating a new branch?',
      confirm: 'Switch to Existing Branch',
    });
  }
  if (!answers.switchExisting) return refuse('cancelled', `The branch ${branch} already exists; nothing was changed.`);
  const carry = askCarry(state, branch);
  if (carry) return carry;
  return { type: 'switch', branch, alreadyCurrent: false, ticket, kind: input.kind, notes };
}

/**
 * Switch to the ticket's existing branch: the local one (the user chose it,
 * so no second question), else a local copy of the remote's that tracks it.
 * Uncommitted changes come along only when the user says so, and git
 * refuses (changing nothing) when they conflict.
 */
function planExistingWork(state: StartState, branch: string, ticket: string, remote: { name?: string; refusal?: StartStep }): StartStep {
  const { snapshot, fetch, input } = state;
  if (snapshot.localBranches.includes(branch)) return planExisting({ ...state, answers: { ...state.answers, switchExisting: true } }, branch, ticket);
  if (remote.refusal) return remote.refusal;
  if (!remote.name) return refuse('git.baseNotFound', `There is no branch ${branch} in this repository; nothing was changed.`);
  const remoteRef = `${remote.name}/${branch}`;
  if (fetch.status === 'pending' && !snapshot.remoteBranches.includes(remoteRef)) return { type: 'fetch', remote: remote.name };
  if (!snapshot.remoteBranches.includes(remoteRef)) {
    const why = fetch.status === 'failed' ? ` (could not fetch: ${fetch.message})` : '';
    return refuse('git.baseNotFound', `${remote.name} has no branch ${branch}${why}; nothing was changed.`);
  }
  const carry = askCarry(state, branch);
  if (carry) return carry;
  return {
    type: 'create', branch, startPoint: remoteRef, ticket, kind: input.kind,
    notes: [`${branch} was checked out from ${remoteRef}, which it tracks.`], upstream: { remote: remote.name, branch },
  };
}

function askCarry(state: StartState, branch: string): StartStep | undefined {
  const { staged, unstaged, untracked } = state.snapshot.changes;
  const paths = [...new Set([...staged, ...unstaged, ...untracked])];
  if (paths.length === 0) return undefined;
  if (state.answers.carryChanges === undefined) {
    return ask({
      id: 'carryChanges',
      message: `You have uncommitted changes in ${paths.length} ${paths.length === 1 ? 'file' : 'files'}.`,
      detail: `Carry them to ${branch}? They stay in the working tree as they are; nothing is stashed or discarded. (${listPaths(paths)})`,
      confirm: 'Carry Changes to New Branch',
    });
  }
  if (!state.answers.carryChanges) {
    return refuse('cancelled', 'Stopped because of uncommitted changes; nothing was changed. Commit or stash them, then start the change again.');
  }
  return undefined;
}

type BaseChoice = { type: 'base'; startPoint: string } | StartStep;

function chooseBase(state: StartState, remote: string | undefined, notes: string[]): BaseChoice {
  const { snapshot, input, policy, fetch } = state;
  const explicit = input.base?.trim() || undefined;
  const wanted = explicit ?? policy.branch.base;
  const candidates = explicit ? [explicit] : unique([wanted, 'main', 'master', remote ? snapshot.remoteHeads[remote] : undefined]);
  if (!remote) {
    const local = firstExisting(candidates, snapshot.localBranches, '');
    if (!local) return refuse('git.baseNotFound', `There is no local branch ${describeCandidates(candidates)} to start from, and no remote. ${baseHint(explicit)}`);
    notes.push(`This repository has no remote, so the branch starts from the local ${local}. Bring ${local} up to date before you push.`);
    noteFallback(notes, wanted, local, 'local');
    return { type: 'base', startPoint: local };
  }
  if (fetch.status === 'pending') return { type: 'fetch', remote };
  if (fetch.status === 'done') {
    const found = firstExisting(candidates, snapshot.remoteBranches, `${remote}/`);
    if (!found) return refuse('git.baseNotFound', `The remote ${remote} has no branch ${describeCandidates(candidates)}. ${baseHint(explicit)}`);
    noteFallback(notes, wanted, found, remote);
    return { type: 'base', startPoint: `${remote}/${found}` };
  }
  return chooseLocalAfterFailedFetch(state, remote, candidates, notes);
}

function chooseLocalAfterFailedFetch(state: StartState, remote: string, candidates: string[], notes: string[]): BaseChoice {
  const { snapshot, answers, fetch } = state;
  const reason = fetch.status === 'failed' ? fetch.message : '';
  const local = firstExisting(candidates, snapshot.localBranches, '');
  const stale = local ? undefined : firstExisting(candidates, snapshot.remoteBranches, `${remote}/`);
  const startPoint = local ?? (stale ? `${remote}/${stale}` : undefined);
  if (!startPoint) {
    return refuse('git.fetchFailed', `Could not fetch from ${remote} (${reason}), and there is no local ${describeCandidates(candidates)} to start from. Check the network and try again.`);
  }
  const label = local ? `Local ${local}` : `Last Fetched ${startPoint}`;
  if (answers.localBase === undefined) {
    return ask({
      id: 'localBase',
      message: `Could not fetch from ${remote}.`,
      detail: `${reason} Branch from the ${local ? `local ${local}` : `last fetched ${startPoint}`} instead? It may be behind ${remote}.`,
      confirm: `Branch from ${label}`,
    });
  }
  if (!answers.localBase) return refuse('cancelled', `Could not fetch from ${remote}; nothing was changed.`);
  notes.push(`Could not fetch from ${remote}; the branch starts from ${local ? `the local ${local}` : `the last fetched ${startPoint}`}, which may be behind ${remote}.`);
  return { type: 'base', startPoint };
}

function noteFallback(notes: string[], wanted: string, found: string, where: string): void {
  if (found !== wanted) notes.push(`There is no ${wanted} ${where === 'local' ? 'branch' : `on ${where}`}; the branch starts from ${where === 'local' ? found : `${where}/${found}`} instead.`);
}

function firstExisting(candidates: string[], refs: string[], prefix: string): string | undefined {
  return candidates.find((c) => refs.includes(`${prefix}${c}`));
}

function describeCandidates(candidates: string[]): string {
  return candidates.length === 1 ? `"${candidates[0]}"` : `${candidates.slice(0, -1).map((c) => `"${c}"`).join(', ')} or "${candidates[candidates.length - 1]}"`;
}

function baseHint(explicit: string | undefined): string {
  return explicit ? 'Check the base branch name.' : 'Set "branch.base" in .github/change-control.json to your main branch.';
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}

function listPaths(paths: string[]): string {
  const shown = paths.slice(0, 3).join(', ');
  return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown;
}

function refuse(code: ErrorCode, message: string): StartStep {
  return { type: 'refuse', code, message };
}

function ask(question: StartQuestion): StartStep {
  return { type: 'ask', question };
}
