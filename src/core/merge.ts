/**
 * Merge, the pure half: which merge method to use among those the
 * repository allows, the merge commit message (which must pass our own
 * commit linter: a merge that lands a message the hook would refuse is a
 * policy deviation on the base branch), and the change-record comment put
 * on the ticket afterwards, with its marker so a re-run never posts a
 * second one. No I/O: src/app/merge.ts orchestrates.
 */
import { code, esc } from './evidence/markdown';
import type { ChangeEvidence } from './evidence/schema';

/** GitHub's three ways of merging a pull request. */
export type MergeMethod = 'merge' | 'squash' | 'rebase';

export const MERGE_METHODS: readonly MergeMethod[] = ['merge', 'squash', 'rebase'];

/** What the repository's settings allow (`allow_merge_commit`, `allow_squash_merge`, `allow_rebase_merge`). */
export interface MergeSettings {
  allowed: MergeMethod[];
  /** `delete_branch_on_merge`: the head branch goes once merged. */
  deleteBranchOnMerge: boolean;
}

/**
 * The method to merge with: the one asked for when the repository allows
 * it; else the first allowed of merge, squash, rebase. Undefined (with the
 * reason) when the asked one is refused or none is allowed.
 */
export function chooseMergeMethod(allowed: readonly MergeMethod[], wanted?: MergeMethod): { method: MergeMethod } | { refused: string } {
  if (wanted) return allowed.includes(wanted) ? { method: wanted } : { refused: `the repository does not allow ${methodWords(wanted)}; it allows ${allowedWords(allowed)}` };
  const method = MERGE_METHODS.find((m) => allowed.includes(m));
  return method ? { method } : { refused: 'the repository allows no merge method (merge commits, squash and rebase are all off)' };
}

export function methodWords(method: MergeMethod): string {
  return method === 'merge' ? 'merge commits' : method === 'squash' ? 'squash merges' : 'rebase merges';
}

function allowedWords(allowed: readonly MergeMethod[]): string {
  return allowed.length > 0 ? allowed.map(methodWords).join(', ') : 'nothing';
}

export interface MergeMessageInput {
  method: MergeMethod;
  pr: { number: number; title: string; headRef: string; owner: string };
  ticketId: string | undefined;
  /** Approvals that count, each with the commit approved. */
  approvals: readonly { reviewer: string; commitId: string | null }[];
  subjectMaxLength: number;
}

/**
 * The commit title and message GitHub is asked to write. A merge commit
 * says what GitHub's button says when it fits the subject limit (`Merge
 * pull request #N from owner/branch`), else `Merge pull request #N`; a
 * squash is the pull request's title with `(#N)`. The body names the
 * ticket and the approvals as trailers. Undefined for rebase: the
 * reviewed commits land as they are (the gate linted them).
 */
export function mergeCommitMessage(input: MergeMessageInput): { title: string; message: string } | undefined {
  if (input.method === 'rebase') return undefined;
  const { pr } = input;
  const title = input.method === 'merge'
    ? fitting(`Merge pull request #${pr.number} from ${pr.owner}/${pr.headRef}`, `Merge pull request #${pr.number}`, input.subjectMaxLength)
    : fitting(`${pr.title.trim()} (#${pr.number})`, pr.title.trim(), input.subjectMaxLength);
  const lines = [
    ...(input.method === 'merge' ? [pr.title.trim(), ''] : []),
    ...(input.ticketId ? [`Ticket: ${input.ticketId}`] : []),
    ...input.approvals.map((a) => `Approved-by: ${a.reviewer}${a.commitId ? ` (${a.commitId.slice(0, 12)})` : ''}`),
  ];
  return { title, message: lines.join('\n').trim() };
}

function fitting(long: string, short: string, max: number): string {
  return [...long].length <= max ? long : short;
}

/** The whole message as git stores it (title, blank line, body), for the linter. */
export function fullMergeMessage(m: { title: string; message: string }): string {
  return m.message ? `${m.title}\n\n${m.message}\n` : `${m.title}\n`;
}

const RECORD_PREFIX = '<!-- change-control:change-record ';

/** The hidden marker of the change record of one pull request (its URL). */
export function changeRecordMarker(prUrl: string): string {
  return `${RECORD_PREFIX}${prUrl} -->`;
}

/** True when a comment body is our change record of this pull request. */
export function isChangeRecordComment(body: string | null | undefined, prUrl: string): boolean {
  return typeof body === 'string' && body.includes(changeRecordMarker(prUrl));
}

export interface ChangeRecordInput {
  /** The pull request's evidence, findings included (src/app/evidenceReport.ts). */
  change: Pick<ChangeEvidence, 'pullRequest' | 'findings' | 'notVerifiable' | 'commits'>;
  mergeCommitSha: string;
  /** Unknown when the pull request was merged before the record was written. */
  method?: MergeMethod;
  base: string;
}

/**
 * The change record: one comment on the ticket after the merge, for the
 * auditor who starts from the ticket: the merged commit, the pull request,
 * each approval with the commit it approved, the checks, and the findings
 * of the evidence (or that there are none). User text is escaped.
 */
export function changeRecordComment(input: ChangeRecordInput): string {
  const pr = input.change.pullRequest;
  if (!pr) return '';
  const reviews = pr.reviews.filter((r) => r.state === 'APPROVED');
  const approvals = reviews.length > 0
    ? reviews.map((r) => `- ${esc(r.reviewer)} approved ${r.commitId ? code(r.commitId.slice(0, 12)) : 'an unknown commit'}${r.commitId === pr.headSha ? ' (the merged head)' : ' (an earlier commit)'}${r.submittedAt ? ` at ${esc(r.submittedAt)}` : ''}`)
    : ['- none'];
  const checks = pr.checks.length > 0 ? pr.checks.map((c) => `- ${c.state === 'passed' ? '✅' : c.state === 'failed' ? '❌' : '⏳'} ${esc(c.name)}: ${c.state}`) : ['- none reported'];
  const findings = input.change.findings.length > 0
    ? input.change.findings.map((f) => `- ⚠ ${code(f.id)}: ${esc(f.title)}`)
    : ['- none: the change followed the policy'];
  const unverifiable = (input.change.notVerifiable ?? []).map((n) => `- not verifiable: ${code(n.rule)} (${esc(n.reason)})`);
  return [
    `### Change record: pull request #${pr.number} merged`,
    '',
    `- Merged commit: ${code(input.mergeCommitSha)} into ${code(input.base)}${input.method ? ` (${methodWords(input.method).replace(/s$/, '')})` : ''}`,
    `- Pull request: [#${pr.number} ${esc(pr.title)}](<${pr.url}>) by ${esc(pr.author)}, head ${code(pr.headSha.slice(0, 12))}`,
    `- Commits: ${input.change.commits.length}`,
    '',
    `**Approvals** (${pr.approvals.counted} of ${pr.approvals.required} required)`,
    '',
    ...approvals,
    '',
    '**Checks**',
    '',
    ...checks,
    '',
    '**Findings**',
    '',
    ...findings,
    ...unverifiable,
    '',
    changeRecordMarker(pr.url),
  ].join('\n');
}
