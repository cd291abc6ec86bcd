/**
 * GitHub's own rules beside the policy. Change Control's gate only blocks
 * a merge where GitHub is told to wait for it; everything else the policy
 * asks (approvals, fresh approvals, resolved conversations, no direct
 * pushes) GitHub enforces only when its rulesets or branch protection say
 * so. This file compares the two, pure: given the governing policy and
 * what GitHub enforces on the base branch, it lists where GitHub enforces
 * LESS, each with the exact GitHub setting to change.
 *
 * These are advisories about the repository's configuration, not rules
 * about a change: they never block, have no pre-flight or audit moment,
 * and an unreadable setting is a note, not a fail-closed blocker. So they
 * are declared once here, in ENFORCEMENT_CHECKS, and not in the rule table
 * (src/core/rules), whose contract is that unknown facts block the gate.
 * `status`, the Change view and `change-control doctor` all derive from
 * `compareEnforcement`.
 */
import { GATE_STATUS_CONTEXT } from './gateStatusContext';
import type { Policy } from './policy/schema';
import { plural } from './rules/text';

/** What one source of GitHub's rules (the branch's rulesets, or classic branch protection) enforces. */
export interface EnforcedRules {
  /** A pull request is required: no direct push to the branch. */
  requiresPullRequest: boolean;
  /** Approving reviews required before merging (0: none). */
  requiredApprovals: number;
  /** Approvals are dismissed when new commits are pushed. */
  dismissesStaleReviews: boolean;
  /** Review conversations must be resolved before merging. */
  requiresConversationResolution: boolean;
  /** Required status-check contexts (check run names or commit status contexts). */
  requiredChecks: string[];
  /** Administrators may bypass these rules (classic protection without "Do not allow bypassing"). */
  adminsBypass: boolean;
}

/** One source as it was read: its rules, nothing set, or why it could not be read. */
export type EnforcementRead =
  | { state: 'read'; rules: EnforcedRules }
  | { state: 'none' }
  | { state: 'unreadable'; reason: string };

/** What GitHub enforces on one branch, from both places its rules live. */
export interface GitHubEnforcement {
  branch: string;
  /** Active rules from rulesets (`GET /rules/branches/{branch}`, metadata read); `none` when no rule applies. */
  rulesets: EnforcementRead;
  /** Classic branch protection (`GET /branches/{branch}/protection`, administration read); `none` when not protected. */
  protection: EnforcementRead;
}

/** The policy settings the comparison reads. */
export interface EnforcementPolicy {
  baseBranch: string;
  requiredApprovals: number;
  requireApprovalOfLatestCommit: boolean;
  requireResolvedConversations: boolean;
}

/**
 * The comparison's settings of a policy. `review.requireApprovalOfLatestCommit`
 * (default false) and `review.requireResolvedConversations` (default true)
 * are read defensively: a policy schema without them gives their defaults.
 */
export function enforcementPolicyOf(policy: Policy): EnforcementPolicy {
  const review = policy.review as Policy['review'] & { requireApprovalOfLatestCommit?: unknown; requireResolvedConversations?: unknown };
  return {
    baseBranch: policy.branch.base,
    requiredApprovals: policy.review.requiredApprovals,
    requireApprovalOfLatestCommit: review.requireApprovalOfLatestCommit === true,
    requireResolvedConversations: review.requireResolvedConversations !== false,
  };
}

export type EnforcementCheckId = 'required-approvals' | 'dismiss-stale-reviews' | 'conversation-resolution' | 'gate-check-required' | 'direct-push';

/** Where GitHub enforces less than the policy, and the setting that closes the gap. */
export interface EnforcementWarning {
  id: EnforcementCheckId;
  /** What GitHub allows that the policy does not. */
  message: string;
  /** The exact GitHub setting to change ("Settings → Branches → … → Required approvals: 2"). */
  setting: string;
}

export interface EnforcementReport {
  branch: string;
  /** False when neither source could be read: nothing was compared. */
  compared: boolean;
  warnings: EnforcementWarning[];
  /** What limits the comparison ("branch protection not readable with this token"). */
  notes: string[];
  /** Which settings page the warnings name: rulesets (`rules`) or classic branch protection (`branches`). */
  settingsPage: 'rules' | 'branches';
  /** That page on GitHub, when the repository's web address is known (set by the caller). */
  settingsUrl?: string;
}

/** What GitHub enforces with every readable source applied (GitHub applies them all; the strictest wins). */
interface Effective extends EnforcedRules {
  /** Where settings should be changed: rulesets when the branch has any, else branch protection. */
  where: 'rules' | 'branches';
}

/** One advisory check: declared once, read by every view. */
export interface EnforcementCheck {
  id: EnforcementCheckId;
  /** The policy key it mirrors, for the README. */
  policyKey: string;
  check(policy: EnforcementPolicy, enforced: Effective): EnforcementWarning | undefined;
}

/** The path to a setting in GitHub's settings pages, for rulesets or classic protection. */
function settingPath(where: Effective['where'], branch: string, ...steps: string[]): string {
  const head = where === 'rules'
    ? `Settings → Rules → Rulesets → the ruleset for ${branch}`
    : `Settings → Branches → the branch protection rule for ${branch}`;
  return [head, ...steps].join(' → ');
}

/** True when a required check is the gate's own ("Change Control", or a job named change-control). */
export function isGateCheck(context: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');
  return norm(context) === norm(GATE_STATUS_CONTEXT);
}

const PULL_REQUEST = 'Require a pull request before merging';

