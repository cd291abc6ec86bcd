/**
 * Reads the repository policy file: from the working tree (what lint, the
 * hook and the editor use), and from a commit's tree (what governs a
 * change: its base branch's policy). Git only with argument arrays, and
 * only plumbing that reads objects (`ls-tree`, `cat-file`), so nothing the
 * repository configures runs. A base that cannot be read is an error,
 * never a silent fallback: the gates fail closed on it.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ChangeControlError } from '../core/errors';
import { describePolicyProblem, governPolicy, type GoverningPolicy, type PolicyDocument } from '../core/policy/governingPolicy';
import { parsePolicy, type ParsedPolicy, type PolicyProblem } from '../core/policy/parsePolicy';
import { resolvePolicyChain, type ResolvedPolicy } from '../core/policy/resolveExtends';
import { POLICY_FILE, defaultPolicy, type Policy } from '../core/policy/schema';
import { resolveBaseRef } from './changes';
import { extendsReader, type ExtendsReaderOptions } from './extendedPolicy';
import { readExtendsCopy } from './extendsCopies';
import { commitExists, gitCall, openGit } from './git';

export interface LoadedPolicy extends ParsedPolicy {
  /** Absolute path of the policy file (whether or not it exists). */
  file: string;
  exists: boolean;
  /** The file text, for locating problems; '' when absent. */
  text: string;
  /** The file's own parse, before the policies it extends are applied (what a gate compares with the base). */
  own?: ParsedPolicy;
  /** When the file extends another policy: the chain, each value's origin, and problems in other files. */
  resolved?: ResolvedPolicy;
}

/** How loadPolicyFile follows `extends`. */
export interface LoadPolicyOptions {
  /** False in an untrusted workspace: neither node_modules nor GitHub copies are read. */
  trusted?: boolean;
  /** Reads a GitHub policy; default: the last copy a command fetched (no request). */
  github?: ExtendsReaderOptions['github'];
}

/** Largest policy blob read from a commit; a bigger one is a problem, not a read. */
export const MAX_POLICY_BLOB_BYTES = 1024 * 1024;

/**
 * The working tree's policy file, with the policies it extends (repository
 * paths from the work tree, npm packages from node_modules, GitHub files
 * from the last fetched copy). `problems` are this file's, including one
 * at `extends` when what it names cannot be read; `resolved.problems`
 * holds those of the other files too.
 */
export async function loadPolicyFile(repoRoot: string, options: LoadPolicyOptions = {}): Promise<LoadedPolicy> {
  const file = path.join(repoRoot, POLICY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file, exists: false, text: '', policy: defaultPolicy(), problems: [] };
    throw err;
  }
  const own = parsePolicy(text);
  if (own.policy.extends === undefined) return { file, exists: true, text, ...own, own };
  const github = options.github ?? ((ref) => readExtendsCopy(repoRoot, ref));
  const resolved = await resolvePolicyChain({ label: file, text, parsed: own }, extendsReader({ root: repoRoot, trusted: options.trusted ?? true, github }));
  const problems = resolved.problems.filter((d) => d.label === file).flatMap((d) => d.problems);
  return { file, exists: true, text, policy: resolved.policy, problems, ...(own.declared ? { declared: own.declared } : {}), own, resolved };
}

/** Each problem of the files a policy extends, as `{ label, problems }` (the policy file's own are in `problems`). */
export function extendedProblems(loaded: LoadedPolicy): { label: string; problems: PolicyProblem[] }[] {
  return (loaded.resolved?.problems ?? []).filter((d) => d.label !== loaded.file);
}

/** The working tree's policy file as a document of the governing rule (its own parse: the base supplies what it extends). */
export function workTreeDocument(loaded: LoadedPolicy): PolicyDocument {
  return { label: loaded.file, exists: loaded.exists, text: loaded.text, parsed: loaded.own ?? { policy: loaded.policy, problems: loaded.problems } };
}

/**
 * The policy file in the tree of `commit` (`git ls-tree`, then `git cat-file
 * blob`). Absent is a document that does not exist; a symbolic link or an
 * over-large blob is a document with a problem; a git failure throws.
 */
export async function readPolicyAtCommit(root: string, commit: string, label: string): Promise<PolicyDocument> {
  const git = openGit(root);
  const entry = await gitCall(`Read the policy of ${label}`, () => git.raw(['ls-tree', '-z', '-l', '--end-of-options', commit, '--', POLICY_FILE]));
  const where = `${label}:${POLICY_FILE}`;
  const match = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t/.exec(entry);
  if (!match) return { label: where, exists: false, text: '', parsed: { policy: defaultPolicy(), problems: [] } };
  const [, mode, type, oid, size] = match as unknown as [string, string, string, string, string];
  if (type !== 'blob' || mode === '120000') return problemDocument(where, `The policy file in ${label} is not a regular file (git mode ${mode}).`);
  if (Number(size) > MAX_POLICY_BLOB_BYTES) return problemDocument(where, `The policy file in ${label} is ${size} bytes; the limit is ${MAX_POLICY_BLOB_BYTES} bytes.`);
  const text = await gitCall(`Read the policy of ${label}`, () => git.raw(['cat-file', 'blob', oid]));
  return { label: where, exists: true, text, parsed: parsePolicy(text) };
}

function problemDocument(label: string, message: string): PolicyDocument {
  const problem: PolicyProblem = { path: [], message, offset: 0, length: 1, line: 1, column: 1 };
  return { label, exists: true, text: '', parsed: { policy: defaultPolicy(), problems: [problem] } };
}

