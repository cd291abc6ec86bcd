/**
 * `policy --explain`: each key of the effective policy with the place its
 * value came from: the default, a policy extended (a file, an npm package,
 * a GitHub file at a ref), the repository's policy file, the base branch's
 * copy of it, or the change's own file where it tightens the base. Pure.
 */
import type { PolicyDocument } from './governingPolicy';
import { policyKeys, policyValue, type ResolvedPolicy } from './resolveExtends';
import type { Policy } from './schema';

export interface ExplainedValue {
  key: string;
  value: unknown;
  /** "default", "extended policy npm:@acme/policy@1.2.3 (node_modules/…)", "repository file …", "this change's policy file …". */
  source: string;
}

/** How a layer label is shown: extended ones by their reference. */
function describeLayer(resolved: ResolvedPolicy | undefined, label: string): string {
  if (label === 'default') return 'default';
  const parts = label.split(' + ');
  return parts
    .map((part) => {
      const layer = resolved?.layers.find((l) => l.label === part);
      return layer?.ref ? `extended policy ${layer.ref}${layer.ref === part ? '' : ` (${part})`}` : `repository file ${part}`;
    })
    .join(' + ');
}

export interface ExplainInput {
  /** The policy that applies. */
  policy: Policy;
  /** The document whose chain is the baseline (the base branch's file, else the work tree's). */
  document: PolicyDocument;
  /** Its chain, when it extends a policy. */
  resolved?: ResolvedPolicy;
  /** The baseline's combined policy (the document's own when it extends none). */
  baseline: Policy;
  /** Where a value that differs from the baseline came from ("this change's policy file FILE"). */
  changeLabel: string;
}

/** Each key, in schema order, with its value and source. */
export function explainPolicy(input: ExplainInput): ExplainedValue[] {
  const declared = new Set(input.document.exists ? (input.document.parsed.declared ?? []) : []);
  return policyKeys().map((key) => {
    const value = policyValue(input.policy, key);
    let source: string;
    if (JSON.stringify(value) !== JSON.stringify(policyValue(input.baseline, key))) source = input.changeLabel;
    else if (input.resolved) source = describeLayer(input.resolved, input.resolved.origins[key] ?? 'default');
    else source = declared.has(key) ? `repository file ${input.document.label}` : 'default';
    return { key, value, source };
  });
}
