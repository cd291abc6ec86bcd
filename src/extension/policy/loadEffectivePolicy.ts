/**
 * The policy a command applies in a repository. For the current change
 * (the Change view, Open Pull Request) that is the base branch's policy,
 * tightened by the working tree's and then by the settings' overrides;
 * neither may loosen it. Other commands use the working tree's file with
 * the overrides.
 */
import { workspacePolicyOptions } from './workspacePolicyOptions';
import { isUnavailable, type Unavailable } from '../../core/changeSnapshot';
import { describeError } from '../../core/errors';
import { applyOverrides, type PolicyOverrides } from '../../core/policy/effectivePolicy';
import { POLICY_CHANGED_NOTE, type PolicySource } from '../../core/policy/governingPolicy';
import type { Policy } from '../../core/policy/schema';
import { loadGoverningPolicy, loadPolicyFile, type LoadedPolicy } from '../../git/policyFile';
import { readSettings } from '../settings';

/**
 * The working tree's policy file as the repository wrote it, read under
 * the workspace's trust (an untrusted one follows no `extends` it cannot
 * vouch for). The lint context does this same read itself, because it
 * re-applies the overrides whenever the settings change.
 */
export function loadWorkspacePolicyFile(root: string): Promise<LoadedPolicy> {
  return loadPolicyFile(root, workspacePolicyOptions());
}

/** The working tree's policy with the settings' overrides applied (they may only tighten it). */
export async function loadEffectivePolicy(root: string, overrides: PolicyOverrides = readSettings().overrides): Promise<Policy> {
  return applyOverrides((await loadWorkspacePolicyFile(root)).policy, overrides).policy;
}

export interface ChangePolicy {
  policy: Policy;
  /** Where it came from, or why the base branch's policy could not be read. */
  source: PolicySource | Unavailable;
}

/**
 * The policy that governs the current change. The editor keeps working
 * when the base cannot be read: it then applies the working tree's policy
 * and says so (the gates, `status` and `verify`, refuse instead).
 */
export async function loadChangePolicy(root: string, overrides: PolicyOverrides, remote: string): Promise<ChangePolicy> {
  const local = await loadWorkspacePolicyFile(root);
  try {
    const governing = await loadGoverningPolicy(root, { remote, local, ...workspacePolicyOptions() });
    return { policy: applyOverrides(governing.policy, overrides).policy, source: governing.source };
  } catch (err) {
    const reason = `the base branch's policy could not be read (${describeError(err)}); this checkout's policy applies here, and the gate will refuse`;
    return { policy: applyOverrides(local.policy, overrides).policy, source: { status: 'error', reason } };
  }
}

/** The lines a pre-flight shows about the governing policy (none when the change leaves it alone). */
export function changePolicyNotes(source: ChangePolicy['source']): string[] {
  if (isUnavailable(source)) return [source.reason];
  return [...(source.changed ? [`Policy: ${POLICY_CHANGED_NOTE}`, ...source.ignored] : []), ...(source.problems ?? [])];
}
