/**
 * Ports: the small interfaces through which core logic and the shells
 * (extension, CLI) reach the outside world. Adapters in src/git, src/github
 * and src/tickets implement them; tests substitute their own.
 *
 * Add to this file; do not change existing members without updating every
 * implementation.
 */

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
