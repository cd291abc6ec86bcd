/**
 * The CLI's ETag cache, kept between runs in the repository's git folder
 * (`git rev-parse --git-path change-control/etag-cache.json`), so a second
 * evidence run over an unchanged range is answered by 304s. Keys hold a
 * hash of the token, never the token; a broken file is ignored.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { EtagCache } from './etagCache';

/** Large enough for a release of a few hundred pull requests (about nine GETs each). */
export const CLI_CACHE_ENTRIES = 10_000;

/** The cache file inside the git folder (resolve it with src/git's gitPath). */
export const ETAG_CACHE_GIT_PATH = 'change-control/etag-cache.json';

export async function loadEtagCache(file: string, maxEntries = CLI_CACHE_ENTRIES): Promise<EtagCache> {
  const cache = new EtagCache(maxEntries);
  try {
    cache.load(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    // No cache yet, or an unreadable one: start empty (it is only an optimisation).
  }
  return cache;
}

/**
 * Writes the cache; every exact occurrence of a secret (the token, should
 * GitHub echo it in a comment) is replaced first, so the file never holds it.
 */
export async function saveEtagCache(file: string, cache: EtagCache, secrets: readonly string[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  let text = JSON.stringify(cache.toJSON());
  for (const secret of secrets) if (secret.length >= 4) text = text.split(JSON.stringify(secret).slice(1, -1)).join('[REDACTED]');
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, file);
}
