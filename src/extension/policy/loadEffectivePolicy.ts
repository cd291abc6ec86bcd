/**
 * The policy a command applies in a repository: its policy file with the
 * settings' overrides, which may only tighten it.
 */
import { applyOverrides, type PolicyOverrides } from '../../core/policy/effectivePolicy';
import type { Policy } from '../../core/policy/schema';
import { loadPolicyFile } from '../../git/policyFile';
import { readSettings } from '../settings';

export async function loadEffectivePolicy(root: string, overrides: PolicyOverrides = readSettings().overrides): Promise<Policy> {
  return applyOverrides((await loadPolicyFile(root)).policy, overrides).policy;
}
