/**
 * `change-control policy [--explain] [--format json] [--remote NAME]`:
 * the policy that governs the current change (the base branch's, with
 * what it extends, tightened by this checkout's file), and with
 * `--explain` where each value came from. It fetches the GitHub policies
 * a policy extends (with GITHUB_TOKEN) and keeps their copies, which the
 * hook, lint and the editor then read. Exit 0, or 2 when a policy has
 * problems or the base cannot be read (the value shown is then this
 * checkout's, as lint would use it).
 */
import { describeError } from '../../core/errors';
import { explainPolicy } from '../../core/policy/explainPolicy';
import { describePolicyProblem, policySourceLines } from '../../core/policy/governingPolicy';
import { extendedProblems, loadGoverningPolicy, loadPolicyFile, workTreeDocument } from '../../git/policyFile';
import { requireWorkTree, tokenFromEnv } from '../context';
import { cliGitHubPolicyReader } from '../extendsGitHub';
import { parseCommandArgs, type CommandSpec } from '../args';
import { EXIT, cliCommand, type CliIo } from '../io';
import { REMOTE_OPTION, TEXT_OR_JSON_OPTION } from '../sharedOptions';

const spec = {
  name: 'policy',
  summary: 'Show the policy that governs this change (--explain: where each value came from)',
  options: {
    explain: { type: 'boolean', description: 'Say where each value came from: a default, an extended policy, the repository file or this change' },
    format: TEXT_OR_JSON_OPTION,
    remote: REMOTE_OPTION,
  },
} as const satisfies CommandSpec;

interface PolicyArgs {
  explain: boolean;
  json: boolean;
  remote: string;
}

export function parsePolicyArgs(args: readonly string[]): PolicyArgs {
  const { values } = parseCommandArgs(spec, args);
  return { explain: values.explain === true, json: values.format === 'json', remote: values.remote };
}

export const policyCommand = cliCommand(spec, (args, io) => runPolicy(parsePolicyArgs(args), io));

async function runPolicy(args: PolicyArgs, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'policy');
  const github = cliGitHubPolicyReader(io, { root, remote: args.remote, token: tokenFromEnv(io.env) });
  const local = await loadPolicyFile(root, { github });
  const localProblems = [
    ...local.problems.map((p) => describePolicyProblem(local.file, p)),
    ...extendedProblems(local).flatMap((d) => d.problems.map((p) => describePolicyProblem(d.label, p))),
  ];
  let governing: Awaited<ReturnType<typeof loadGoverningPolicy>> | undefined;
  let baseError: string | undefined;
  try {
    governing = await loadGoverningPolicy(root, { remote: args.remote, local, github });
  } catch (err) {
    baseError = `the base branch's policy could not be read (${describeError(err)}); this checkout's policy is shown`;
  }
  const policy = governing?.policy ?? local.policy;
  const values = explainPolicy(governing
    ? { policy, document: governing.base, ...(governing.baseResolved ? { resolved: governing.baseResolved } : {}), baseline: governing.baseResolved?.policy ?? (governing.base.exists ? governing.base.parsed.policy : policy), changeLabel: `this change's policy file ${local.file} (tightens the base)` }
    : { policy, document: workTreeDocument(local), ...(local.resolved ? { resolved: local.resolved } : {}), baseline: policy, changeLabel: 'this checkout' });
  const resolved = governing ? governing.baseResolved : local.resolved;
  const chain = resolved ? resolved.layers.slice(0, -1).map((l) => l.ref ?? l.label) : [];
  const problems = governing ? (governing.source.problems ?? []) : localProblems;
  const notes = [...(baseError ? [baseError] : []), ...(resolved?.notes ?? []), ...(governing ? policySourceLines(governing.source) : [])];
  const ignored = resolved?.ignored ?? [];
  if (args.json) {
    const doc = {
      governedBy: governing ? { baseRef: governing.source.baseRef, baseCommit: governing.source.baseCommit } : null,
      extends: chain,
      policy,
      ...(args.explain ? { sources: Object.fromEntries(values.map((v) => [v.key, v.source])) } : {}),
      ignored,
      problems,
      notes,
    };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout(governing ? `Policy of ${governing.source.baseRef} at ${governing.source.baseCommit.slice(0, 12)}, with this change's tightenings\n` : 'Policy of this checkout\n');
    if (chain.length > 0) io.stdout(`Extends: ${chain.join(' → ')}\n`);
    const width = Math.max(...values.map((v) => v.key.length));
    for (const v of values) io.stdout(`  ${v.key.padEnd(width)}  ${v.value === undefined ? '—' : JSON.stringify(v.value)}${args.explain ? `  ← ${v.source}` : ''}\n`);
    for (const line of ignored) io.stdout(`ignored: ${line}\n`);
    for (const line of notes) io.stdout(`note: ${line}\n`);
  }
  for (const line of problems) io.stderr(`change-control policy: ${line}\n`);
  return problems.length > 0 || baseError ? EXIT.usage : EXIT.ok;
}
