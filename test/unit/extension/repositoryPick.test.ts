import assert from 'node:assert/strict';
import { chooseRepository, containingRoot, rootArgument } from '../../../src/extension/repository/repositoryPick';

describe('which repository a command acts on', () => {
  it('uses the repository the argument names, even among several', () => {
    assert.deepEqual(chooseRepository('/w/b', ['/w/a', '/w/b', '/w/c'], '/w/a'), { kind: 'use', root: '/w/b' });
  });

  it('uses the only repository without asking', () => {
    assert.deepEqual(chooseRepository(undefined, ['/w/a'], undefined), { kind: 'use', root: '/w/a' });
  });

  it('says there is none when the workspace has no repository', () => {
    assert.deepEqual(chooseRepository(undefined, [], undefined), { kind: 'none' });
  });

  it('asks among several, the active editor\'s repository first', () => {
    assert.deepEqual(chooseRepository(undefined, ['/w/a', '/w/b', '/w/c'], '/w/c'), { kind: 'ask', roots: ['/w/c', '/w/a', '/w/b'], active: '/w/c' });
  });

  it('asks in the listed order when no editor is active (or its file is in none)', () => {
    assert.deepEqual(chooseRepository(undefined, ['/w/a', '/w/b'], undefined), { kind: 'ask', roots: ['/w/a', '/w/b'] });
    assert.deepEqual(chooseRepository(undefined, ['/w/a', '/w/b'], '/elsewhere'), { kind: 'ask', roots: ['/w/a', '/w/b'] });
  });

  it('reads the root from a string or a { root } argument, and nothing else', () => {
    assert.equal(rootArgument('/w/a'), '/w/a');
    assert.equal(rootArgument({ root: '/w/a', ticket: '#2' }), '/w/a');
    for (const arg of [undefined, null, '', 42, { root: 42 }, { root: '' }, ['/w/a'], { ticket: '#2' }]) {
      assert.equal(rootArgument(arg), undefined, JSON.stringify(arg));
    }
  });

  it('finds the deepest repository that contains a file, not one that merely shares a prefix', () => {
    const roots = ['/w/app', '/w/app/vendor/lib', '/w/application'];
    assert.equal(containingRoot(roots, '/w/app/src/x.ts', '/'), '/w/app');
    assert.equal(containingRoot(roots, '/w/app/vendor/lib/y.ts', '/'), '/w/app/vendor/lib');
    assert.equal(containingRoot(roots, '/w/application/z.ts', '/'), '/w/application');
    assert.equal(containingRoot(roots, '/w/app', '/'), '/w/app');
    assert.equal(containingRoot(roots, '/w/other/z.ts', '/'), undefined);
  });

  it('handles Windows separators', () => {
    assert.equal(containingRoot(['C:\\w\\app', 'C:\\w\\app2'], 'C:\\w\\app2\\x.ts', '\\'), 'C:\\w\\app2');
  });
});
