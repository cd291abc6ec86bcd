import assert from 'node:assert/strict';
import { isTestNamed } from '../../../../src/core/testMatching/classify';
import { coChangedTests, inPackage, qualifies } from '../../../../src/core/testMatching/coChange';

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

describe('a changed test named after the source with a qualifier', () => {
  for (const [test, source, expected] of [
    ['gson/src/test/java/a/functional/DefaultTypeAdaptersTest.java', 'gson/src/main/java/a/internal/TypeAdapters.java', true],
    ['tests/test_legacy_parser.py', 'pkg/parser.py', true],
    ['tests/legacy_parser_test.go', 'pkg/parser.go', true],
    ['src/test/java/a/TypeAdaptersTest.java', 'src/main/java/a/TypeAdapters.java', false],
    ['src/test/java/a/JavaTimeTypeAdaptersTest.java', 'src/main/java/a/DateTypeAdapters.java', false],
    ['src/test/java/a/IoTest.java', 'src/main/java/a/o.java', false],
    ['tests/test_reparser.py', 'pkg/parser.py', false],
    ['src/FooParserTest.java', 'src/Parse.java', false],
  ] as const) {
    it(`${test} ${expected ? 'tests' : 'does not test'} ${source}`, () => assert.equal(qualifies(test, source), expected));
  }

  it('gives the changed test to the one source it qualifies, in a package with several', () => {
    const matched = new Map([
      ['g/src/main/java/a/internal/TypeAdapters.java', []],
      ['g/src/main/java/a/Gson.java', ['g/src/test/java/a/GsonTest.java']],
      ['g/src/main/java/a/internal/Other.java', []],
    ]);
    const out = coChangedTests(matched, ['g/src/test/java/a/functional/DefaultTypeAdaptersTest.java'], isTestNamed);
    assert.deepEqual([...out], [['g/src/main/java/a/internal/TypeAdapters.java', ['g/src/test/java/a/functional/DefaultTypeAdaptersTest.java']]]);
  });
});
