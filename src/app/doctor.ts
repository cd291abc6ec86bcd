/**
 * The doctor use case: reads what GitHub itself enforces on the policy's
 * base branch (rulesets and, where the token may, classic branch
 * protection) and compares it with the governing policy in core. Used by
 * `change-control doctor`, and by `status` and the Change view through
 * `readEnforcementSection`, which never throws: the comparison only warns
 * and must never change the gate's verdict.
 *
 * A 403 or 404 cannot be answered 304 Not Modified, so an EnforcementMemo
 * (one per repository, kept by the caller) remembers those answers for a
 * while: a refresh with nothing changed then sends only conditional GETs.
 */
import type { Octokit } from '@octokit/rest';
import type { Unavailable } from '../core/changeSnapshot';
import { systemClock, type Clock } from '../core/clock';
import { describeError } from '../core/errors';
import { branchSettingsUrl, compareEnforcement, enforcementPolicyOf, type EnforcementRead, type EnforcementReport, type GitHubEnforcement } from '../core/githubEnforcement';
import type { Policy } from '../core/policy/schema';
import type { RepoRef } from '../core/ports';
import { translateGitHubError } from '../github/errors';
import { readBranchProtection, readRulesetRules } from '../github/branchRules';

/** How long a 403/404 answer is trusted before it is asked again. */
export const ENFORCEMENT_MEMO_MS = 10 * 60_000;

/** Remembers the reads GitHub cannot answer conditionally (not read, not protected), for `ttlMs`. */
export class EnforcementMemo {
  private readonly entries = new Map<string, { read: EnforcementRead; at: number }>();

  constructor(private readonly clock: Clock = systemClock, private readonly ttlMs = ENFORCEMENT_MEMO_MS) {}

  /** The read of `key`, from the memo when a 403/404 of it is recent, else from `read` (remembered when it was one). */
  async through(key: string, read: () => Promise<EnforcementRead>, answered200: (value: EnforcementRead) => boolean = (v) => v.state === 'read'): Promise<EnforcementRead> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.read;
    const value = await read();
    // A read answered 200 is cheap to repeat (ETag: 304) and must follow GitHub at once; only the others are remembered.
    if (answered200(value)) this.entries.delete(key);
    else this.entries.set(key, { read: value, at: now });
    return value;
  }
}

export interface ReadEnforcementInput {
  octokit: Octokit;
  repo: RepoRef;
  branch: string;
  signal?: AbortSignal;
  memo?: EnforcementMemo;
}

/** Both sources of GitHub's rules on `branch`, read in parallel. Throws on 401, rate limits, network failures. */
export async function readGitHubEnforcement(input: ReadEnforcementInput): Promise<GitHubEnforcement> {
  const { octokit, repo, branch, signal, memo } = input;
  const key = (what: string): string => `${what} ${repo.owner}/${repo.repo} ${branch}`;
  const via = (what: string, read: () => Promise<EnforcementRead>, answered200?: (v: EnforcementRead) => boolean): Promise<EnforcementRead> => (memo ? memo.through(key(what), read, answered200) : read());
  const [rulesets, protection] = await Promise.all([
    // No rulesets is a 200 with an empty list: only an unreadable answer is remembered.
    via('rulesets', () => readRulesetRules(octokit, repo, branch, signal), (v) => v.state !== 'unreadable'),
    via('protection', () => readBranchProtection(octokit, repo, branch, signal)),
  ]);
  return { branch, rulesets, protection };
}

export interface DoctorInput extends Omit<ReadEnforcementInput, 'branch'> {
  /** The governing policy: its base branch is the one compared. */
  policy: Policy;
  /** The repository's web page (https://github.com/owner/name), for the settings link. */
  webUrl?: string;
}

/** Where GitHub enforces less than the policy on its base branch. Throws when GitHub cannot be asked at all. */
export async function diagnoseEnforcement(input: DoctorInput): Promise<EnforcementReport> {
  const enforcement = await readGitHubEnforcement({ ...input, branch: input.policy.branch.base });
  const report = compareEnforcement(enforcementPolicyOf(input.policy), enforcement);
  return input.webUrl ? { ...report, settingsUrl: branchSettingsUrl(input.webUrl, report.settingsPage) } : report;
}

/** The same for a snapshot: a failure becomes an error section, never a throw. */
export async function readEnforcementSection(input: DoctorInput): Promise<EnforcementReport | Unavailable> {
  try {
    return await diagnoseEnforcement(input);
  } catch (err) {
    return { status: 'error', reason: describeError(translateGitHubError(err)) };
  }
}
