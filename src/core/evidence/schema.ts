/**
 * The audit evidence document: a stable, versioned JSON shape for machines
 * (exported as JSON Schema) from which the Markdown report is rendered.
 * Bump EVIDENCE_VERSION on any incompatible change.
 */
import { z } from 'zod';

export const EVIDENCE_VERSION = 1;

const isoDate = z.string().describe('ISO 8601 date-time');

export const LintProblemSchema = z.object({
  rule: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
});

export const CommitEvidenceSchema = z.object({
  sha: z.string(),
  author: z.string(),
  date: isoDate,
  message: z.string(),
  lint: z.array(LintProblemSchema),
});

export const TicketEvidenceSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  state: z.enum(['open', 'closed']),
  approved: z.boolean(),
  /** Who last applied the approval label, and when (from the events). */
  approvedBy: z.string().nullable(),
  approvedAt: isoDate.nullable(),
  labelEvents: z.array(z.object({ action: z.enum(['labeled', 'unlabeled']), actor: z.string(), at: isoDate })),
  /** The GitHub App that applied the approval label, when an app did; absent when not read. */
  approvedVia: z.string().nullable().optional(),
  /**
   * Whether `approvedBy` is one of the policy's `tracker.approvers`; null when
   * it could not be read (with `approverUnknown`); absent when the policy names none.
   */
  approvedByApprover: z.boolean().nullable().optional(),
  approverUnknown: z.string().optional(),
});

export const ReviewEvidenceSchema = z.object({
  reviewer: z.string(),
  state: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']),
  submittedAt: isoDate.nullable(),
  commitId: z.string().nullable(),
  /** The review's text, or the comment's for an LGTM comment; absent when not read. */
  body: z.string().nullable().optional(),
  /** A pull request comment (an LGTM sign-off) rather than a review; absent means a review. */
  kind: z.enum(['review', 'comment']).optional(),
});

export const CheckEvidenceSchema = z.object({
  name: z.string(),
  state: z.enum(['passed', 'failed', 'pending']),
  url: z.string().nullable(),
});

/**
 * A review conversation (GitHub's review thread), as it stood when the
 * evidence was collected. GitHub does not publish when a thread was
 * resolved: `lastCommentAt` (its last comment) is the latest time known
 * before the resolution.
 */
export const ReviewThreadEvidenceSchema = z.object({
  path: z.string(),
  line: z.number().int().nullable(),
  isResolved: z.boolean(),
  isOutdated: z.boolean(),
  /** Who opened it: the first comment's author. */
  author: z.string(),
  /** The first comment's text. */
  body: z.string(),
  url: z.string(),
  createdAt: isoDate.nullable(),
  comments: z.number().int(),
  resolvedBy: z.string().nullable(),
  lastCommentAt: isoDate.nullable(),
});

export const PullRequestEvidenceSchema = z.object({
  number: z.number().int(),
  url: z.string(),
  title: z.string(),
  author: z.string(),
  body: z.string(),
  state: z.enum(['draft', 'open', 'merged', 'closed']),
  createdAt: isoDate,
  headRef: z.string(),
  baseRef: z.string(),
  headSha: z.string(),
  /** When the last commit reached the PR (its committer date; GitHub has no push time for forks). */
  lastCommitAt: isoDate.nullable(),
  requestedReviewers: z.array(z.string()),
  reviews: z.array(ReviewEvidenceSchema),
  approvals: z.object({ counted: z.number().int(), required: z.number().int(), approvers: z.array(z.string()) }),
  checks: z.array(CheckEvidenceSchema),
  /** Every review conversation, oldest first; absent in evidence collected before they were read. */
  reviewThreads: z.array(ReviewThreadEvidenceSchema).optional(),
  /** Why the review conversations could not be read (then `reviewThreads` is absent). */
  reviewThreadsUnknown: z.string().optional(),
});

export const MergeEvidenceSchema = z.object({
  mergedBy: z.string().nullable(),
  mergedAt: isoDate,
  mergeCommitSha: z.string().nullable(),
});

export const TestsEvidenceSchema = z.object({
  sources: z.array(
    z.object({
      path: z.string(),
      verdict: z.enum(['covered', 'stale', 'missing', 'exempt']),
      tests: z.array(z.string()),
    }),
  ),
  changedTests: z.array(z.string()),
});

export const FindingIdSchema = z.enum([
  'merged-without-required-approvals',
  'merged-with-changes-requested',
  'stale-approval',
  'self-approval',
  'ticket-approved-after-merge',
  'ticket-never-approved',
  'no-ticket',
  'no-ticket-link',
  'commit-message-violations',
  'source-without-tests',
  'direct-push-to-base',
  'pull-request-not-described',
  'ticket-approved-by-non-approver',
  'merged-with-open-conversations',
]);

export const FindingSchema = z.object({
  id: FindingIdSchema,
  /** One sentence in the policy's words. */
  title: z.string(),
  /** Facts that prove it, each a short line. */
  evidence: z.array(z.string()),
});

