/**
 * Ports: the small interfaces through which core logic and the shells
 * (extension, CLI) reach the outside world. Adapters in src/git, src/github
 * and src/tickets implement them; tests substitute their own.
 *
 * Add to this file; do not change existing members without updating every
 * implementation.
 */
import type { RepoSnapshot } from './startChange';
import type { ChangedFile } from './testMatching/checkTests';

/** Where log lines go (the output channel, stderr). Never pass secrets. */
export interface Logger {
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A change ticket, whatever tracker it came from. */
export interface Ticket {
  /** Unique ID as shown to people: `#123`, `owner/repo#123` or `ABC-123`. */
  id: string;
  title: string;
  url?: string;
  state: 'open' | 'closed';
  assignees: string[];
  labels: string[];
  /** Carries the policy's approval label. */
  approved: boolean;
}

export interface TicketQuery {
  /** Free text to narrow the list. */
  search?: string;
  signal?: AbortSignal;
}

/** Lists and looks up change tickets (GitHub issues, or a plain input box). */
export interface TicketProvider {
  /** Human name of the tracker ("GitHub issues in owner/repo"). */
  readonly name: string;
  /** Open tickets, the current user's first. Empty when the provider cannot list. */
  listOpen(query?: TicketQuery): Promise<Ticket[]>;
  /** One ticket by ID, or undefined when it does not exist. */
  get(id: string, signal?: AbortSignal): Promise<Ticket | undefined>;
}

/** Reads a secret (a token) at the moment it is needed; never stored elsewhere. */
export type TokenSource = () => Promise<string | undefined>;

/** A repository on a GitHub host: the owner and the name. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** One issue (a change ticket) on a GitHub host. */
export interface TicketRef extends RepoRef {
  number: number;
}

/** git config keys under `branch.<name>.` that Change Control reads and writes. */
export const TICKET_KEY = 'changeTicket';
export const KIND_KEY = 'changeKind';

/** The repository's Start Change lock, held for one run (src/git/startLock.ts). */
export interface StartChangeLock {
  /** Worth telling the user (a stale lock that was replaced). */
  notes: string[];
  release(): Promise<void>;
}

/** One commit of a range, as `git log` reports it. */
export interface RangeCommit {
  sha: string;
  /** Number of parents; more than one is a merge. */
  parents: number;
  subject: string;
  /** The full raw message (%B). */
  message: string;
}

/** Where the branch stands against its base, for the pre-flight. */
export interface BaseState {
  /** The ref commits are counted from (`origin/main`, or `main` without a remote copy). */
  baseRef: string;
  /** Commits on the base that HEAD lacks; undefined when the base is unknown. */
  behind: number | undefined;
  /** Why the numbers may be stale or missing (fetch failed). */
  note?: string;
}

/** The branch's changes against its base, for the test check. */
export interface RepositoryChange {
  /** The ref the change is measured against (`origin/main`). */
  baseRef: string;
  /** Merge-base commit of HEAD and the base ref. */
  mergeBase: string;
  changes: ChangedFile[];
  /** Tracked paths (`git ls-files`). */
  tree: string[];
  /** Changed `.rs` files holding a `#[cfg(test)]` module. */
  inlineTests: Set<string>;
}

/** What a push did. */
export interface PushResult {
  /** False when the remote already had this commit ("Everything up-to-date"). */
  updated: boolean;
}

/** How to measure a change against its base (`check-tests --base REF`). */
export interface ChangeBaseOptions {
  /** The policy's base branch (`branch.base`). */
  baseBranch: string;
  /** An explicit base revision; wins over the branch. */
  baseRef?: string;
  remote?: string;
  signal?: AbortSignal;
}

/*
 * The git port, grouped by git area (as GitLens' sub-providers are):
 * src/git/gitRepository.ts implements all of it for one repository, each
 * use case takes the part it needs (a Pick), and unit tests hand in a fake.
 */

/** Branches: what is checked out, creating and switching. */
export interface GitBranches {
  /** The checked-out branch now; undefined when HEAD is detached. */
  currentBranch(): Promise<string | undefined>;
  /** Create `name` at `startPoint` and check it out, keeping uncommitted changes. */
  createBranch(name: string, startPoint: string): Promise<void>;
  switchBranch(name: string): Promise<void>;
  /** True when `ref` (a full ref such as `refs/heads/main`) exists. */
  refExists(ref: string): Promise<boolean>;
}

/** Commits and trees: ranges, the change against the base, tracked files. */
export interface GitCommits {
  /** Commits of `range` (`origin/main..HEAD`), oldest first. */
  commitsInRange(range: string): Promise<RangeCommit[]>;
  /** The branch's changed files against its base, and the tracked tree. */
  readChange(options: ChangeBaseOptions): Promise<RepositoryChange>;
  /** Tracked pull request template candidates. */
  templateCandidates(): Promise<string[]>;
  /** A tracked file's content at HEAD. */
  trackedFile(path: string): Promise<string>;
}

/** Config: the `branch.<name>.change*` keys. */
export interface GitConfig {
  getBranchConfig(branch: string, key: string): Promise<string | undefined>;
  setBranchConfig(branch: string, key: string, value: string): Promise<void>;
}

/** Remotes: fetch, push, and where the base stands. */
export interface GitRemotes {
  /** Fetch one remote; throws a ChangeControlError when it fails. */
  fetch(remote: string, signal?: AbortSignal): Promise<void>;
  /** Push `branch` to `remote` with upstream tracking; never forced. */
  push(remote: string, branch: string, signal?: AbortSignal): Promise<PushResult>;
  /** Fetch the base (best effort) and count how far behind HEAD is. */
  baseState(remote: string, baseBranch: string, signal?: AbortSignal): Promise<BaseState>;
}

/** Status: the state of the work tree and the repository's lock. */
export interface GitStatus {
  /**
   * Take the repository's Start Change lock, so that two runs cannot both
   * plan on the same state; throws `git.operationInProgress` while another
   * run holds it.
   */
  lock(): Promise<StartChangeLock>;
  snapshot(): Promise<RepoSnapshot>;
}

/** The whole git port of one repository. */
export interface GitPort extends GitBranches, GitCommits, GitConfig, GitRemotes, GitStatus {}

/** What Start Change needs from git. */
export type StartChangeGit = Pick<GitPort, 'lock' | 'snapshot' | 'currentBranch' | 'fetch' | 'createBranch' | 'switchBranch' | 'getBranchConfig' | 'setBranchConfig'>;

/** Local history facts the evidence gatherer needs (src/git/history.ts). */
export interface EvidenceGit {
  /** First-parent commits of `from..to`, oldest first. */
  firstParentCommits(from: string, to: string): Promise<{ sha: string; parents: string[]; author: string; date: string; message: string }[]>;
  /** Paths in the tree of `sha`, or undefined when the commit is not available locally. */
  treeFiles(sha: string): Promise<string[] | undefined>;
  /** Whether the commit `sha` changes the policy file against its first parent. */
  editsPolicy?(sha: string): Promise<boolean>;
}

/**
 * Whether `login` is an active member of the team `org/slug` (GitHub's
 * team membership API, which needs a token that can read the
 * organization: read:org). Rejects when membership cannot be read; a
 * caller then fails closed.
 */
export type TeamMembership = (org: string, team: string, login: string) => Promise<boolean>;
