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

  it('answers a repeated prefix the same way', () => {
    assert.deepEqual(index.withPrefix('ren'), ['e/renderer.spec.ts']);
    assert.deepEqual(index.withPrefix('ren'), ['e/renderer.spec.ts']);
  });
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
