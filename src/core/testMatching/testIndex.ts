/**
 * Test files indexed by normalised stem: one pass over the tree's test
 * files, then each source finds its candidates with a map lookup (or a
 * binary search for the rare prefix templates).
 */
import { normaliseStem } from './stem';

export class TestIndex {
  private readonly byStem = new Map<string, string[]>();
  private sortedStems: string[] | undefined;
  private byDir: Map<string, string[]> | undefined;

  constructor(readonly files: readonly string[]) {
    for (const file of files) {
      const stem = normaliseStem(file.slice(file.lastIndexOf('/') + 1));
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

  /** Test files whose stem starts with `prefix`. */
  withPrefix(prefix: string): string[] {
    const stems = (this.sortedStems ??= [...this.byStem.keys()].sort());
    let lo = 0;
    let hi = stems.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((stems[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < stems.length && (stems[i] as string).startsWith(prefix); i++) out.push(...this.exact(stems[i] as string));
    return out;
  }

  /** Test files directly in `dir` (built on first use, for suggestions). */
  inDir(dir: string): readonly string[] {
    return this.dirMap().get(dir) ?? [];
  }

  /** Folders holding test files. */
  dirs(): IterableIterator<string> {
    return this.dirMap().keys();
  }

  private dirMap(): Map<string, string[]> {
    if (!this.byDir) {
      this.byDir = new Map();
      for (const file of this.files) {
        const d = file.slice(0, Math.max(0, file.lastIndexOf('/')));
        const list = this.byDir.get(d);
        if (list) list.push(file);
        else this.byDir.set(d, [file]);
      }
    }
    return this.byDir;
  }
}
