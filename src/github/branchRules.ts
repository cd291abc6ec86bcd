/**
 * What GitHub itself enforces on a branch, from both places its rules
 * live: the active rules of its rulesets (`GET /rules/branches/{branch}`,
 * which any token that can see the repository may read) and classic
 * branch protection (`GET /branches/{branch}/protection`, which needs
 * administration read access). Only requests and response mapping into
 * core's EnforcedRules; what they mean beside the policy is decided in
 * src/core/githubEnforcement.ts. Both are conditional GETs through the
 * client's ETag funnel, so an unchanged refresh costs 304s.
 */
import type { Octokit } from '@octokit/rest';
import { ChangeControlError } from '../core/errors';
import type { EnforcedRules, EnforcementRead } from '../core/githubEnforcement';
import type { RepoRef } from '../core/ports';

/** One active rule as GitHub lists it: a type and its parameters. */
interface BranchRule {
  type: string;
  parameters?: Record<string, unknown>;
}

/** The HTTP status and GitHub's own message of a failed call (translated by the client, or a bare Octokit error). */
function failure(err: unknown): { status: number | undefined; message: string } {
  if (err instanceof ChangeControlError) {
    const status = err.detail?.status;
    return { status: typeof status === 'number' ? status : undefined, message: String(err.detail?.githubMessage ?? '') };
  }
  const e = err as { status?: unknown; response?: { data?: { message?: unknown } } } | null;
  return { status: typeof e?.status === 'number' ? e.status : undefined, message: String(e?.response?.data?.message ?? '') };
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The rulesets' rules on one branch as one EnforcedRules (several rules of one type: the strictest). */
export function rulesFromRulesets(rules: readonly BranchRule[]): EnforcedRules {
  const out: EnforcedRules = { requiresPullRequest: false, requiredApprovals: 0, dismissesStaleReviews: false, requiresConversationResolution: false, requiredChecks: [], adminsBypass: false };
  for (const rule of rules) {
    const p = rule.parameters ?? {};
    if (rule.type === 'pull_request') {
      out.requiresPullRequest = true;
      out.requiredApprovals = Math.max(out.requiredApprovals, num(p.required_approving_review_count));
      out.dismissesStaleReviews ||= p.dismiss_stale_reviews_on_push === true;
      out.requiresConversationResolution ||= p.required_review_thread_resolution === true;
    } else if (rule.type === 'required_status_checks' && Array.isArray(p.required_status_checks)) {
      for (const c of p.required_status_checks as unknown[]) {
        const context = (c as { context?: unknown } | null)?.context;
        if (typeof context === 'string' && !out.requiredChecks.includes(context)) out.requiredChecks.push(context);
      }
    }
  }
  return out;
}

/** Classic branch protection, in GitHub's shape (the fields read here). */
export interface ProtectionData {
  required_pull_request_reviews?: { required_approving_review_count?: number; dismiss_stale_reviews?: boolean } | null;
  required_status_checks?: { contexts?: string[]; checks?: { context: string }[] } | null;
  required_conversation_resolution?: { enabled?: boolean } | null;
  enforce_admins?: { enabled?: boolean } | null;
}

/** Classic protection as EnforcedRules. */
export function rulesFromProtection(p: ProtectionData): EnforcedRules {
  const reviews = p.required_pull_request_reviews ?? undefined;
  const checks = p.required_status_checks ?? undefined;
  return {
    requiresPullRequest: reviews !== undefined,
    requiredApprovals: num(reviews?.required_approving_review_count),
    dismissesStaleReviews: reviews?.dismiss_stale_reviews === true,
    requiresConversationResolution: p.required_conversation_resolution?.enabled === true,
    requiredChecks: [...new Set([...(checks?.contexts ?? []), ...(checks?.checks ?? []).map((c) => c.context)])],
    adminsBypass: p.enforce_admins?.enabled !== true,
  };
}

/**
 * The branch's active ruleset rules; `none` when no rule applies. A 403 or
 * 404 (no access, or a GitHub Enterprise Server without rulesets) is
 * `unreadable`; anything else (401, rate limit, network) is thrown.
 */
export async function readRulesetRules(octokit: Octokit, repo: RepoRef, branch: string, signal?: AbortSignal): Promise<EnforcementRead> {
  try {
    const rules = await octokit.paginate(octokit.rest.repos.getBranchRules, { owner: repo.owner, repo: repo.repo, branch, per_page: 100, request: { signal } });
    return rules.length === 0 ? { state: 'none' } : { state: 'read', rules: rulesFromRulesets(rules as BranchRule[]) };
  } catch (err) {
    const { status, message } = failure(err);
    if (status === 403 || status === 404) return { state: 'unreadable', reason: `GitHub answered ${status}${message ? ` (${message})` : ''}` };
    throw err;
  }
}

/**
 * Classic branch protection; `none` on GitHub's 404 "Branch not protected".
 * Another 404, or a 403, means the token may not read it (it needs
 * administration read): `unreadable`. Anything else is thrown.
 */
export async function readBranchProtection(octokit: Octokit, repo: RepoRef, branch: string, signal?: AbortSignal): Promise<EnforcementRead> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', { owner: repo.owner, repo: repo.repo, branch, request: { signal } });
    return { state: 'read', rules: rulesFromProtection(data as ProtectionData) };
  } catch (err) {
    const { status, message } = failure(err);
    if (status === 404 && /branch not protected/i.test(message)) return { state: 'none' };
    if (status === 403 || status === 404) return { state: 'unreadable', reason: `GitHub answered ${status}${message ? ` (${message})` : ''}` };
    throw err;
  }
}
