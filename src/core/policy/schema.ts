/**
 * The repository policy (`.github/change-control.json`): the single source
 * of truth for every rule. The JSON Schema contributed to VS Code is
 * generated from this file (see jsonSchema.ts) and a test proves they match.
 */
import { z } from 'zod';
import { globProblem } from '../patterns/repositoryGlob';
import { repositoryPatternProblem } from '../patterns/repositoryPattern';
import { extendsRefProblem } from './extendsRef';
import { DEFAULT_TICKET_PATTERN, POLICY_FILE } from './constants';

export { DEFAULT_TICKET_PATTERN, POLICY_FILE };


/** A repository regular expression: refused unless it runs in linear time (see repositoryPattern.ts). */
const regexString = z
  .string()
  .min(1)
  .superRefine((s, ctx) => {
    if (s.length === 0) return; // min(1) reports it; zod runs refinements after a failed check too
    const problem = repositoryPatternProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A repository glob: refused unless it runs in linear time (see repositoryGlob.ts). */
const globString = z
  .string()
  .min(1)
  .superRefine((s, ctx) => {
    if (s.length === 0) return; // min(1) reports it; zod runs refinements after a failed check too
    const problem = globProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: `"${s.length > 60 ? `${s.slice(0, 59)}…` : s}" ${problem}` });
  });

export const CommitPolicySchema = z
  .object({
    subjectMaxLength: z
      .number()
      .int()
      .min(20)
      .max(200)
      .default(72)
      .describe('Maximum width of the subject line, in terminal columns.'),
    bodyMaxLineLength: z
      .number()
      .int()
      .min(20)
      .max(200)
      .default(72)
      .describe('Maximum width of each body line, in terminal columns (URLs, code blocks and trailers are exempt).'),
    presentTense: z
      .boolean()
      .default(true)
      .describe('Require the subject to start in the imperative present tense ("Add", not "Added").'),
    ticketPattern: regexString
      .default(DEFAULT_TICKET_PATTERN)
      .describe('Regular expression (JavaScript syntax) that matches a change ticket ID.'),
    requireTicket: z
      .boolean()
      .default(false)
      .describe('Require every commit message to reference a change ticket.'),
  })
  .strict()
  .describe('Commit message rules.');

export const BranchPolicySchema = z
  .object({
    base: z
      .string()
      .min(1)
      .default('main')
      .describe('The main branch of the current release; feature branches start from its remote copy.'),
    template: z
      .string()
      .min(1)
      .default('{kind}/{ticket}-{slug}')
      .describe('Branch name template. Placeholders: {kind} (feature or defect), {ticket}, {slug}.'),
  })
  .strict()
  .describe('Feature branch rules.');

export const TestConventionSchema = z
  .object({
    id: z.string().min(1).describe('A name for the convention, shown in results.'),
    sources: z
      .array(globString)
      .min(1)
      .describe('Globs of the source files this convention applies to (e.g. "**/*.ts").'),
    tests: z
      .array(z.string().min(1))
      .min(1)
      .describe(
        'Test path templates, preferred first. Placeholders: {dir} (source folder), {name} (file name without extension), {Name} (name with upper-case first letter), {ext} (extension; any extension of the same language matches), {root} (folder above the source root: the part before src/, lib/ or app/), {path} (folder below the source root, without main/java), {parent} (name of the source folder), {project} (first folder below the source root). "**/" matches any folders, "*" any characters in a name.',
      ),
    fallback: z
      .boolean()
      .default(false)
      .describe('Try this convention only when no other convention found a test (for loose ones such as test families).'),
  })
  .strict();

export const TestPolicySchema = z
  .object({
    conventions: z
      .array(TestConventionSchema)
      .default([])
      .describe('Extra test-file conventions, tried before the built-in ones.'),
    builtInConventions: z
      .boolean()
      .default(true)
      .describe('Use the built-in conventions (TypeScript/JavaScript, Python, Go, Java/Kotlin, Ruby, C#, Rust).'),
    testGlobs: z
      .array(globString)
      .default([])
      .describe('Extra globs of files that are tests.'),
    otherGlobs: z
      .array(globString)
      .default([])
      .describe('Extra globs of files that are neither source nor test (docs, config, generated files, assets).'),
    exempt: z
      .array(globString)
      .default([])
      .describe('Globs of source files that need no tests.'),
    requireTests: z
      .boolean()
      .default(true)
      .describe('Treat source files without matching tests as blocking.'),
  })
  .strict()
  .describe('How changed source files are paired with their tests.');

