/**
 * Ports: the small interfaces through which core logic and the shells
 * (extension, CLI) reach the outside world. Adapters in src/git, src/github
 * and src/tickets implement them; tests substitute their own.
 *
 * Add to this file; do not change existing members without updating every
 * implementation.
 */
import type { RepoSnapshot } from './startChange';

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

/** What Start Change needs from git (implemented by src/git/gitRepository.ts). */
export interface StartChangeGit {
  /**
   * Take the repository's Start Change lock, so that two runs cannot both
   * plan on the same state; throws `git.operationInProgress` while another
   * run holds it.
   */
  lock(): Promise<StartChangeLock>;
  snapshot(): Promise<RepoSnapshot>;
  /** The checked-out branch now; undefined when HEAD is detached. */
  currentBranch(): Promise<string | undefined>;
  /** Fetch one remote; throws a ChangeControlError when it fails. */
  fetch(remote: string): Promise<void>;
  /** Create `name` at `startPoint` and check it out, keeping uncommitted changes. */
  createBranch(name: string, startPoint: string): Promise<void>;
  switchBranch(name: string): Promise<void>;
  getBranchConfig(branch: string, key: string): Promise<string | undefined>;
  setBranchConfig(branch: string, key: string, value: string): Promise<void>;
}

/** Local history facts the evidence gatherer needs (src/git/history.ts). */
export interface EvidenceGit {
  /** First-parent commits of `from..to`, oldest first. */
  firstParentCommits(from: string, to: string): Promise<{ sha: string; parents: string[]; author: string; date: string; message: string }[]>;
  /** Paths in the tree of `sha`, or undefined when the commit is not available locally. */
  treeFiles(sha: string): Promise<string[] | undefined>;
  /** Whether the commit `sha` changes the policy file against its first parent. */
  editsPolicy?(sha: string): Promise<boolean>;
}
