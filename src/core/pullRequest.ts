/**
 * Open Pull Request, the pure part: the pre-flight rules (what blocks a
 * pull request and what only warns), the title, the body (from the
 * repository's template or ours) and the hidden markers that let a re-run
 * recognise what an earlier run already did. No I/O here.
 */
import type { Policy } from './policy/schema';
import type { Ticket } from './ports';
import type { TestCheckResult } from './testMatching/types';

/** One commit of the change, oldest first. */
export interface ChangeCommit {
  sha: string;
  /** Full message (subject, blank line, body). */
  message: string;
}

/** A lint problem of one commit, as the linter reports it. */
export interface CommitProblem {
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export type CommitLinter = (message: string) => readonly CommitProblem[];

export interface PreflightInput {
  policy: Policy;
  /** Current branch; undefined when HEAD is detached. */
  branch: string | undefined;
  /** Ticket ID recorded for the branch (or found in its commits). */
  ticketId: string | undefined;
  /** The ticket as the tracker knows it; undefined when not found or not looked up. */
  ticket: Ticket | undefined;
  /** Why the ticket could not be looked up (network, sign-in), when it could not. */
  ticketLookupError?: string;
  /** Commits on the branch that are not on the base, oldest first. */
  commits: readonly ChangeCommit[];
  lint: CommitLinter;
  /** Result of the matching-tests check; undefined when it could not run. */
  tests: TestCheckResult | undefined;
  /** Commits on the base that the branch lacks; undefined when unknown. */
  behindBase: number | undefined;
  /** Why `behindBase` is unknown or may be stale (fetch failed). */
  behindBaseNote?: string;
}

export type PreflightSeverity = 'blocker' | 'warning';

export interface PreflightItem {
  id: 'branch' | 'ticket' | 'commits' | 'lint' | 'tests' | 'upToDate' | 'approval';
  severity: PreflightSeverity;
  message: string;
}

export interface Preflight {
  blockers: PreflightItem[];
  warnings: PreflightItem[];
}

/** Pre-flight rules. Blockers stop the pull request; warnings let the user continue. */
export function evaluatePreflight(input: PreflightInput): Preflight {
  const items: PreflightItem[] = [
    ...checkBranch(input),
    ...checkTicket(input),
    ...checkCommits(input),
    ...checkTests(input),
    ...checkUpToDate(input),
  ];
  return {
    blockers: items.filter((i) => i.severity === 'blocker'),
    warnings: items.filter((i) => i.severity === 'warning'),
  };
}

function checkBranch({ branch, policy }: PreflightInput): PreflightItem[] {
  if (!branch) {
    return [{ id: 'branch', severity: 'blocker', message: 'HEAD is detached. Check out your feature branch (or run Start Change).' }];
  }
  if (branch === policy.branch.base) {
    return [{ id: 'branch', severity: 'blocker', message: `You are on the base branch "${branch}". Run Start Change to create a feature branch.` }];
  }
  return [];
}

function checkTicket({ ticketId, ticket, ticketLookupError, policy }: PreflightInput): PreflightItem[] {
  if (!ticketId) {
    return [{ id: 'ticket', severity: 'blocker', message: 'No change ticket is linked to this branch. Run Link Ticket to Branch.' }];
  }
  if (!ticket) {
    const why = ticketLookupError ? `could not be checked: ${ticketLookupError}` : 'was not found in the tracker';
    return [{ id: 'ticket', severity: 'blocker', message: `Ticket ${ticketId} ${why}.` }];
  }
  if (ticket.state === 'closed') {
    return [{ id: 'ticket', severity: 'blocker', message: `Ticket ${ticket.id} is closed. Reopen it or link an open ticket.` }];
  }
  if (!ticket.approved) {
    const label = policy.tracker.approvalLabel;
    return [{
      id: 'approval',
      severity: policy.tracker.requireApproval ? 'blocker' : 'warning',
      message: `Ticket ${ticket.id} is not approved (no "${label}" label). Ask an approver to add it.`,
    }];
  }
  return [];
}

function checkCommits({ commits, lint }: PreflightInput): PreflightItem[] {
  if (commits.length === 0) {
    return [{ id: 'commits', severity: 'blocker', message: 'The branch has no commits that are not on the base branch. Commit your change first.' }];
  }
  const items: PreflightItem[] = [];
  for (const commit of commits) {
    const problems = lint(commit.message);
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warning');
    const subject = commitSubject(commit.message);
    const where = `Commit ${commit.sha.slice(0, 7)} "${truncate(subject, 50)}"`;
    if (errors.length > 0) items.push({ id: 'lint', severity: 'blocker', message: `${where}: ${errors.map((p) => p.message).join('; ')}` });
    else if (warnings.length > 0) items.push({ id: 'lint', severity: 'warning', message: `${where}: ${warnings.map((p) => p.message).join('; ')}` });
  }
  return items;
}

function checkTests({ tests, policy }: PreflightInput): PreflightItem[] {
  if (!tests) return [{ id: 'tests', severity: 'warning', message: 'The matching-tests check did not run.' }];
  const missing = tests.sources.filter((s) => s.verdict === 'missing').map((s) => s.path);
  const stale = tests.sources.filter((s) => s.verdict === 'stale').map((s) => s.path);
  const items: PreflightItem[] = [];
  if (missing.length > 0) {
    items.push({
      id: 'tests',
      severity: policy.tests.requireTests ? 'blocker' : 'warning',
      message: `No tests for ${listPaths(missing)}. Add tests (Create Test File) or exempt them in the policy.`,
    });
  }
  if (stale.length > 0) items.push({ id: 'tests', severity: 'warning', message: `Tests exist but were not changed for ${listPaths(stale)}.` });
  return items;
}

function checkUpToDate({ behindBase, behindBaseNote, policy }: PreflightInput): PreflightItem[] {
  const base = policy.branch.base;
  if (behindBase === undefined) {
    return [{ id: 'upToDate', severity: 'warning', message: `Could not tell whether the branch is up to date with ${base}${behindBaseNote ? `: ${behindBaseNote}` : ''}.` }];
  }
  if (behindBase > 0) {
    const n = behindBase === 1 ? '1 commit' : `${behindBase} commits`;
    return [{ id: 'upToDate', severity: 'warning', message: `The branch is ${n} behind ${base}. Merge or rebase onto ${base} before review.` }];
  }
  return [];
}

/** "Feature" or "Defect": from the branch's kind prefix, else the ticket's labels. */
export function changeKind(branch: string | undefined, ticket: Ticket | undefined): 'Feature' | 'Defect' {
  const prefix = (branch ?? '').split('/')[0]?.toLowerCase() ?? '';
  if (['defect', 'bug', 'bugfix', 'fix', 'hotfix'].includes(prefix)) return 'Defect';
  if (['feature', 'feat'].includes(prefix)) return 'Feature';
  const labels = (ticket?.labels ?? []).map((l) => l.toLowerCase());
  return labels.some((l) => l === 'bug' || l === 'defect' || l.includes('bug')) ? 'Defect' : 'Feature';
}

/** The pull request title: the ticket's title and ID, so the PR names the change. */
export function pullRequestTitle(ticket: Ticket | undefined, ticketId: string | undefined, commits: readonly ChangeCommit[]): string {
  const title = ticket?.title.trim() || (commits[0] ? commitSubject(commits[0].message) : 'Change');
  const id = ticket?.id ?? ticketId;
  return id && !title.includes(id) ? `${title} (${id})` : title;
}

/**
 * A high-level description from the commits: a single commit gives its
 * subject and body; several give one bullet per subject.
 */
export function describeCommits(commits: readonly ChangeCommit[]): string {
  if (commits.length === 0) return '';
  if (commits.length === 1) {
    const [subject, ...rest] = commits[0]!.message.replace(/\r\n/g, '\n').split('\n');
    const body = stripTrailers(rest.join('\n')).trim();
    return body ? `${subject!.trim()}\n\n${body}` : subject!.trim();
  }
  return commits.map((c) => `- ${commitSubject(c.message)}`).join('\n');
}

/** A one-paragraph summary of the matching-tests check. */
export function summarizeTests(tests: TestCheckResult | undefined): string {
  if (!tests) return 'The matching-tests check did not run.';
  const c = tests.counts;
  const parts = [`${c.covered} covered`, `${c.stale} with unchanged tests`, `${c.missing} without tests`, `${c.exempt} exempt`];
  const lines = [`Changed source files: ${tests.sources.length} (${parts.join(', ')}).`];
  if (tests.changedTests.length > 0) lines.push(`Changed tests: ${listPaths(tests.changedTests, 10)}.`);
  const missing = tests.sources.filter((s) => s.verdict === 'missing').map((s) => s.path);
  if (missing.length > 0) lines.push(`Without tests: ${listPaths(missing, 10)}.`);
  return lines.join('\n');
}

export const REVIEWER_CHECKLIST = [
  'The change does what the ticket describes, and the ticket is approved',
  'Tests cover the change and pass',
  'No secrets, credentials or patient data in code, logs or test fixtures',
  'Commit messages describe the change',
];

/** Candidate template paths, in GitHub's order of preference (matched case-insensitively). */
export const PR_TEMPLATE_PATHS = [
  '.github/pull_request_template.md',
  'pull_request_template.md',
  'docs/pull_request_template.md',
];
/** Folders holding several templates, one of which is picked. */
export const PR_TEMPLATE_DIRS = ['.github/PULL_REQUEST_TEMPLATE', 'PULL_REQUEST_TEMPLATE', 'docs/PULL_REQUEST_TEMPLATE'];

/**
 * The template to use among the repository's files (repository-relative
 * paths): a single-template path first, else the first `.md` of a template
 * folder (the UI may offer the others). Undefined when there is none.
 */
export function pickTemplate(paths: readonly string[]): { path: string; alternatives: string[] } | undefined {
  const byLower = new Map(paths.map((p) => [p.toLowerCase(), p]));
  for (const candidate of PR_TEMPLATE_PATHS) {
    const found = byLower.get(candidate.toLowerCase());
    if (found) return { path: found, alternatives: [] };
  }
  for (const dir of PR_TEMPLATE_DIRS) {
    const prefix = `${dir.toLowerCase()}/`;
    const inDir = paths.filter((p) => {
      const lower = p.toLowerCase();
      return lower.startsWith(prefix) && lower.endsWith('.md') && !lower.slice(prefix.length).includes('/');
    }).sort();
    if (inDir.length > 0) return { path: inDir[0]!, alternatives: inDir.slice(1) };
  }
  return undefined;
}

export interface BodyInput {
  ticket: Ticket | undefined;
  ticketId: string;
  kind: 'Feature' | 'Defect';
  description: string;
  testsSummary: string;
  /** The repository's template text, when it has one. */
  template?: string;
}

/** Marks a PR body written by Change Control (and the ticket it names). */
export function bodyMarker(ticketId: string): string {
  return `<!-- change-control:ticket ${ticketId} -->`;
}

/** The pull request body: our sections, then the team's template (or our checklist). */
export function pullRequestBody(input: BodyInput): string {
  const link = input.ticket?.url ? `[${input.ticketId}](${input.ticket.url})` : input.ticketId;
  const title = input.ticket ? ` — ${input.ticket.title}` : '';
  const sections = [
    `**Change ticket:** ${link}${title}`,
    `**Type:** ${input.kind}`,
    `## Description\n\n${input.description.trim() || '_Describe the change._'}`,
    `## Tests\n\n${input.testsSummary.trim()}`,
  ];
  const tail = input.template?.trim()
    ? input.template.trim()
    : `## Reviewer checklist\n\n${REVIEWER_CHECKLIST.map((c) => `- [ ] ${c}`).join('\n')}`;
  return `${sections.join('\n\n')}\n\n${tail}\n\n${bodyMarker(input.ticketId)}\n`;
}

const BACKLINK_PREFIX = '<!-- change-control:pr-link ';

/** Hidden marker of the ticket comment that links a pull request. */
export function backLinkMarker(prUrl: string): string {
  return `${BACKLINK_PREFIX}${prUrl} -->`;
}

/** The ticket comment that links the reviewed pull request (policy: the ticket links the PR). */
export function backLinkComment(pr: { number: number; url: string; title: string }): string {
  return `Pull request [#${pr.number} ${pr.title}](${pr.url}) implements this change.\n\n${backLinkMarker(pr.url)}`;
}

/** True when a comment body is our back-link to this pull request. */
export function isBackLinkComment(body: string | null | undefined, prUrl: string): boolean {
  return typeof body === 'string' && body.includes(backLinkMarker(prUrl));
}

/** First line of a commit message. */
export function commitSubject(message: string): string {
  return message.replace(/\r\n/g, '\n').split('\n')[0]!.trim();
}

function stripTrailers(body: string): string {
  const lines = body.trimEnd().split('\n');
  while (lines.length > 0 && /^[A-Za-z-]+: .+/.test(lines[lines.length - 1]!.trim())) lines.pop();
  return lines.join('\n');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function listPaths(paths: readonly string[], max = 5): string {
  const shown = paths.slice(0, max).join(', ');
  return paths.length > max ? `${shown} and ${paths.length - max} more` : shown;
}
