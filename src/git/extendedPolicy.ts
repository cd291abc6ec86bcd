/**
 * Reads the policies a policy file `extends` (see resolveExtends.ts): a
 * repository path from the work tree, or from the base commit's tree for
 * a gate (so a change cannot swap the file it extends); an npm package
 * from node_modules, whose installed version must be the one pinned, and
 * for a gate also the one the base commit's package-lock.json pins, with
 * the same integrity (node_modules follows the change's own lock file,
 * which the change can edit); a GitHub file through a reader the shell
 * supplies (it owns the token and the cache). Nothing is read from
 * node_modules or GitHub when the workspace is not trusted. Every failure
 * is a reason, never a throw: the gate refuses on it, the rest go on.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { NPM_POLICY_FILE, type ExtendsRef } from '../core/policy/extendsRef';
import type { ExtendsReader, ExtendsReadResult } from '../core/policy/resolveExtends';
import { gitCall, openGit } from './git';

/** Largest extended policy read. */
const MAX_POLICY_BYTES = 1024 * 1024;
/** Largest package-lock.json read from the base commit. */
const MAX_LOCK_BYTES = 64 * 1024 * 1024;

export type GitHubExtendsRef = Extract<ExtendsRef, { kind: 'github' }>;

export interface ExtendsReaderOptions {
  root: string;
  /** Read repository paths and package-lock.json from this commit's tree (a gate: the base commit). */
  commit?: string;
  /** A gate: an npm package must match the base commit's package-lock.json, and may not be a link. */
  gate?: boolean;
  /** False in an untrusted workspace: node_modules and GitHub are not read. */
  trusted?: boolean;
  /** Reads a GitHub policy (the shell's: token, cache, offline copy); without it GitHub policies are not read. */
  github?: (ref: GitHubExtendsRef) => Promise<ExtendsReadResult>;
}

/** The reader of `extends` for one command. */
export function extendsReader(o: ExtendsReaderOptions): ExtendsReader {
  return async (ref) => {
    try {
      if (ref.kind === 'repository') return o.commit ? await readAtCommit(o.root, o.commit, ref.path) : await readInside(o.root, ref.path, ref.path);
      if (o.trusted === false) return { ok: false, reason: 'this workspace is not trusted, so node_modules and GitHub are not read (trust it to apply the policy it extends).' };
      if (ref.kind === 'npm') return await readPackage(o, ref);
      if (!o.github) return { ok: false, reason: 'GitHub policies are not read here.' };
      return await o.github(ref);
    } catch (err) {
      return { ok: false, reason: (err as Error).message };
    }
  };
}

/** A regular file inside `dir` (no link may lead out of it), at most 1 MB. */
async function readInside(dir: string, relative: string, label: string): Promise<ExtendsReadResult> {
  const file = path.join(dir, relative);
  let real: string;
  try {
    real = await realpath(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: `${label} does not exist.` };
    throw err;
  }
  const realDir = await realpath(dir);
  if (real !== realDir && !real.startsWith(`${realDir}${path.sep}`)) return { ok: false, reason: `${label} leads outside ${path.basename(dir)} through a symbolic link.` };
  const info = await lstat(real);
  if (!info.isFile()) return { ok: false, reason: `${label} is not a regular file.` };
  if (info.size > MAX_POLICY_BYTES) return { ok: false, reason: `${label} is ${info.size} bytes; the limit is ${MAX_POLICY_BYTES}.` };
  return { ok: true, label: file, text: await readFile(real, 'utf8') };
}

/** A file of `commit`'s tree: `git ls-tree`, then `git cat-file blob`. */
async function treeFile(root: string, commit: string, file: string, limit: number): Promise<{ text: string } | { missing: true } | { problem: string }> {
  const git = openGit(root);
  const entry = await gitCall(`Read ${file} of ${commit.slice(0, 12)}`, () => git.raw(['ls-tree', '-z', '-l', '--end-of-options', commit, '--', file]));
  const match = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t/.exec(entry);
  if (!match) return { missing: true };
  const [, mode, type, oid, size] = match as unknown as [string, string, string, string, string];
  if (type !== 'blob' || mode === '120000') return { problem: `${file} is not a regular file in ${commit.slice(0, 12)} (git mode ${mode}).` };
  if (Number(size) > limit) return { problem: `${file} is ${size} bytes in ${commit.slice(0, 12)}; the limit is ${limit}.` };
  return { text: await gitCall(`Read ${file} of ${commit.slice(0, 12)}`, () => git.raw(['cat-file', 'blob', oid])) };
}

