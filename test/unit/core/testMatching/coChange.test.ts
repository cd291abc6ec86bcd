import assert from 'node:assert/strict';
import { isTestNamed } from '../../../../src/core/testMatching/classify';
import { coChangedTests, inPackage } from '../../../../src/core/testMatching/coChange';

describe('coChangedTests', () => {
  it('gives an unclaimed changed test to the one uncovered source of its package', () => {
    const matched = new Map([['pkg/server/src/renderToString.ts', ['pkg/server/__tests__/renderToString.spec.ts']]]);
    const out = coChangedTests(matched, ['pkg/server/__tests__/render.spec.ts'], isTestNamed);
    assert.deepEqual([...out], [['pkg/server/src/renderToString.ts', ['pkg/server/__tests__/render.spec.ts']]]);
  });

  it('pairs nothing when two sources could own the test', () => {
    const matched = new Map<string, string[]>([
      ['command.go', []],
      ['commander.go', []],
    ]);
    assert.equal(coChangedTests(matched, ['cobra_test.go'], isTestNamed).size, 0);
  });

  it('never pairs helpers, fixtures, claimed tests or entry points', () => {
    const matched = new Map<string, string[]>([
      ['lib/gem.rb', []],
      ['lib/gem/registry.rb', ['spec/gem/registry_spec.rb']],
    ]);
    const changed = ['spec/support/helpers.rb', 'test/test_helper.rb', 'spec/gem/registry_spec.rb', 'spec/fixtures/data.json'];
    assert.equal(coChangedTests(matched, changed, isTestNamed).size, 0);
    assert.equal(coChangedTests(new Map([['src/index.ts', []]]), ['test/app.test.ts'], isTestNamed).size, 0);
  });

  it('keeps a test beside its sources to its own folder', () => {
    assert.equal(inPackage('cmd/add.go', 'cmd/add_test.go'), true);
    assert.equal(inPackage('cmd/sub/add.go', 'cmd/add_test.go'), false);
    assert.equal(inPackage('gson/src/main/java/a/B.java', 'gson/src/test/java/a/CTest.java'), true);
    assert.equal(inPackage('extras/src/main/java/a/B.java', 'gson/src/test/java/a/CTest.java'), false);
  });
});
