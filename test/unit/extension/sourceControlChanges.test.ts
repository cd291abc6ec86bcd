import assert from 'node:assert/strict';
import * as path from 'node:path';
import { GitStatus, changesFromSourceControl, sourceControlSize, type SourceControlChange } from '../../../src/extension/testCoverage/sourceControlChanges';

const root = path.resolve('/repo');
const uri = (rel: string): { fsPath: string } => ({ fsPath: path.join(root, ...rel.split('/')) });
const change = (rel: string, status: number): SourceControlChange => ({ uri: uri(rel), originalUri: uri(rel), renameUri: undefined, status });

describe('changesFromSourceControl', () => {
  it('maps every group and status the git extension reports', () => {
    const groups = {
      mergeChanges: [change('src/conflict.ts', 18)],
      indexChanges: [
        change('src/staged.ts', GitStatus.INDEX_MODIFIED),
        change('src/added.ts', GitStatus.INDEX_ADDED),
        change('src/gone.ts', GitStatus.INDEX_DELETED),
        { uri: uri('src/new name.ts'), originalUri: uri('src/old name.ts'), renameUri: uri('src/new name.ts'), status: GitStatus.INDEX_RENAMED },
        { uri: uri('src/copy.ts'), originalUri: uri('src/orig.ts'), renameUri: uri('src/copy.ts'), status: GitStatus.INDEX_COPIED },
      ],
      workingTreeChanges: [change('src/edited.ts', GitStatus.MODIFIED), change('src/removed.ts', GitStatus.DELETED), change('src/mixed-new.ts', GitStatus.UNTRACKED), change('build/x.js', GitStatus.IGNORED)],
      untrackedChanges: [change('src/né w.ts', GitStatus.UNTRACKED)],
    };
    assert.deepEqual(changesFromSourceControl(root, groups), [
      { path: 'src/conflict.ts', status: 'modified' },
      { path: 'src/staged.ts', status: 'modified' },
      { path: 'src/added.ts', status: 'added' },
      { path: 'src/gone.ts', status: 'deleted' },
      { path: 'src/new name.ts', status: 'renamed', oldPath: 'src/old name.ts' },
      { path: 'src/copy.ts', status: 'added' },
      { path: 'src/edited.ts', status: 'modified' },
      { path: 'src/removed.ts', status: 'deleted' },
      { path: 'src/mixed-new.ts', status: 'untracked' },
      { path: 'src/né w.ts', status: 'untracked' },
    ]);
    assert.equal(sourceControlSize(groups), 11);
  });

  it('reads statuses added by later VS Code versions as modifications, and works without an untracked group', () => {
    const groups = { mergeChanges: [], indexChanges: [], workingTreeChanges: [change('a.ts', 9), change('b.ts', 11)] };
    assert.deepEqual(changesFromSourceControl(root, groups), [
      { path: 'a.ts', status: 'modified' },
      { path: 'b.ts', status: 'modified' },
    ]);
    assert.equal(sourceControlSize(groups), 2);
  });

  it('skips files outside the repository (another repository or a parent folder)', () => {
    const outside = { uri: { fsPath: path.resolve('/elsewhere/a.ts') }, originalUri: { fsPath: path.resolve('/elsewhere/a.ts') }, renameUri: undefined, status: GitStatus.MODIFIED };
    const groups = { mergeChanges: [], indexChanges: [outside, change('in.ts', GitStatus.MODIFIED)], workingTreeChanges: [{ ...outside, uri: { fsPath: root } }] };
    assert.deepEqual(changesFromSourceControl(root, groups), [{ path: 'in.ts', status: 'modified' }]);
  });
});