export const TrackerPolicySchema = z
  .object({
    provider: z.enum(['github']).default('github').describe('Where change tickets live.'),
    repo: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { message: 'must be "owner/name"' })
      .optional()
      .describe('Tracker repository ("owner/name") when tickets are not issues of the code repository.'),
    approvalLabel: z
      .string()
      .min(1)
      .default('Approved')
      .describe('The label that marks a ticket as approved.'),
    requireApproval: z
      .boolean()
      .default(true)
      .describe('Block a change whose ticket is not approved.'),
    releaseLabel: z
      .string()
      .min(1)
      .default('release')
      .describe('The label of release tickets (change-control release plan files one per version).'),
    approvers: z
      .array(z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9_.-]+)?$/, { message: 'must be a GitHub login or "org/team"' }))
      .default([])
      .describe(
        'GitHub logins and "org/team" slugs who may approve a ticket: the approval label counts only when one of them applied it last. Empty: anyone who can label issues. Team membership needs a token that can read the organization (read:org).',
      ),
    closeOnMerge: z
      .boolean()
      .default(false)
      .describe('Close the ticket after Merge has put the change record on it.'),
  })
  .strict()
  .describe('Change ticket tracker.');

export const ReviewPolicySchema = z
  .object({
    requiredApprovals: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(1)
      .describe('Approving reviews a pull request needs before it may be merged.'),
    defaultReviewers: z
      .array(z.string().min(1))
      .default([])
      .describe('GitHub logins (or "org/team") asked to review every pull request.'),
    allowSelfApproval: z
      .boolean()
      .default(false)
      .describe("Count the author's own approval (GitHub never allows it; kept for audits of other tools)."),
    signOff: z
      .enum(['approval', 'approval-or-lgtm'])
      .default('approval')
      .describe(
        'What counts as a reviewer\'s sign-off: "approval" (a GitHub approving review) or "approval-or-lgtm" (also a review or comment that says only "LGTM" or "looks good to me"). OpenSSF Scorecard does not count LGTM comments.',
      ),
    requireApprovalOfLatestCommit: z
      .boolean()
      .default(false)
      .describe('Count only approvals given on the pull request\'s latest commit: a push after an approval needs a new one.'),
    requireResolvedConversations: z
      .boolean()
      .default(true)
      .describe('Every review conversation (review thread) on the pull request must be resolved before it may be merged: the author addresses each remark or explains why it does not apply.'),
  })
  .strict()
  .describe('Pull request review rules.');

export const PolicySchema = z
  .object({
    $schema: z.string().optional().describe('JSON Schema reference, for editors.'),
    extends: z
      .string()
      .min(1)
      .superRefine((s, ctx) => {
        if (s.length === 0) return; // min(1) reports it
        const problem = extendsRefProblem(s);
        if (problem) ctx.addIssue({ code: 'custom', message: `extends ${problem}` });
      })
      .optional()
      .describe(
        'Another policy this one builds on, which it may only tighten: a file in the repository ("policies/base.json"), an npm package in node_modules pinned to an exact version ("npm:@acme/policy@1.2.3", its change-control.json), or a file in a GitHub repository pinned to a ref ("acme/policies/base.json@v3").',
      ),
    commit: CommitPolicySchema.default(() => CommitPolicySchema.parse({})),
    branch: BranchPolicySchema.default(() => BranchPolicySchema.parse({})),
    tests: TestPolicySchema.default(() => TestPolicySchema.parse({})),
    tracker: TrackerPolicySchema.default(() => TrackerPolicySchema.parse({})),
    review: ReviewPolicySchema.default(() => ReviewPolicySchema.parse({})),
  })
  .strict()
  .describe('Change Control repository policy.');

export type Policy = z.output<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;
export type TestConvention = z.output<typeof TestConventionSchema>;

/** The policy that applies when a repository has no policy file. */
export function defaultPolicy(): Policy {
  return PolicySchema.parse({});
}
