/**
 * The policy that governs a change: its base branch's, which the change's
 * own policy file may only tighten. A pull request that lowers the
 * required approvals, adds an exemption or points the tracker elsewhere
 * is still judged by the base; its edit applies once it is merged (and so
 * is itself reviewed under the old rules). Pure.
 *
 * Per key: limits take the stricter number, requirements stay on,
 * permissions stay off, reviewers are the union, exemptions only shrink,
 * and everything whose strictness cannot be proven (patterns, templates,
 * labels, the tracker, test conventions and globs that reclassify files,
 * the base branch itself) keeps the base's value.
 */
import type { Policy } from './schema';
import { Tightener, type TightenReference } from './tighten';

export interface CombinedPolicy {
  policy: Policy;
  /** The change's edits that would loosen the base (or cannot be proven not to), each a sentence. */
  ignored: string[];
}

/**
 * `base` tightened by `local`; never looser than `base` on any key.
 * `reference` names the base in the refusals ("the base policy", or
 * `{ extended: 'policies/org.json' }` for a policy `local` extends).
 */
export function combinePolicies(base: Policy, local: Policy, reference: TightenReference = 'the base policy'): CombinedPolicy {
  const t = new Tightener(reference);
  const b = base;
  const l = local;
  const policy: Policy = {
    ...(b.$schema !== undefined ? { $schema: b.$schema } : {}),
    ...keepExtends(t, b.extends, l.extends),
    commit: {
      subjectMaxLength: t.max('commit.subjectMaxLength', b.commit.subjectMaxLength, l.commit.subjectMaxLength),
      bodyMaxLineLength: t.max('commit.bodyMaxLineLength', b.commit.bodyMaxLineLength, l.commit.bodyMaxLineLength),
      presentTense: t.require('commit.presentTense', b.commit.presentTense, l.commit.presentTense),
      ticketPattern: t.keep('commit.ticketPattern', b.commit.ticketPattern, l.commit.ticketPattern),
      requireTicket: t.require('commit.requireTicket', b.commit.requireTicket, l.commit.requireTicket),
    },
    branch: {
      base: t.keep('branch.base', b.branch.base, l.branch.base),
      template: t.keep('branch.template', b.branch.template, l.branch.template),
    },
    tests: {
      conventions: t.keep('tests.conventions', b.tests.conventions, l.tests.conventions),
      builtInConventions: t.keep('tests.builtInConventions', b.tests.builtInConventions, l.tests.builtInConventions),
      testGlobs: t.keep('tests.testGlobs', b.tests.testGlobs, l.tests.testGlobs),
      otherGlobs: t.keep('tests.otherGlobs', b.tests.otherGlobs, l.tests.otherGlobs),
      exempt: t.subset('tests.exempt', b.tests.exempt, l.tests.exempt),
      requireTests: t.require('tests.requireTests', b.tests.requireTests, l.tests.requireTests),
    },
    tracker: {
      provider: t.keep('tracker.provider', b.tracker.provider, l.tracker.provider),
      ...keepOptional(t, 'tracker.repo', b.tracker.repo, l.tracker.repo),
      approvalLabel: t.keep('tracker.approvalLabel', b.tracker.approvalLabel, l.tracker.approvalLabel),
      requireApproval: t.require('tracker.requireApproval', b.tracker.requireApproval, l.tracker.requireApproval),
      // The release label finds the release ticket the gate judges: a change may not point it elsewhere.
      releaseLabel: t.keep('tracker.releaseLabel', b.tracker.releaseLabel, l.tracker.releaseLabel),
      // Approvers are who may approve: any added one loosens, and a removed one cannot be proven to tighten.
      approvers: t.keep('tracker.approvers', b.tracker.approvers, l.tracker.approvers),
      // Closing the ticket is the base's decision: a change may not switch it either way.
      closeOnMerge: t.keep('tracker.closeOnMerge', b.tracker.closeOnMerge, l.tracker.closeOnMerge),
    },
    review: {
      requiredApprovals: t.min('review.requiredApprovals', b.review.requiredApprovals, l.review.requiredApprovals),
      defaultReviewers: t.union(b.review.defaultReviewers, l.review.defaultReviewers),
      allowSelfApproval: t.forbid('review.allowSelfApproval', b.review.allowSelfApproval, l.review.allowSelfApproval),
      signOff: t.rank('review.signOff', ['approval', 'approval-or-lgtm'] as const, b.review.signOff, l.review.signOff),
      requireApprovalOfLatestCommit: t.require('review.requireApprovalOfLatestCommit', b.review.requireApprovalOfLatestCommit, l.review.requireApprovalOfLatestCommit),
      requireResolvedConversations: t.require('review.requireResolvedConversations', b.review.requireResolvedConversations, l.review.requireResolvedConversations),
    },
  };
  return { policy, ignored: t.ignored };
}

/** What the base extends stays: a change that points `extends` elsewhere (or drops it) applies after merge. */
function keepExtends(t: Tightener, base: string | undefined, local: string | undefined): { extends?: string } {
  if (base !== local) t.keep('extends', base ?? '(none)', local ?? '(none)');
  return base === undefined ? {} : { extends: base };
}

/** An optional key: the base's value (or its absence) stays. */
function keepOptional(t: Tightener, name: string, base: string | undefined, local: string | undefined): { repo?: string } {
  if (base !== local) t.keep(name, base ?? '(none)', local ?? '(none)');
  return base === undefined ? {} : { repo: base };
}
