/**
 * Test files indexed by normalised stem: one pass over the tree's test
 * files, then each source finds its candidates with a map lookup (or a
 * scan of one two-character bucket for prefix templates).
 */
import { normalisePathStem } from './stem';

const SLASH = 47;

/**
 * A stem's first two characters as one number (a map key that needs no
 * string slice): negative for a one-character stem, so no two heads meet.
 */
function headOf(stem: string): number {
  return stem.length < 2 ? -1 - stem.charCodeAt(0) : stem.charCodeAt(0) * 65536 + stem.charCodeAt(1);
}

export class TestIndex {
  private readonly byStem = new Map<string, string[]>();
  /** Stems by their first two characters (see headOf), for prefix lookups (built on first use). */
  private byHead: Map<number, string[]> | undefined;
  private readonly prefixMemo = new Map<string, string[]>();
  private byDir: Map<string, string[]> | undefined;

  constructor(readonly files: readonly string[]) {
    for (const file of files) {
      const stem = normalisePathStem(file);
      if (!stem) continue;
      const list = this.byStem.get(stem);
      if (list) list.push(file);
      else this.byStem.set(stem, [file]);
    }
  }

  /** Test files whose stem is exactly `stem`. */
  exact(stem: string): readonly string[] {
    return this.byStem.get(stem) ?? [];
  }

  /**
   * Test files whose stem starts with `prefix`: a scan of the stems that
   * share its first two characters (no sort of the whole index), memoised
   * because a source's templates ask for the same prefix several times.
   */
  withPrefix(prefix: string): string[] {
    const memo = this.prefixMemo.get(prefix);
    if (memo) return memo;
    const stems = prefix.length < 2 ? [...this.byStem.keys()] : (this.headMap().get(headOf(prefix)) ?? []);
    const out: string[] = [];
    // The last character rejects most stems of a crowded bucket before a full compare.
    const at = prefix.length - 1;
    const last = prefix.charCodeAt(at);
    for (const stem of stems) if ((at < 0 || stem.charCodeAt(at) === last) && stem.startsWith(prefix)) out.push(...this.exact(stem));
    this.prefixMemo.set(prefix, out);
    return out;
  }

  private headMap(): Map<number, string[]> {
    if (!this.byHead) {
      this.byHead = new Map();
      for (const stem of this.byStem.keys()) {
        const head = headOf(stem);
        const list = this.byHead.get(head);
        if (list) list.push(stem);
        else this.byHead.set(head, [stem]);
      }
    }
    return this.byHead;
  }

  /** Test files directly in `dir` (built on first use, for suggestions). */
  inDir(dir: string): readonly string[] {
    return this.dirMap().get(dir) ?? [];
  }

  /** Folders holding test files. */
  dirs(): IterableIterator<string> {
    return this.dirMap().keys();
  }

  /**
   * The tree lists a folder's files together, so a file in the same folder
   * as the one before joins its list without a map lookup; the map (keys
   * and lists in order) is the same as with a lookup per file.
   */
  private dirMap(): Map<string, string[]> {
    if (!this.byDir) {
      const byDir = new Map<string, string[]>();
      let prefix = '';
      let list: string[] = [];
      for (const file of this.files) {
        const n = prefix.length;
        if (n > 0 && file.indexOf('/', n) < 0 && file.charCodeAt(n - 1) === SLASH && file.slice(0, n) === prefix) {
          list.push(file);
          continue;
        }
        const slash = file.lastIndexOf('/');
        prefix = file.slice(0, slash + 1);
        const dir = file.slice(0, Math.max(0, slash));
        const known = byDir.get(dir);
        if (known) (list = known).push(file);
        else byDir.set(dir, (list = [file]));
      }
      this.byDir = byDir;
    }
    return this.byDir;
  }
}