export interface GoverningPolicyOptions {
  /** The remote holding the base branch (`origin`). */
  remote: string;
  /** The working tree's policy, when the caller has read it already. */
  local?: LoadedPolicy;
  /** A known base (a pull request's base branch and sha); else the merge-base with the resolved base branch. */
  base?: { ref: string; commit: string };
  /** Whether the change edits the policy file, when known (a pull request's file list); else the texts are compared. */
  changed?: boolean;
  /** Reads a GitHub policy the base extends (the shell's: token, cache); without it such a base is refused. */
  github?: ExtendsReaderOptions['github'];
  /** False in an untrusted workspace: what a policy extends is read from neither node_modules nor GitHub copies. */
  trusted?: boolean;
}

/**
 * The policy that governs the change checked out at `root`: the base
 * branch's (read at the merge-base of HEAD and `remote/branch.base`, or at
 * the given base commit), tightened by the working tree's. Throws
 * `git.baseNotFound` when there is no base to read, and the git error when
 * it cannot be read.
 */
export async function loadGoverningPolicy(root: string, options: GoverningPolicyOptions): Promise<GoverningPolicy & { base: PolicyDocument; baseResolved?: ResolvedPolicy }> {
  const local = options.local ?? (await loadPolicyFile(root, options.trusted === false ? { trusted: false } : {}));
  const base = options.base ?? (await mergeBaseOfBranch(root, local.policy.branch.base, options.remote));
  const git = openGit(root);
  if (!(await commitExists(git, base.commit))) {
    throw new ChangeControlError('git.baseNotFound', `The base commit ${base.commit.slice(0, 12)} of ${base.ref} is not in the local clone, so its policy cannot be read.`, {
      hint: 'Fetch the base branch (in GitHub Actions: actions/checkout with fetch-depth: 0).',
    });
  }
  const baseDoc = await readPolicyAtCommit(root, base.commit, base.ref);
  const baseResolved = await resolveAtCommit(root, base.commit, baseDoc, options);
  const governing = governPolicy({
    baseRef: base.ref, baseCommit: base.commit, base: baseDoc, local: workTreeDocument(local),
    ...(options.changed === undefined ? {} : { changed: options.changed }),
    ...(baseResolved ? { baseResolved } : {}),
  });
  const declared = baseDoc.exists && baseDoc.parsed.problems.length === 0 && !baseResolved?.problems.length ? governing.policy.branch.base : undefined;
  if (!options.base && declared !== undefined && declared !== local.policy.branch.base) {
    throw new ChangeControlError('policy.invalid', `This change names "${local.policy.branch.base}" as its base branch, but the policy of ${base.ref} names "${declared}": the governing policy is ambiguous.`, {
      hint: `Change branch.base on ${base.ref} first, or measure the change against "${declared}".`,
    });
  }
  return { ...governing, base: baseDoc, ...(baseResolved ? { baseResolved } : {}) };
}

/**
 * What `doc` (the policy file of `commit`) extends, read as of that
 * commit: its tree, the packages its lock file pins, GitHub files through
 * `options.github`. Undefined when it extends nothing.
 */
async function resolveAtCommit(root: string, commit: string, doc: PolicyDocument, options: Pick<GoverningPolicyOptions, 'github' | 'trusted'>): Promise<ResolvedPolicy | undefined> {
  if (!doc.exists || doc.parsed.policy.extends === undefined) return undefined;
  return resolvePolicyChain(doc, extendsReader({ root, commit, gate: true, ...(options.trusted === false ? { trusted: false } : {}), ...(options.github ? { github: options.github } : {}) }));
}

/** The policy of one commit with what it extends: what judges the evidence of the changes made on it. */
export interface CommitPolicy {
  document: PolicyDocument;
  /** The combined policy (the defaults when the commit has no policy file). */
  policy: Policy;
  /** The chain, when the file extends a policy. */
  resolved?: ResolvedPolicy;
  /** Located problems of the file and of the policies it extends, one line each. */
  problems: string[];
}

/** The policy file of `commit`, with every policy it extends read as of that commit (see resolveAtCommit). */
export async function loadPolicyAtCommit(root: string, commit: string, label: string, options: Pick<GoverningPolicyOptions, 'github' | 'trusted'> = {}): Promise<CommitPolicy> {
  const document = await readPolicyAtCommit(root, commit, label);
  const resolved = await resolveAtCommit(root, commit, document, options);
  const policy = resolved ? resolved.policy : document.exists ? document.parsed.policy : defaultPolicy();
  const located = [{ label: document.label, problems: document.parsed.problems }, ...(resolved?.problems ?? [])];
  const problems = [...new Set(located.flatMap((d) => d.problems.map((p) => describePolicyProblem(d.label, p))))];
  return { document, policy, problems, ...(resolved ? { resolved } : {}) };
}

/** The merge-base of HEAD and the resolved base branch (its tip on an unborn HEAD). */
async function mergeBaseOfBranch(root: string, baseBranch: string, remote: string): Promise<{ ref: string; commit: string }> {
  const git = openGit(root);
  const ref = await resolveBaseRef(git, baseBranch, remote);
  if (ref === undefined) {
    throw new ChangeControlError('git.baseNotFound', `Neither "${remote}/${baseBranch}", "${baseBranch}", master nor the remote's HEAD exists, so the base branch's policy cannot be read.`, {
      hint: 'Fetch the base branch, or set branch.base in the policy.',
    });
  }
  const onCommit = await commitExists(git, 'HEAD');
  const args = onCommit ? ['merge-base', 'HEAD', ref] : ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`];
  const commit = (await gitCall(`Find where this change left ${ref}`, () => git.raw(args))).trim();
  if (!/^[0-9a-f]{40,64}$/.test(commit)) {
    throw new ChangeControlError('git.baseNotFound', `HEAD and ${ref} have no common commit, so the base branch's policy cannot be read.`, { hint: 'Start the change from the base branch.' });
  }
  return { ref, commit };
}
