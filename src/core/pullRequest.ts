/**
 * Open Pull Request, the pure part: the pre-flight rules (what blocks a
 * pull request and what only warns), the title, the body (from the
 * repository's template or ours) and the hidden markers that let a re-run
 * recognise what an earlier run already did. No I/O here.
 */
import type { Policy } from './policy/schema';
import type { Ticket } from './ports';
import { evaluateRules } from './rules/evaluate';
import { known, rulePolicyOf, unknown, type ChangeFacts, type Fact, type LabelApprover } from './rules/facts';
import type { PreflightItemId } from './rules/rule';
import { listPaths } from './rules/text';
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
  /** Who applied the approval label last (read when the policy names `tracker.approvers`). */
  ticketApprover?: Fact<LabelApprover>;
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
  id: PreflightItemId;
  severity: PreflightSeverity;
  message: string;
}

export interface Preflight {
  blockers: PreflightItem[];
  warnings: PreflightItem[];
}

/**
 * Pre-flight: the rule table (src/core/rules) at the moment before the
 * pull request. Blockers stop the pull request; warnings let the user continue.
 */
export function evaluatePreflight(input: PreflightInput): Preflight {
  return preflightView(input).preflight;
}

/** The pre-flight and the rule ids it evaluated (for the rule-table test). */
export function preflightView(input: PreflightInput): { preflight: Preflight; evaluated: string[] } {
  const evaluation = evaluateRules(preflightFacts(input), 'preflight');
  const items: PreflightItem[] = evaluation.outcomes.map((o) => ({ id: o.item, severity: o.severity, message: o.message }));
  return {
    preflight: { blockers: items.filter((i) => i.severity === 'blocker'), warnings: items.filter((i) => i.severity === 'warning') },
    evaluated: evaluation.evaluated,
  };
}

/** What the pre-flight knows about the change, as the rules read it. */
export function preflightFacts(input: PreflightInput): ChangeFacts {
  const { ticket, ticketId } = input;
  return {
    policy: rulePolicyOf(input.policy),
    branch: { name: input.branch },
    sync: {
      behind: input.behindBase === undefined ? unknown(input.behindBaseNote ?? '') : known(input.behindBase),
      unpushed: unknown('not measured before the pull request (Open Pull Request pushes the branch)'),
    },
    ticket: {
      id: ticketId,
      record: ticket ? known({ ...ticket, ...(input.ticketApprover ? { approver: input.ticketApprover } : {}) }) : input.ticketLookupError ? unknown(input.ticketLookupError) : known('notFound' as const),
    },
    commits: input.commits.map((c) => ({ sha: c.sha, subject: commitSubject(c.message), problems: [...input.lint(c.message)] })),
    tests: input.tests
      ? known({
          missing: input.tests.sources.filter((s) => s.verdict === 'missing').map((s) => s.path),
          stale: input.tests.sources.filter((s) => s.verdict === 'stale').map((s) => s.path),
        })
      : unknown('the matching-tests check did not run'),
    pullRequest: known(undefined),
    merge: null,
  };
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
