/**
 * Change ticket IDs: validated against the policy's `commit.ticketPattern`
 * (e.g. `#123`, `owner/repo#123`, `ABC-123`) and turned into a form that
 * can sit inside a branch name. Pure.
 */
import { parseIssueReference } from './issueReference';
import { compileRepositoryPattern, type LinearPattern } from './patterns/repositoryPattern';
import { DEFAULT_TICKET_PATTERN } from './policy/constants';

export type TicketIdResult = { ok: true; id: string } | { ok: false; message: string };

/**
 * The policy's ticket pattern, run in linear time whatever the repository
 * wrote. A pattern the policy parser refused (and reported at its key)
 * falls back to the default, so a ticket is still required, never skipped.
 */
export function compileTicketPattern(pattern: string): LinearPattern {
  const result = compileRepositoryPattern(pattern);
  if (result.ok) return result.pattern;
  const fallback = compileRepositoryPattern(DEFAULT_TICKET_PATTERN);
  if (!fallback.ok) throw new Error(`The default ticket pattern is refused: ${fallback.problem}`);
  return fallback.pattern;
}

/**
 * Check and normalise what a person typed as a ticket ID. Surrounding
 * whitespace is dropped; a bare number becomes `#123` and a lower-case key
 * becomes `ABC-123` when only that form matches the policy, so that the
 * recorded ID is always the canonical one.
 */
export function normaliseTicketId(input: string, pattern: string): TicketIdResult {
  const re = compileTicketPattern(pattern);
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, message: `Enter a change ticket ID (${examplesFor(pattern, re)}).` };
  const candidates = [trimmed, /^[0-9]+$/.test(trimmed) ? `#${trimmed}` : '', trimmed.toUpperCase()];
  for (const candidate of candidates) {
    if (candidate && re.matchesWhole(candidate)) return { ok: true, id: candidate };
  }
  return {
    ok: false,
    message: `"${truncate(trimmed, 40)}" is not a change ticket ID. The policy expects ${examplesFor(pattern, re)}.`,
  };
}

/** Input-box validation: undefined when valid, else the message to show. */
export function validateTicketId(input: string, pattern: string): string | undefined {
  const result = normaliseTicketId(input, pattern);
  return result.ok ? undefined : result.message;
}

/**
 * The ticket as it appears in a branch name: a GitHub issue reference
 * (src/core/issueReference.ts) by its number, `#123` → `123`,
 * `owner/repo#123` (or its URL) → `repo-123`; any other ID as written,
 * `ABC-123` stays. Only letters, digits, `.`, `_` and `-` survive, so the
 * result never changes the branch's folder structure or needs quoting.
 */
export function ticketForBranch(id: string): string {
  const issue = parseIssueReference(id);
  const raw = issue ? ('repo' in issue ? `${issue.repo}-${issue.number}` : String(issue.number)) : id.trim().replace(/^#/, '');
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

function examplesFor(pattern: string, re: LinearPattern): string {
  const examples = ['#123', 'owner/repo#123', 'ABC-123'].filter((e) => re.matchesWhole(e));
  return examples.length > 0 ? `an ID like ${examples.join(' or ')}` : `an ID matching /${pattern}/`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