async function readAtCommit(root: string, commit: string, file: string): Promise<ExtendsReadResult> {
  const got = await treeFile(root, commit, file, MAX_POLICY_BYTES);
  const label = `${commit.slice(0, 12)}:${file}`;
  if ('missing' in got) return { ok: false, reason: `${file} does not exist in the base commit ${commit.slice(0, 12)}.` };
  if ('problem' in got) return { ok: false, reason: got.problem };
  return { ok: true, label, text: got.text };
}

interface LockEntry {
  version?: unknown;
  integrity?: unknown;
  link?: unknown;
}

function lockEntry(text: string, name: string): LockEntry | undefined {
  const lock = JSON.parse(text) as { packages?: Record<string, LockEntry> };
  const entry = lock.packages && Object.hasOwn(lock.packages, `node_modules/${name}`) ? lock.packages[`node_modules/${name}`] : undefined;
  return typeof entry === 'object' && entry !== null ? entry : undefined;
}

async function readPackage(o: ExtendsReaderOptions, ref: Extract<ExtendsRef, { kind: 'npm' }>): Promise<ExtendsReadResult> {
  const modules = path.join(o.root, 'node_modules');
  const dir = path.join(modules, ...ref.name.split('/'));
  const pinned = `${ref.name}@${ref.version}`;
  let manifest: { version?: unknown };
  try {
    manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { version?: unknown };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: `${ref.name} is not installed in node_modules (run npm ci).` };
    throw err;
  }
  if (manifest.version !== ref.version) {
    return { ok: false, reason: `node_modules holds ${ref.name} ${String(manifest.version)}, but the policy pins ${ref.version} (run npm ci, or change the pin).` };
  }
  if (o.gate) {
    const why = await gatePackageProblem(o, ref, dir, modules);
    if (why) return { ok: false, reason: why };
  }
  const file = ref.file ?? NPM_POLICY_FILE;
  const read = await readInside(dir, file, `${pinned}/${file}`);
  return read.ok ? { ...read, label: `node_modules/${ref.name}/${file}` } : read;
}

/** Why the installed package may not be what the base pins, or undefined. */
async function gatePackageProblem(o: ExtendsReaderOptions, ref: Extract<ExtendsRef, { kind: 'npm' }>, dir: string, modules: string): Promise<string | undefined> {
  if ((await lstat(dir)).isSymbolicLink()) return `node_modules/${ref.name} is a link, not an installed package: the gate reads only a package the lock file pins.`;
  if (!o.commit) return undefined;
  const lock = await treeFile(o.root, o.commit, 'package-lock.json', MAX_LOCK_BYTES);
  if ('problem' in lock) return lock.problem;
  if ('missing' in lock) return undefined;
  const pinned = lockEntry(lock.text, ref.name);
  if (!pinned) return undefined;
  if (pinned.version !== ref.version) return `the base commit's package-lock.json pins ${ref.name} ${String(pinned.version)}, not ${ref.version}.`;
  if (typeof pinned.integrity !== 'string') return undefined;
  let installed: LockEntry | undefined;
  try {
    installed = lockEntry(await readFile(path.join(modules, '.package-lock.json'), 'utf8'), ref.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (installed?.integrity !== pinned.integrity) {
    return `the installed ${ref.name} ${ref.version} cannot be shown to be the one the base commit's package-lock.json pins (integrity ${installed?.integrity === undefined ? 'unknown: node_modules/.package-lock.json does not list it' : 'differs'}); run npm ci from the base's lock file.`;
  }
  return undefined;
}
