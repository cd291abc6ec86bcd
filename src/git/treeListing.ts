/**
 * The tree (`git ls-files`) of one repository, remembered between checks.
 * `git ls-files` prints the index, and git ends the index file with a
 * checksum of everything before it, so while the file's last bytes are
 * the same the listing is the same: the memo then skips git and hands
 * back the same array, and the check reuses what it derived from it (see
 * TreeIndexMemo). An index without a checksum (`index.skipHash`) or one
 * that cannot be read is listed every time.
 */
import { open } from 'node:fs/promises';
import * as path from 'node:path';
import type { SimpleGit } from 'simple-git';
import { gitCall, parseNulList } from './git';

/** SHA-256 repositories end the index with 32 bytes, SHA-1 ones with 20: read the larger. */
const TRAILER = 32;

/** The index's size and trailing checksum, or undefined when it has none or cannot be read. */
export async function indexStamp(indexFile: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(indexFile, 'r');
    const { size } = await handle.stat();
    if (size < TRAILER + 12) return undefined;
    const tail = Buffer.alloc(TRAILER);
    await handle.read(tail, 0, TRAILER, size - TRAILER);
    // index.skipHash writes zeros: no checksum to trust.
    if (tail.subarray(TRAILER - 20).every((b) => b === 0)) return undefined;
    return `${size}:${tail.toString('hex')}`;
  } catch {
    // No index yet (a fresh repository) or unreadable: list the tree instead.
    return undefined;
  } finally {
    await handle?.close();
  }
}

function samePaths(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class TreeListingMemo {
  private indexFile: string | undefined;
  private stamp: string | undefined;
  private tree: string[] | undefined;
  /** How often git was asked (for tests and the benchmark). */
  listings = 0;

  /** The tracked paths; the same array as last time while the index is unchanged. */
  async list(git: SimpleGit, root: string): Promise<string[]> {
    this.indexFile ??= await this.findIndex(git, root);
    const stamp = await indexStamp(this.indexFile);
    if (this.tree && stamp !== undefined && stamp === this.stamp) return this.tree;
    // The stamp is taken before listing: an index written meanwhile has another one next time.
    const raw = await gitCall('List the tree', () => git.raw(['ls-files', '-z']));
    this.listings++;
    this.stamp = stamp;
    const tree = parseNulList(raw);
    if (!this.tree || !samePaths(tree, this.tree)) this.tree = tree;
    return this.tree;
  }

  /** git prints the path relative to where it runs (and honours GIT_INDEX_FILE and worktrees). */
  private async findIndex(git: SimpleGit, root: string): Promise<string> {
    return path.resolve(root, (await gitCall('Find the index', () => git.raw(['rev-parse', '--git-path', 'index']))).trim());
  }
}
