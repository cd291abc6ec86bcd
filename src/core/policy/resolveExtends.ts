/**
 * A policy file that `extends` another: follow the chain (at most
 * MAX_EXTENDS_DEPTH policies, no cycles), parse each document with the
 * robust parser, and combine them from the farthest up. The farthest
 * policy sets the base over the defaults; every policy nearer the
 * repository may only tighten what it extends (combinePolicies, the same
 * rule as the base branch and the settings), and only on the keys it
 * sets. Whatever cannot be read or followed becomes a located problem at
 * the `extends` key of the document naming it, and the chain stops there:
 * a gate refuses (policy invalid), the other commands go on with what was
 * read. Each value's origin is recorded for `policy --explain`. Pure: the
 * caller supplies the reader.
 */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { combinePolicies } from './combinePolicy';
import { MAX_EXTENDS_DEPTH, describeExtendsRef, extendsFrom, extendsKey, parseExtendsRef, type ExtendsRef } from './extendsRef';
import { lineColumn, parsePolicy, type ParsedPolicy, type PolicyProblem } from './parsePolicy';
import { defaultPolicy, type Policy } from './schema';

/** One policy document read while following `extends`. */
export interface ExtendsDocument {
  /** Where it was read, for messages (`node_modules/@acme/policy/change-control.json`). */
  label: string;
  text: string;
  /** Said once about this read (an offline copy was used). */
  note?: string;
}

export type ExtendsReadResult = ({ ok: true } & ExtendsDocument) | { ok: false; reason: string };

/** Reads the document a reference names; never throws (a failure is a reason). */
export type ExtendsReader = (ref: ExtendsRef) => Promise<ExtendsReadResult>;

/** One layer of the effective policy, farthest first. */
export interface PolicyLayer {
  label: string;
  /** The reference that named it; undefined for the repository's own file. */
  ref?: string;
  parsed: ParsedPolicy;
}

export interface ResolvedPolicy {
  policy: Policy;
  /** Farthest first; the repository's own file last. */
  layers: PolicyLayer[];
  /** Each key (`review.requiredApprovals`) and the layer its value came from (a label, or "default"). */
  origins: Record<string, string>;
  /** What a nearer policy set that would loosen the one it extends, and was ignored. */
  ignored: string[];
  /** Located problems, each in its own document. */
  problems: { label: string; problems: PolicyProblem[] }[];
  /** Notes about the reads (an offline copy). */
  notes: string[];
}

const SECTIONS = ['commit', 'branch', 'tests', 'tracker', 'review'] as const;
type Section = (typeof SECTIONS)[number];

/** Every key of the policy as `section.key`, in schema order. */
export function policyKeys(): string[] {
  const d = defaultPolicy() as unknown as Record<Section, Record<string, unknown>>;
  return SECTIONS.flatMap((s) => [...Object.keys(d[s]), ...(s === 'tracker' && !('repo' in d[s]) ? ['repo'] : [])].map((k) => `${s}.${k}`));
}

/** The value of `section.key` in a policy. */
export function policyValue(policy: Policy, key: string): unknown {
  const [section, name] = key.split('.') as [Section, string];
  return (policy[section] as Record<string, unknown>)[name];
}

/** `base` with the keys `layer` declares taken from `layer`. */
function overlay(base: Policy, layer: ParsedPolicy): Policy {
  if (layer.declared === undefined) return layer.policy;
  const declared = new Set(layer.declared);
  const out = { ...base } as unknown as Record<string, Record<string, unknown>>;
  for (const section of SECTIONS) {
    const merged: Record<string, unknown> = { ...(base[section] as Record<string, unknown>) };
    for (const key of policyKeys().filter((k) => k.startsWith(`${section}.`))) {
      if (!declared.has(key)) continue;
      const name = key.slice(section.length + 1);
      const value = (layer.policy[section] as Record<string, unknown>)[name];
      if (value === undefined) delete merged[name];
      else merged[name] = value;
    }
    out[section] = merged;
  }
  return out as unknown as Policy;
}

function withoutExtends(p: Policy): Policy {
  const { extends: _dropped, ...rest } = p;
  return rest as Policy;
}

