/**
 * out/hook.js, what the installed commit-msg hook runs: loads the hook's
 * bundles (hook-lint.js, and on demand hook-policy.js and hook-re2.js,
 * next to this file) with V8's code cache, so a commit does not pay for
 * compiling them again (Node 20 has no module.enableCompileCache). Each
 * cache (FILE.cache) is written after the run that loaded its bundle,
 * atomically, and used only when its header matches this node (version,
 * V8, arch, flags) and the bundle (CRC-32 and length of its text) and the
 * data's own CRC-32 matches: a stale or corrupt cache is never handed to
 * V8, it is rewritten. Without a writable folder the hook simply compiles
 * every time. Keep this file small and free of imports beyond node's: it
 * is compiled on every commit.
 */
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import type { CliIo } from '../io';
import type { PolicyMemoOptions } from './policyMemo';

interface HookModule {
  runHook(io: CliIo, memo?: PolicyMemoOptions): Promise<number>;
  processIo(): CliIo;
}

/** Node's own require, for what is not one of the hook's parts. */
const nodeRequire: NodeJS.Require = require;

/** Bumped when the cache layout changes. */
const FORMAT = 1;

/** The header line of a cache file, compared as a whole. */
export function cacheHeader(sourceCrc: number, sourceLength: number, dataCrc: number): string {
  return JSON.stringify({
    format: FORMAT, node: process.version, v8: process.versions.v8, arch: process.arch,
    flags: process.execArgv.join(' '), source: `${sourceCrc.toString(16)}:${sourceLength}`, data: dataCrc.toString(16),
  });
}

/** The cached data in `cache` if its header matches and its data is intact, else undefined. */
export function validCachedData(cache: Buffer | undefined, sourceCrc: number, sourceLength: number): Buffer | undefined {
  if (!cache) return undefined;
  const newline = cache.indexOf(10);
  if (newline < 0 || newline > 1024) return undefined;
  const data = cache.subarray(newline + 1);
  return cache.subarray(0, newline).toString('utf8') === cacheHeader(sourceCrc, sourceLength, crc32(data)) ? data : undefined;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    // No cache yet (or unreadable): compile.
    return undefined;
  }
}

function writeAtomically(file: string, content: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content, { flag: 'wx', mode: 0o644 });
    renameSync(temporary, file);
  } catch {
    // A read-only folder: no cache, the hook still runs.
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
  }
}

/** The bundles hook.js loads through the code cache (HOOK_FILES in scripts/lib/bundles.mjs, less hook.js). */
export const HOOK_PARTS = ['hook-lint.js', 'hook-policy.js', 'hook-re2.js'];

interface LoadedPart {
  script: Script;
  source: Buffer;
  sourceCrc: number;
  cached: boolean;
  exports: unknown;
}

/**
 * Loads the hook's bundles from one folder through their code caches. The
 * bundles get `require` as their require: one of HOOK_PARTS in the folder
 * (the seams bundles.mjs makes: hook-lint.js asks for hook-policy.js and
 * hook-re2.js by absolute path) comes through the cache, once; anything
 * else is node's require.
 */
export class HookLoader {
  private readonly parts = new Map<string, LoadedPart>();

  constructor(readonly dir: string) {}

  readonly require = (id: string): unknown => {
    const name = path.basename(id);
    if (path.isAbsolute(id) && path.dirname(id) === this.dir && HOOK_PARTS.includes(name)) return this.load(name);
    return nodeRequire(id);
  };

  /** The exports of the bundle `name` in the folder (loaded on first use). */
  load(name: string): unknown {
    const known = this.parts.get(name);
    if (known) return known.exports;
    const file = path.join(this.dir, name);
    const source = readFileSync(file);
    const sourceCrc = crc32(source);
    const cachedData = validCachedData(readIfPresent(`${file}.cache`), sourceCrc, source.length);
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`;
    const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
    const loaded = { exports: {} as unknown };
    const part: LoadedPart = { script, source, sourceCrc, cached: cachedData !== undefined && !script.cachedDataRejected, exports: undefined };
    this.parts.set(name, part);
    (script.runInThisContext() as (...args: unknown[]) => void).call(loaded.exports, loaded.exports, this.require, loaded, file, this.dir);
    part.exports = loaded.exports;
    return part.exports;
  }

  /**
   * What the hook's results depend on: the CRC-32 and length of every
   * part, loaded or not (the policy memo's entries were parsed by
   * hook-policy.js). A missing part reads as "-".
   */
  build(): string {
    return HOOK_PARTS.map((name) => {
      const known = this.parts.get(name);
      const source = known?.source ?? readIfPresent(path.join(this.dir, name));
      return source ? `${(known?.sourceCrc ?? crc32(source)).toString(16)}:${source.length}` : '-';
    }).join(',');
  }

  /** Write the cache of each part loaded without a usable one (after the run, so that the functions it ran are in it). */
  saveCaches(): void {
    for (const [name, part] of this.parts) {
      if (part.cached) continue;
      const data = part.script.createCachedData();
      const header = cacheHeader(part.sourceCrc, part.source.length, crc32(data));
      writeAtomically(path.join(this.dir, `${name}.cache`), Buffer.concat([Buffer.from(`${header}\n`), data]));
    }
  }
}

/** Load hook-lint.js from `dir` through the code cache and run the hook; resolves to the exit code. */
export async function loadAndRun(dir: string): Promise<number> {
  const loader = new HookLoader(dir);
  const hook = loader.load('hook-lint.js') as HookModule;
  const code = await hook.runHook(hook.processIo(), { file: path.join(dir, 'hook-lint.js.policies.json'), build: loader.build() });
  loader.saveCaches();
  return code;
}

/* c8 ignore start -- process wiring, exercised by the hook integration tests */
if (require.main === module) {
  loadAndRun(__dirname).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`change-control: the commit-msg hook failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
/* c8 ignore stop */
