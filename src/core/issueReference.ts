/**
 * The one grammar of a GitHub issue reference, which a change ticket ID
 * may be. The GitHub ticket provider reads it (src/tickets), the branch
 * name writes it (ticketForBranch), and the default ticket pattern is
 * built from it, so that the three cannot accept different shapes:
 *
 * - `#123` or `123`: issue 123 of the tracker repository;
 * - `owner/repo#123`: issue 123 of `owner/repo`;
 * - `https://host/owner/repo/issues/123`: the issue's page.
 *
 * Owner and repository are GitHub names (ASCII letters, digits, `_`, `.`
 * and `-`). `repo#123` without its owner is no issue reference: it names
 * no repository and GitHub does not link it. Pure, and linear: each
 * expression is anchored and has no nested repetition.
 */

/** A GitHub owner or repository name, as a regular-expression source. */
export const GITHUB_NAME_SOURCE = '[A-Za-z0-9_.-]+';

/**
 * `#123` or `owner/repo#123` as a regular-expression source: the GitHub
 * half of the default `commit.ticketPattern`.
 */
export const ISSUE_REFERENCE_SOURCE = `(?:${GITHUB_NAME_SOURCE}/${GITHUB_NAME_SOURCE})?#[0-9]+`;

/** An issue of the tracker repository (`#123`), or of a named repository. */
export type IssueReference = { number: number } | { owner: string; repo: string; number: number };

const SHORT = /^#?([0-9]+)$/;
const LONG = new RegExp(`^(${GITHUB_NAME_SOURCE})/(${GITHUB_NAME_SOURCE})#([0-9]+)$`);
const URL_FORM = new RegExp(`^https?://[^/\\s]+/(${GITHUB_NAME_SOURCE})/(${GITHUB_NAME_SOURCE})/issues/([0-9]+)/?$`);

/**
 * Reads a ticket ID as a GitHub issue reference (surrounding white space
 * dropped); undefined for any other shape (`ABC-123`, `repo#123`).
 */
export function parseIssueReference(id: string): IssueReference | undefined {
  const text = id.trim();
  const short = SHORT.exec(text);
  if (short) return { number: Number(short[1]) };
  const named = LONG.exec(text) ?? URL_FORM.exec(text);
  if (named) return { owner: named[1] as string, repo: named[2] as string, number: Number(named[3]) };
  return undefined;
}