/** The repository's policy (`own`) with every policy it extends, combined. */
export async function resolvePolicyChain(own: ExtendsDocument & { parsed?: ParsedPolicy }, read: ExtendsReader, maxDepth = MAX_EXTENDS_DEPTH): Promise<ResolvedPolicy> {
  const ownParsed = own.parsed ?? parsePolicy(own.text);
  const chain: (PolicyLayer & { text: string; from?: ExtendsRef })[] = [{ label: own.label, parsed: ownParsed, text: own.text }];
  const problems: ResolvedPolicy['problems'] = ownParsed.problems.length > 0 ? [{ label: own.label, problems: ownParsed.problems }] : [];
  const notes: string[] = [];
  const seen = new Map<string, string>([[`repository:${own.label}`, own.label]]);
  for (let cur = chain[0]!; cur.parsed.policy.extends !== undefined; cur = chain[chain.length - 1]!) {
    const named = parseExtendsRef(cur.parsed.policy.extends);
    if ('problem' in named) break; // the schema reported it already
    const ref = extendsFrom(cur.from, named);
    const shown = describeExtendsRef(ref);
    const fail = (message: string): void => {
      problems.push({ label: cur.label, problems: [problemAtExtends(cur.text, message)] });
    };
    if (seen.has(extendsKey(ref))) {
      fail(`extends ${shown} forms a cycle (${[...chain.map((c) => c.ref ?? c.label), shown].join(' → ')}); the chain stops here.`);
      break;
    }
    if (chain.length > maxDepth) {
      fail(`extends ${shown} goes deeper than ${maxDepth} policies; the chain stops here.`);
      break;
    }
    seen.set(extendsKey(ref), shown);
    const result = await read(ref);
    if (!result.ok) {
      fail(`extends ${shown} cannot be read: ${result.reason}`);
      break;
    }
    if (result.note) notes.push(result.note);
    const parsed = parsePolicy(result.text);
    if (parsed.problems.length > 0) problems.push({ label: result.label, problems: parsed.problems });
    chain.push({ label: result.label, ref: shown, parsed, text: result.text, from: ref });
  }
  return { ...combineLayers(chain.reverse()), problems, notes };
}

/** The layers, farthest first, combined: the first sets the base, each next one may only tighten. */
function combineLayers(layers: PolicyLayer[]): Pick<ResolvedPolicy, 'policy' | 'layers' | 'origins' | 'ignored'> {
  const keys = policyKeys();
  const first = layers[0]!;
  let policy = withoutExtends(overlay(defaultPolicy(), first.parsed));
  const origins: Record<string, string> = {};
  const declares = (layer: PolicyLayer, key: string): boolean => layer.parsed.declared === undefined || layer.parsed.declared.includes(key);
  for (const key of keys) origins[key] = first.parsed.declared?.includes(key) ? first.label : 'default';
  const ignored: string[] = [];
  for (let i = 1; i < layers.length; i++) {
    const layer = layers[i]!;
    const combined = combinePolicies(policy, withoutExtends(overlay(policy, layer.parsed)), { extended: layers[i - 1]!.ref ?? layers[i - 1]!.label });
    for (const key of keys) {
      if (!declares(layer, key)) continue;
      const before = JSON.stringify(policyValue(policy, key));
      const after = JSON.stringify(policyValue(combined.policy, key));
      if (after === before) continue;
      origins[key] = after === JSON.stringify(policyValue(layer.parsed.policy, key)) ? layer.label : `${origins[key]} + ${layer.label}`;
    }
    ignored.push(...combined.ignored.map((m) => `${layer.label}: ${m}`));
    policy = combined.policy;
  }
  const own = layers[layers.length - 1]!.parsed.policy;
  return { policy: own.extends === undefined ? policy : { ...policy, extends: own.extends }, layers, origins, ignored };
}

/** A problem at the `extends` value of `text` (its start when it has none). */
function problemAtExtends(text: string, message: string): PolicyProblem {
  let offset = 0;
  let length = 1;
  try {
    const root = parseTree(text, [], { allowTrailingComma: false, disallowComments: false });
    const node = root ? findNodeAtLocation(root, ['extends']) : undefined;
    if (node) {
      offset = node.offset;
      length = node.length;
    }
  } catch {
    // The parser overflowed (too deep): parsePolicy reported that; locate at the start.
  }
  return { path: ['extends'], message, offset, length, ...lineColumn(text, offset) };
}
