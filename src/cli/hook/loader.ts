/**
 * out/hook.js, what the installed commit-msg hook runs: loads the hook's
 * bundle (hook-lint.js, next to this file) with V8's code cache, so a
 * commit does not pay for compiling it again (Node 20 has no
 * module.enableCompileCache). The cache (hook-lint.js.cache) is written
 * after the first run, atomically, and used only when its header matches
 * this node (version, V8, arch, flags) and the bundle (CRC-32 and length
 * of its text) and the data's own CRC-32 matches: a stale or corrupt cache
 * is never handed to V8, it is rewritten. Without a writable folder the
 * hook simply compiles every time. Keep this file small and free of
 * imports beyond node's: it is compiled on every commit.
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

/** Load hook-lint.js from `dir` through the code cache and run the hook; resolves to the exit code. */
export async function loadAndRun(dir: string): Promise<number> {
  const file = path.join(dir, 'hook-lint.js');
  const cacheFile = `${file}.cache`;
  const source = readFileSync(file);
  const sourceCrc = crc32(source);
  const cachedData = validCachedData(readIfPresent(cacheFile), sourceCrc, source.length);
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`;
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const loaded = { exports: {} as HookModule };
  (script.runInThisContext() as (...args: unknown[]) => void).call(loaded.exports, loaded.exports, require, loaded, file, dir);
  const hook = loaded.exports;
  const code = await hook.runHook(hook.processIo(), { file: `${file}.policies.json`, build: `${sourceCrc.toString(16)}:${source.length}` });
  if (!cachedData || script.cachedDataRejected) {
    // After the run, so that the functions the hook ran are in the cache too.
    const data = script.createCachedData();
    writeAtomically(cacheFile, Buffer.concat([Buffer.from(`${cacheHeader(sourceCrc, source.length, crc32(data))}\n`), data]));
  }
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
