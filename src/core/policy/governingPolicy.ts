/**
 * Which policy governs a change, and what to say about it: the base
 * branch's policy file (or the defaults when the base has none), tightened
 * by the change's own copy (combinePolicies). A change that edits the
 * policy file is told its edit applies after merge; a gate refuses to
 * decide on a policy with problems (policyInvalidError). Pure: the caller
 * reads the two files (see src/git/policyFile.ts).
 */
import { ChangeControlError } from '../errors';
import { combinePolicies } from './combinePolicy';
import type { ParsedPolicy, PolicyProblem } from './parsePolicy';
import type { ResolvedPolicy } from './resolveExtends';
import { defaultPolicy, type Policy } from './schema';

/** The words every surface uses for a change that edits the policy file. */
export const POLICY_CHANGED_NOTE = 'policy changed in this change: applies after merge';

/** One policy file as read: where, whether it exists, its text and its parse. */
export interface PolicyDocument {
  /** Where it was read, for messages: `.github/change-control.json` or `origin/main:.github/change-control.json`. */
  label: string;
  exists: boolean;
  text: string;
  parsed: ParsedPolicy;
}

/** Where the governing policy came from, as the snapshot, `status --format json` and the evidence report it. */
export interface PolicySource {
  /** The ref the base was resolved from (`origin/main`, or the pull request's base branch). */
  baseRef: string;
  /** The commit whose tree holds the base policy (the merge-base, or the pull request's base sha). */
  baseCommit: string;
  /** False when the base has no policy file: the defaults are the base. */
  baseHasPolicy: boolean;
  /** The change edits the policy file; its edit applies after merge. */
  changed: boolean;
  /** The change's edits that were not applied because they would loosen the base. */
  ignored: string[];
  /** Located problems of either document, one line each (a gate refuses them; the editor shows them). */
  problems?: string[];
  /** The policies the base extends, farthest first (`npm:@acme/policy@1.2.3`), when it extends any. */
  extends?: string[];
  /** Notes about reading them (an offline copy was used). */
  extendsNotes?: string[];
}

export interface GoverningPolicy {
  policy: Policy;
  source: PolicySource;
  /** Each document's located problems (a gate refuses when any exist). */
  problems: { label: string; problems: PolicyProblem[] }[];
}

export interface GovernInput {
  baseRef: string;
  baseCommit: string;
  base: PolicyDocument;
  /** The change's own copy (the working tree's file, or the pull request head's). */
  local: PolicyDocument;
  /** Whether the change edits the policy file; defaults to "the two texts differ". */
  changed?: boolean;
  /**
   * The base document with every policy it extends (resolveExtends.ts),
   * when it extends any: its combined policy is the base, and the change's
   * own file then overrides only the keys it sets.
   */
  baseResolved?: ResolvedPolicy;
}

/** The base policy tightened by the change's own; the base is the defaults when it has no file. */
export function governPolicy(input: GovernInput): GoverningPolicy {
  const resolved = input.base.exists && input.baseResolved && input.baseResolved.layers.length > 1 ? input.baseResolved : undefined;
  const basePolicy = resolved ? resolved.policy : input.base.exists ? input.base.parsed.policy : defaultPolicy();
  const localPolicy = !input.local.exists ? basePolicy : resolved ? overlayDeclared(basePolicy, input.local.parsed) : input.local.parsed.policy;
  const combined = combinePolicies(basePolicy, localPolicy);
  const changed = input.changed ?? (input.base.exists !== input.local.exists || input.base.text !== input.local.text);
  const problems = [input.base, input.local]
    .filter((d, i) => d.exists && d.parsed.problems.length > 0 && !(i === 1 && d.text === input.base.text && input.base.exists))
    .map((d) => ({ label: d.label, problems: d.parsed.problems }));
  // The base's own parse problems are listed above; the chain adds its `extends` problems and those of the policies it extends.
  for (const doc of input.baseResolved?.problems ?? []) {
    const fresh = doc.label === input.base.label ? doc.problems.filter((p) => !input.base.parsed.problems.includes(p)) : doc.problems;
    if (fresh.length > 0) problems.push({ label: doc.label, problems: fresh });
  }
  const lines = problemLines(problems);
  const chain = resolved ? resolved.layers.slice(0, -1).map((l) => l.ref ?? l.label) : [];
  return {
    policy: combined.policy,
    source: {
      baseRef: input.baseRef, baseCommit: input.baseCommit, baseHasPolicy: input.base.exists, changed, ignored: changed ? combined.ignored : [],
      ...(lines.length ? { problems: lines } : {}),
      ...(chain.length ? { extends: chain } : {}),
      ...(input.baseResolved?.notes.length ? { extendsNotes: input.baseResolved.notes } : {}),
    },
    problems,
  };
}

/** `base` with only the keys the change's file sets taken from it (it extends a policy, so it sets few). */
function overlayDeclared(base: Policy, local: ParsedPolicy): Policy {
  if (local.declared === undefined) return local.policy;
  const out = JSON.parse(JSON.stringify(base)) as Record<string, Record<string, unknown>>;
  for (const key of local.declared) {
    const [section, name] = key.split('.') as [string, string | undefined];
    if (name === undefined) {
      if (section === 'extends') (out as Record<string, unknown>).extends = local.policy.extends;
      continue;
    }
    const value = (local.policy as unknown as Record<string, Record<string, unknown> | undefined>)[section]?.[name];
    const target = out[section];
    if (target === undefined) continue;
    if (value === undefined) delete target[name];
    else target[name] = value;
  }
  if (!local.declared.includes('extends')) delete (out as Record<string, unknown>).extends;
  return out as unknown as Policy;
}

/** `LABEL:LINE:COL KEY: message`: one located problem, for the CLI. */
export function describePolicyProblem(label: string, problem: PolicyProblem): string {
  const key = problem.path.length > 0 ? ` ${problem.path.join('.')}` : '';
  return `${label}:${problem.line}:${problem.column}${key}: ${problem.message}`;
}

/**
 * The error a gate raises instead of deciding on defaults: "policy invalid"
 * and every located problem, once. Undefined when there is none.
 */
export function policyInvalidError(governing: Pick<GoverningPolicy, 'problems'>): ChangeControlError | undefined {
  const lines = problemLines(governing.problems);
  if (lines.length === 0) return undefined;
  return new ChangeControlError('policy.invalid', `policy invalid: the gate does not decide on a policy it cannot read.\n${lines.map((l) => `  ${l}`).join('\n')}`, {
    hint: 'Fix the problems in the policy file; a fix on a pull request governs the gate once it is merged.',
    detail: { problems: governing.problems },
  });
}

/** Each distinct problem once, however often the parser met it. */
function problemLines(problems: GoverningPolicy['problems']): string[] {
  return [...new Set(problems.flatMap((d) => d.problems.map((p) => describePolicyProblem(d.label, p))))];
}

/** The lines `status` and `verify` print about the governing policy; none when the change leaves it alone. */
export function policySourceLines(source: PolicySource): string[] {
  if (!source.changed) return [];
  return [
    `${POLICY_CHANGED_NOTE} (the policy of ${source.baseRef} at ${source.baseCommit.slice(0, 12)} governs this change)`,
    ...source.ignored.map((i) => `  ${i}`),
  ];
}
