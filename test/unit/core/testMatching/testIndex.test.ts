import assert from 'node:assert/strict';
import { isTestNamed } from '../../../../src/core/testMatching/classify';
import { TestIndex } from '../../../../src/core/testMatching/testIndex';

describe('TestIndex', () => {
  const index = new TestIndex(['a/widget.spec.ts', 'a/widgetList.spec.ts', 'b/widgets_test.go', 'c/wid.test.ts', 'd/x.spec.ts', 'e/renderer.spec.ts']);

  it('finds stems by prefix within the two-character bucket, and by one character', () => {
    assert.deepEqual(index.withPrefix('widget').sort(), ['a/widget.spec.ts', 'a/widgetList.spec.ts', 'b/widgets_test.go']);
    assert.deepEqual(index.withPrefix('widgetl'), ['a/widgetList.spec.ts']);
    assert.deepEqual(index.withPrefix('w').sort(), ['a/widget.spec.ts', 'a/widgetList.spec.ts', 'b/widgets_test.go', 'c/wid.test.ts']);
    assert.deepEqual(index.withPrefix('zz'), []);
  });

  it('finds every stem for an empty prefix, and tells one- and two-character stems apart', () => {
    assert.equal(index.withPrefix('').length, index.files.length);
    const short = new TestIndex(['a/x.test.ts', 'a/xa.test.ts', 'a/xab.test.ts', 'a/ab.test.ts']);
    assert.deepEqual(short.withPrefix('xa'), ['a/xa.test.ts', 'a/xab.test.ts']);
    assert.deepEqual(short.withPrefix('x'), ['a/x.test.ts', 'a/xa.test.ts', 'a/xab.test.ts']);
    assert.deepEqual(short.withPrefix('xab'), ['a/xab.test.ts']);
    assert.deepEqual(short.withPrefix('xb'), []);
  });

  it('answers a repeated prefix the same way', () => {
    assert.deepEqual(index.withPrefix('ren'), ['e/renderer.spec.ts']);
    assert.deepEqual(index.withPrefix('ren'), ['e/renderer.spec.ts']);
  });
});

describe('TestIndex folders', () => {
  const files = ['a/b/x.test.ts', 'a/b/y.test.ts', 'a/bc/z.test.ts', 'a/b/c/w.test.ts', 'root.test.ts', 'a/b/v.test.ts', '/abs.test.ts', '/abs2.test.ts', 'other.test.ts', 'a/bc/u.test.ts'];

  /** The plain grouping: one map lookup per file, in file order. */
  function reference(list: string[]): Map<string, string[]> {
    const byDir = new Map<string, string[]>();
    for (const file of list) {
      const dir = file.slice(0, Math.max(0, file.lastIndexOf('/')));
      byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
    }
    return byDir;
  }

  for (const [label, list] of [['in tree order', [...files].sort()], ['out of order', files]] as const) {
    it(`groups test files by folder like a lookup per file, ${label}`, () => {
      const index = new TestIndex(list);
      const expected = reference([...list]);
      assert.deepEqual([...index.dirs()], [...expected.keys()]);
      for (const [dir, inDir] of expected) assert.deepEqual(index.inDir(dir), inDir, dir);
      assert.deepEqual(index.inDir('a/b/x'), []);
    });
  }
});

describe('isTestNamed for Python', () => {
  for (const [name, expected] of [
    ['pkg/models_test.py', true],
    ['pkg/models_tests.py', true],
    ['pkg/_test.py', false],
    ['pkg/test_models.py', true],
    ['pkg/contest.py', false],
  ] as const) {
    it(`${name} → ${String(expected)}`, () => assert.equal(isTestNamed(name), expected));
  }
});