export const ChangeEvidenceSchema = z.object({
  kind: z.enum(['pull-request', 'direct-commit']),
  /** A short label: "PR #12" or the commit's short sha. */
  label: z.string(),
  ticket: TicketEvidenceSchema.nullable(),
  /** The ticket ID the change names, even when the ticket could not be read. */
  ticketId: z.string().nullable(),
  branch: z.object({ head: z.string(), base: z.string() }).nullable(),
  commits: z.array(CommitEvidenceSchema),
  tests: TestsEvidenceSchema.nullable(),
  pullRequest: PullRequestEvidenceSchema.nullable(),
  merge: MergeEvidenceSchema.nullable(),
  ticketBackLink: z.object({ present: z.boolean(), url: z.string().nullable(), at: isoDate.nullable() }),
  /** The change edits the policy file: the base's policy judged it, and its edit applies after merge. */
  policyChanged: z.boolean().optional(),
  findings: z.array(FindingSchema),
  /** Rules the evidence could not verify (a fact that could not be read), with why; absent when none. */
  notVerifiable: z.array(z.object({ rule: z.string(), reason: z.string() })).optional(),
  /** Facts that are no deviation but worth an auditor's knowing (LGTM sign-offs outside tools do not count); absent when none. */
  notes: z.array(z.object({ rule: z.string(), note: z.string() })).optional(),
});

/** The release ticket of a version and its approval, as the release gate judged them. */
export const ReleaseEvidenceSchema = z.object({
  version: z.string(),
  ticket: z.object({ number: z.number().int(), url: z.string(), lastEditedAt: isoDate }).nullable(),
  /** Who applied the approval label last, and whether they are an approver; null when nobody did or it could not be read. */
  approval: z.object({ by: z.string(), at: isoDate, via: z.string().nullable(), byApprover: z.boolean(), afterLastEdit: z.boolean() }).nullable(),
  verified: z.boolean(),
  /** What the gate found missing, one sentence each. */
  missing: z.array(z.string()),
});

export const EvidenceSummaryRowSchema = z.object({
  label: z.string(),
  ticket: z.string().nullable(),
  approved: z.boolean(),
  reviewed: z.boolean(),
  tested: z.boolean(),
  deviations: z.number().int(),
});

export const EvidenceDocumentSchema = z.object({
  schema: z.literal('change-control/evidence'),
  version: z.literal(EVIDENCE_VERSION),
  generatedAt: isoDate,
  generator: z.object({ name: z.literal('change-control'), version: z.string() }),
  repository: z.object({ owner: z.string(), repo: z.string(), url: z.string() }),
  scope: z.union([
    z.object({ kind: z.literal('pull-request'), number: z.number().int() }),
    z.object({ kind: z.literal('branch'), branch: z.string() }),
    z.object({ kind: z.literal('range'), from: z.string(), to: z.string() }),
  ]),
  /** The policy the changes were judged by: the base's, read at `source` (a commit) when known. */
  policy: z.object({
    requiredApprovals: z.number().int(),
    approvalLabel: z.string(),
    baseBranch: z.string(),
    source: z.string().optional(),
    /** `tracker.approvers`, `review.signOff` and `review.requireApprovalOfLatestCommit`, when the policy had them. */
    approvers: z.array(z.string()).optional(),
    signOff: z.enum(['approval', 'approval-or-lgtm']).optional(),
    requireApprovalOfLatestCommit: z.boolean().optional(),
    /** `review.requireResolvedConversations`, when the policy had it. */
    requireResolvedConversations: z.boolean().optional(),
  }),
  changes: z.array(ChangeEvidenceSchema),
  /** A release's evidence (`release verify --json`): its release ticket and the approval the gate judged; absent otherwise. */
  release: ReleaseEvidenceSchema.optional(),
  summary: z.object({
    changes: z.number().int(),
    withTicket: z.number().int(),
    approved: z.number().int(),
    reviewed: z.number().int(),
    tested: z.number().int(),
    deviations: z.number().int(),
    rows: z.array(EvidenceSummaryRowSchema),
  }),
});

export type EvidenceDocument = z.infer<typeof EvidenceDocumentSchema>;
export type ChangeEvidence = z.infer<typeof ChangeEvidenceSchema>;
export type ReleaseEvidence = z.infer<typeof ReleaseEvidenceSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type FindingId = z.infer<typeof FindingIdSchema>;
export type ReviewEvidence = z.infer<typeof ReviewEvidenceSchema>;
export type PullRequestEvidence = z.infer<typeof PullRequestEvidenceSchema>;

/** JSON Schema of the evidence document, for auditors' tooling. */
export function evidenceJsonSchema(): Record<string, unknown> {
  return { ...(z.toJSONSchema(EvidenceDocumentSchema, { target: 'draft-7' }) as Record<string, unknown>), title: 'Change Control evidence', $id: `https://change-control.invalid/schemas/evidence-v${EVIDENCE_VERSION}.schema.json` };
}