/** THE advisory checks, in the order they are listed. */
export const ENFORCEMENT_CHECKS: readonly EnforcementCheck[] = [
  {
    id: 'direct-push',
    policyKey: 'branch.base',
    check: (p, e) => {
      if (!e.requiresPullRequest) {
        return { id: 'direct-push', message: `GitHub allows direct pushes to ${p.baseBranch}; the policy requires a reviewed pull request`, setting: settingPath(e.where, p.baseBranch, PULL_REQUEST) };
      }
      if (e.adminsBypass) {
        return { id: 'direct-push', message: `administrators can push to ${p.baseBranch} directly: branch protection lets them bypass it`, setting: settingPath('branches', p.baseBranch, 'Do not allow bypassing the above settings') };
      }
      return undefined;
    },
  },
  {
    id: 'required-approvals',
    policyKey: 'review.requiredApprovals',
    check: (p, e) => {
      if (e.requiredApprovals >= p.requiredApprovals) return undefined;
      const github = e.requiredApprovals === 0 ? 'no approval' : plural(e.requiredApprovals, 'approval', 'approvals');
      return {
        id: 'required-approvals',
        message: `GitHub requires ${github} on ${p.baseBranch}; the policy requires ${p.requiredApprovals}`,
        setting: settingPath(e.where, p.baseBranch, PULL_REQUEST, `Required approvals: ${p.requiredApprovals}`),
      };
    },
  },
  {
    id: 'dismiss-stale-reviews',
    policyKey: 'review.requireApprovalOfLatestCommit',
    check: (p, e) => (p.requireApprovalOfLatestCommit && !e.dismissesStaleReviews
      ? {
          id: 'dismiss-stale-reviews',
          message: `GitHub keeps approvals on ${p.baseBranch} after a new push; the policy counts only approvals of the latest commit`,
          setting: settingPath(e.where, p.baseBranch, PULL_REQUEST, 'Dismiss stale pull request approvals when new commits are pushed'),
        }
      : undefined),
  },
  {
    id: 'conversation-resolution',
    policyKey: 'review.requireResolvedConversations',
    check: (p, e) => (p.requireResolvedConversations && !e.requiresConversationResolution
      ? {
          id: 'conversation-resolution',
          message: `GitHub merges into ${p.baseBranch} with open review conversations; the policy requires them resolved`,
          setting: e.where === 'rules'
            ? settingPath(e.where, p.baseBranch, PULL_REQUEST, 'Require conversation resolution before merging')
            : settingPath(e.where, p.baseBranch, 'Require conversation resolution before merging'),
        }
      : undefined),
  },
  {
    id: 'gate-check-required',
    policyKey: '(the merge gate)',
    check: (p, e) => (e.requiredChecks.some(isGateCheck)
      ? undefined
      : {
          id: 'gate-check-required',
          message: `GitHub does not require the “${GATE_STATUS_CONTEXT}” check on ${p.baseBranch}: a change the gate blocks can still be merged`,
          setting: settingPath(e.where, p.baseBranch, e.where === 'rules' ? 'Require status checks to pass' : 'Require status checks to pass before merging', `add “${GATE_STATUS_CONTEXT}”`),
        }),
  },
];

const NO_RULES: EnforcedRules = { requiresPullRequest: false, requiredApprovals: 0, dismissesStaleReviews: false, requiresConversationResolution: false, requiredChecks: [], adminsBypass: false };

/** Both sources applied together: a setting is on when any readable source turns it on. */
function effectiveRules(e: GitHubEnforcement): Effective {
  const sources = [e.rulesets, e.protection].flatMap((s) => (s.state === 'read' ? [s.rules] : []));
  const any = (pick: (r: EnforcedRules) => boolean): boolean => sources.some(pick);
  const rulesetPr = e.rulesets.state === 'read' && e.rulesets.rules.requiresPullRequest;
  const protection = e.protection.state === 'read' ? e.protection.rules : undefined;
  return {
    requiresPullRequest: any((r) => r.requiresPullRequest),
    requiredApprovals: Math.max(NO_RULES.requiredApprovals, ...sources.map((r) => r.requiredApprovals)),
    dismissesStaleReviews: any((r) => r.dismissesStaleReviews),
    requiresConversationResolution: any((r) => r.requiresConversationResolution),
    requiredChecks: [...new Set(sources.flatMap((r) => r.requiredChecks))],
    // Only when classic protection alone keeps pushes out, and lets administrators through.
    adminsBypass: !rulesetPr && protection !== undefined && protection.requiresPullRequest && protection.adminsBypass,
    where: e.rulesets.state === 'read' || e.protection.state !== 'read' ? 'rules' : 'branches',
  };
}

/**
 * Where GitHub enforces less than the policy on its base branch. Pure; an
 * unreadable source becomes a note and the other is compared alone.
 */
export function compareEnforcement(policy: EnforcementPolicy, enforcement: GitHubEnforcement): EnforcementReport {
  const notes: string[] = [];
  const { rulesets, protection } = enforcement;
  if (rulesets.state === 'unreadable') notes.push(`rulesets not readable: ${rulesets.reason}`);
  if (protection.state === 'unreadable') notes.push('branch protection not readable with this token (it needs administration read access); only the rulesets were compared');
  const compared = rulesets.state !== 'unreadable' || protection.state !== 'unreadable';
  const effective = effectiveRules(enforcement);
  const warnings = compared
    ? ENFORCEMENT_CHECKS.flatMap((c) => c.check(policy, effective) ?? [])
    : [];
  return { branch: enforcement.branch, compared, warnings, notes, settingsPage: effective.where };
}

/** The web page of a repository's branch rules on GitHub (`webUrl`: https://github.com/owner/name). */
export function branchSettingsUrl(webUrl: string, page: EnforcementReport['settingsPage']): string {
  return `${webUrl.replace(/\/+$/, '')}/settings/${page}`;
}
