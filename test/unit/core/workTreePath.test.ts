import assert from 'node:assert/strict';
import { checkRelativeWritePath, decideFile, decideFolder, isWithinRoot } from '../../../src/core/workTreePath';

describe('where Create Test File may write', () => {
  it('accepts an ordinary repository-relative path, split into segments', () => {
    assert.deepEqual(checkRelativeWritePath('test/unit/app.test.ts'), { ok: true, segments: ['test', 'unit', 'app.test.ts'] });
  });

  const refused: [string, RegExp][] = [
    ['', /empty/],
    ['/etc/passwd', /absolute/],
    ['C:/Windows/x.ts', /absolute/],
    ['../outside.test.ts', /"\.\." segment/],
    ['test/../../outside.ts', /"\.\." segment/],
    ['test/./x.ts', /"\." segment/],
    ['test//x.ts', /"\/\/" segment/],
    ['test\\..\\x.ts', /backslash/],
    ['.git/hooks/pre-commit', /inside \.git/],
    ['sub/.GIT/config', /inside \.git/],
    ['test/x\n.ts', /control character/],
    ['test/x\u0000.ts', /control character/],
  ];
  for (const [input, reason] of refused) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      const r = checkRelativeWritePath(input);
      assert.equal(r.ok, false);
      assert.match((r as { reason: string }).reason, reason);
    });
  }

  it('compares real paths by whole segments, folding case only on Windows', () => {
    assert.equal(isWithinRoot('/repo', '/repo', '/'), true);
    assert.equal(isWithinRoot('/repo', '/repo/test/x', '/'), true);
    assert.equal(isWithinRoot('/repo/', '/repo/test', '/'), true);
    assert.equal(isWithinRoot('/repo', '/repository/x', '/'), false, 'a sibling sharing the prefix is outside');
    assert.equal(isWithinRoot('/repo', '/tmp/outside', '/'), false);
    assert.equal(isWithinRoot('/repo', '/REPO/x', '/'), false);
    assert.equal(isWithinRoot('C:\\Repo', 'c:\\repo\\test', '\\'), true);
    assert.equal(isWithinRoot('C:\\Repo', 'C:\\Repo2\\test', '\\'), false);
  });

  it('creates a missing folder, enters a real one, and enters a symlink only when it stays inside', () => {
    const root = '/repo';
    assert.deepEqual(decideFolder('missing', 'test', undefined), { action: 'create' });
    assert.deepEqual(decideFolder('directory', 'test', { realPath: '/repo/test', root, sep: '/' }), { action: 'enter' });
    assert.deepEqual(decideFolder('symlink', 'test', { realPath: '/repo/tests', root, sep: '/' }), { action: 'enter' });
    const out = decideFolder('symlink', 'test', { realPath: '/tmp/outside', root, sep: '/' });
    assert.equal(out.action, 'refuse');
    assert.match((out as { reason: string }).reason, /test is a symbolic link to \/tmp\/outside, outside the repository/);
    assert.equal(decideFolder('symlink', 'test', undefined).action, 'refuse', 'a link that cannot be resolved is refused');
    assert.equal(decideFolder('directory', 'a', { realPath: '/elsewhere/a', root, sep: '/' }).action, 'refuse');
    assert.equal(decideFolder('file', 'test', undefined).action, 'refuse');
    assert.equal(decideFolder('other', 'test', undefined).action, 'refuse');
  });

  it('creates a missing file, opens an existing one, and never writes through a link', () => {
    assert.deepEqual(decideFile('missing', 'x.test.ts'), { action: 'create' });
    assert.deepEqual(decideFile('file', 'x.test.ts'), { action: 'openExisting' });
    const link = decideFile('symlink', 'src/x.test.ts');
    assert.equal(link.action, 'refuse');
    assert.match((link as { reason: string }).reason, /src\/x\.test\.ts is a symbolic link/);
    assert.equal(decideFile('directory', 'x.test.ts').action, 'refuse');
    assert.equal(decideFile('other', 'x.test.ts').action, 'refuse');
  });
});
