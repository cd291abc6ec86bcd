/**
 * What `extends` in a policy file may name, parsed once: a policy file in
 * the repository (`policies/base.json`), an npm package in node_modules
 * pinned to an exact version (`npm:@acme/policy@1.2.3`), or a file in
 * another GitHub repository pinned to a ref (`acme/policies/base.json@v3`).
 * The string is untrusted: a repository path may not leave the repository,
 * a package name follows npm's rules, and the npm and GitHub forms must be
 * pinned so that what governs a change is fixed by the base commit. Pure.
 */

export type ExtendsRef =
  | { kind: 'repository'; path: string }
  | { kind: 'npm'; name: string; version: string; /** A file inside the package (from a relative `extends` of its own policy); default change-control.json. */ file?: string }
  | { kind: 'github'; owner: string; repo: string; path: string; ref: string };

/** Longest `extends` value accepted. */
export const MAX_EXTENDS_LENGTH = 300;
/** Most policies one chain of `extends` may follow (the repository's file not counted). */
export const MAX_EXTENDS_DEPTH = 5;
/** The file an npm policy package holds at its root. */
export const NPM_POLICY_FILE = 'change-control.json';

const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const GITHUB = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/([^@]+)@([^@]+)$/;
const GIT_REF = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/** The reference `text` names, or why it names none (a sentence for a located problem). */
export function parseExtendsRef(text: string): ExtendsRef | { problem: string } {
  if (text.length > MAX_EXTENDS_LENGTH) return { problem: `is longer than ${MAX_EXTENDS_LENGTH} characters.` };
  if (text.startsWith('npm:')) return npmRef(text.slice(4));
  const gh = GITHUB.exec(text);
  if (gh && !text.startsWith('.')) {
    const [, owner, repo, path, ref] = gh as unknown as [string, string, string, string, string];
    const bad = pathProblem(path);
    if (bad) return { problem: bad };
    if (!GIT_REF.test(ref) || ref.includes('..') || ref.endsWith('/') || ref.endsWith('.lock')) return { problem: `names the ref "${ref}", which is not a branch, tag or commit name.` };
    return { kind: 'github', owner, repo, path, ref };
  }
  if (text.includes('@')) return { problem: 'must be a repository path (policies/base.json), npm:PACKAGE@VERSION, or OWNER/REPO/PATH@REF.' };
  const path = text.startsWith('./') ? text.slice(2) : text;
  const bad = pathProblem(path);
  return bad ? { problem: bad } : { kind: 'repository', path };
}

function npmRef(spec: string): ExtendsRef | { problem: string } {
  const at = spec.lastIndexOf('@');
  const name = at > 0 ? spec.slice(0, at) : spec;
  const version = at > 0 ? spec.slice(at + 1) : '';
  if (!NPM_NAME.test(name) || name.length > 214) return { problem: `names "${name}", which is not an npm package name.` };
  if (!EXACT_VERSION.test(version)) {
    return { problem: `must pin an exact version (npm:${name}@1.2.3): node_modules follows the lock file, which a change can edit.` };
  }
  return { kind: 'npm', name, version };
}

/** A relative path inside the repository, with no `..`, no empty or `.` segment, no backslash or control character. */
function pathProblem(path: string): string | undefined {
  if (path.length === 0 || path.startsWith('/') || /[\\\u0000-\u001f]/.test(path) || /^[A-Za-z]:/.test(path)) {
    return `names "${path}", which is not a relative path inside the repository.`;
  }
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) return `names "${path}", which must not contain "..", "." or empty segments.`;
  if (!path.endsWith('.json')) return `names "${path}", which is not a .json file.`;
  return undefined;
}

/** The problem with an `extends` value, or undefined (for the schema). */
export function extendsRefProblem(text: string): string | undefined {
  const parsed = parseExtendsRef(text);
  return 'problem' in parsed ? parsed.problem : undefined;
}

/** How a reference is shown: `policies/base.json`, `npm:@acme/policy@1.2.3`, `acme/policies/base.json@v3`. */
export function describeExtendsRef(ref: ExtendsRef): string {
  if (ref.kind === 'repository') return ref.path;
  if (ref.kind === 'npm') return `npm:${ref.name}@${ref.version}${ref.file ? ` (${ref.file})` : ''}`;
  return `${ref.owner}/${ref.repo}/${ref.path}@${ref.ref}`;
}

/** One key per policy, for cycle detection (GitHub owners and names are case-insensitive). */
export function extendsKey(ref: ExtendsRef): string {
  if (ref.kind === 'github') return `github:${ref.owner.toLowerCase()}/${ref.repo.toLowerCase()}/${ref.path}@${ref.ref}`;
  return `${ref.kind}:${describeExtendsRef(ref)}`;
}

/**
 * `ref` as named from inside a policy that came from `from`: a relative
 * path in a package's policy names a file of that package, in a GitHub
 * repository's policy a file of that repository at the same ref.
 */
export function extendsFrom(from: ExtendsRef | undefined, ref: ExtendsRef): ExtendsRef {
  if (ref.kind !== 'repository' || from === undefined || from.kind === 'repository') return ref;
  if (from.kind === 'npm') return { kind: 'npm', name: from.name, version: from.version, file: ref.path };
  return { kind: 'github', owner: from.owner, repo: from.repo, ref: from.ref, path: ref.path };
}
