import assert from 'node:assert/strict';
import { combineChangeLayers } from '../../../../src/core/testMatching/changeLayers';
import type { ChangedFile } from '../../../../src/core/testMatching/checkTests';

const m = (path: string): ChangedFile => ({ path, status: 'modified' });

describe('combineChangeLayers', () => {
  it('keeps one entry per path, in first-seen order', () => {
    const out = combineChangeLayers([[m('a.ts'), m('b.ts')], [m('b.ts'), m('c.ts')], [{ path: 'd.ts', status: 'untracked' }]]);
    assert.deepEqual(out.map((c) => c.path), ['a.ts', 'b.ts', 'c.ts', 'd.ts']);
  });

  it('keeps a committed addition or rename an addition or rename while later layers only modify it', () => {
    const out = combineChangeLayers([
      [{ path: 'new.ts', status: 'added' }, { path: 'moved.ts', status: 'renamed', oldPath: 'old.ts' }],
      [m('new.ts')],
      [m('moved.ts'), m('new.ts')],
    ]);
    assert.deepEqual(out, [
      { path: 'new.ts', status: 'added' },
      { path: 'moved.ts', status: 'renamed', oldPath: 'old.ts' },
    ]);
  });

  it('reports a committed file deleted in the work tree as deleted, and a re-added one by its last state', () => {
    const out = combineChangeLayers([[{ path: 'a.ts', status: 'added' }, { path: 'b.ts', status: 'deleted' }], [], [{ path: 'a.ts', status: 'deleted' }, { path: 'b.ts', status: 'untracked' }]]);
    assert.deepEqual(out, [
      { path: 'a.ts', status: 'deleted' },
      { path: 'b.ts', status: 'untracked' },
    ]);
  });

  it('lets a staged rename replace a committed modification', () => {
    const out = combineChangeLayers([[m('x.ts')], [{ path: 'x.ts', status: 'renamed', oldPath: 'w.ts' }]]);
    assert.deepEqual(out, [{ path: 'x.ts', status: 'renamed', oldPath: 'w.ts' }]);
  });

  it('returns nothing for no layers', () => {
    assert.deepEqual(combineChangeLayers([]), []);
    assert.deepEqual(combineChangeLayers([[], []]), []);
  });
});
