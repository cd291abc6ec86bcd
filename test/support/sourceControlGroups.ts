/**
 * The built-in git extension's Source Control groups rebuilt from `git
 * status -z -uall`, sorted and numbered the way the extension does it:
 * what the editor's check receives, for tests and the benchmark.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { GitStatus, type SourceControlChange } from '../../src/extension/testCoverage/sourceControlChanges';

interface Groups {
  mergeChanges: SourceControlChange[];
  indexChanges: SourceControlChange[];
  workingTreeChanges: SourceControlChange[];
  untrackedChanges: SourceControlChange[];
}

const INDEX: Record<string, number> = { M: GitStatus.INDEX_MODIFIED, T: GitStatus.INDEX_MODIFIED, A: GitStatus.INDEX_ADDED, D: GitStatus.INDEX_DELETED, R: GitStatus.INDEX_RENAMED, C: GitStatus.INDEX_COPIED };
const WORK: Record<string, number> = { M: GitStatus.MODIFIED, T: GitStatus.MODIFIED, D: GitStatus.DELETED };

/** The git extension's groups, from `git status -z -uall` as it reads them. */
export function sourceControlGroups(root: string): Groups {
  const fields = execFileSync('git', ['status', '--porcelain=v1', '-z', '-uall'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).split('\0');
  const groups: Groups = { mergeChanges: [], indexChanges: [], workingTreeChanges: [], untrackedChanges: [] };
  const uri = (rel: string): { fsPath: string } => ({ fsPath: path.join(root, ...rel.split('/')) });
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i] as string;
    if (entry.length < 4) continue;
    const [x, y, file] = [entry[0] as string, entry[1] as string, entry.slice(3)];
    const original = x === 'R' || x === 'C' ? (fields[++i] as string) : file;
    const make = (status: number, renamed = false): SourceControlChange => ({ uri: uri(file), originalUri: uri(original), renameUri: renamed ? uri(file) : undefined, status });
    if (x === '?' && y === '?') groups.untrackedChanges.push(make(GitStatus.UNTRACKED));
    else if (x === 'U' || y === 'U' || (x === 'A' && y === 'A') || (x === 'D' && y === 'D')) groups.mergeChanges.push(make(18));
    else {
      if (INDEX[x] !== undefined) groups.indexChanges.push(make(INDEX[x] as number, x === 'R' || x === 'C'));
      if (WORK[y] !== undefined) groups.workingTreeChanges.push(make(WORK[y] as number));
    }
  }
  return groups;
}

