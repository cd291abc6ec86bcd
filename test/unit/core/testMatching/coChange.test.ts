import assert from 'node:assert/strict';
import { isTestNamed } from '../../../../src/core/testMatching/classify';
import { coChangedTests, goPackageTestOwners, inPackage, qualifies } from '../../../../src/core/testMatching/coChange';

describe('coChangedTests', () => {
  it('gives an unclaimed changed test to the one uncovered source of its package', () => {
    const matched = new Map([['pkg/server/src/renderToString.ts', ['pkg/server/__tests__/renderToString.spec.ts']]]);
    const out = coChangedTests(matched, ['pkg/server/__tests__/render.spec.ts'], isTestNamed);
    assert.deepEqual([...out], [['pkg/server/src/renderToString.ts', ['pkg/server/__tests__/render.spec.ts']]]);
  });

  it('pairs nothing when two sources could own the test', () => {
    const matched = new Map<string, string[]>([
      ['pkg/src/command.ts', []],
      ['pkg/src/commander.ts', []],
    ]);
    assert.equal(coChangedTests(matched, ['pkg/__tests__/cli.spec.ts'], isTestNamed).size, 0);
    // In a Go subfolder, a test named after a file (not the package) stays ambiguous too.
    assert.equal(coChangedTests(new Map([['cmd/a.go', []], ['cmd/b.go', []]]), ['cmd/add_test.go'], isTestNamed).size, 0);
  });

  // Each row would pair (like the first) but for the one thing its name says.
  for (const [label, matched, changed, expected] of [
    ['a plain test', [['lib/gem/strategy.rb', []]], ['spec/gem/other_spec.rb'], 1],
    ['helpers', [['lib/gem/strategy.rb', []]], ['spec/support/helpers_spec.rb', 'test/test_helper.rb'], 0],
    ['files without a test name', [['lib/gem/strategy.rb', []]], ['spec/support/stub.rb', 'spec/fixtures/data.json'], 0],
    ['a test another source claims', [['lib/gem/strategy.rb', []], ['lib/gem/registry.rb', ['spec/gem/registry_spec.rb']]], ['spec/gem/registry_spec.rb'], 0],
    ['an entry point beside its folder', [['lib/gem.rb', []], ['lib/gem/registry.rb', ['spec/gem/registry_spec.rb']]], ['spec/gem/registry_spec.rb', 'spec/other_spec.rb'], 0],
    ['an index file', [['src/index.ts', []]], ['test/app.test.ts'], 0],
  ] as [string, [string, string[]][], string[], number][]) {
    it(`${expected ? 'pairs' : 'never pairs'} ${label}`, () => assert.equal(coChangedTests(new Map(matched), changed, isTestNamed).size, expected));
  }

  it('gives the test to the one source without a changed test of its own', () => {
    const matched = new Map([['pkg/a.go', ['pkg/a_test.go']], ['pkg/b.go', []]]);
    assert.deepEqual([...coChangedTests(matched, ['pkg/a_test.go', 'pkg/x_test.go'], isTestNamed)], [['pkg/b.go', ['pkg/x_test.go']]]);
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
    ['test/DefaultMapTest.java', 'src/Map.java', false],
  ] as const) {
    it(`${test} ${expected ? 'tests' : 'does not test'} ${source}`, () => assert.equal(qualifies(test, source), expected));
  }

  it('prefers a source with the very stem of the test to one it qualifies', () => {
    const matched = new Map<string, string[]>([['pkg/legacy_parser.py', []], ['pkg/parser.py', []]]);
    assert.deepEqual([...coChangedTests(matched, ['tests/test_legacy_parser.py'], isTestNamed)], [['pkg/legacy_parser.py', ['tests/test_legacy_parser.py']]]);
  });

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

describe('a changed Go test named after its package', () => {
  const none = new Set<string>();
  for (const [test, sources, expected] of [
    ['cobra_test.go', ['command.go', 'commander.go', 'doc/man.go'], ['command.go', 'commander.go']],
    ['pkg/store/store_test.go', ['pkg/store/a.go', 'pkg/store/b.go', 'pkg/other/c.go'], ['pkg/store/a.go', 'pkg/store/b.go']],
    // An entry point of the package is no source of its tests.
    ['cobra_test.go', ['command.go', 'main.go'], ['command.go']],
    // Named after a file, not the folder: no package-wide test.
    ['cobra/cmd/add_test.go', ['cobra/cmd/init.go', 'cobra/cmd/root.go'], []],
    // Not one lowercase word: no package name.
    ['custom_completions_test.go', ['fish_completions.go'], []],
    ['pkg/store/store_test.py', ['pkg/store/a.py'], []],
  ] as const) {
    it(`${test} counts for ${expected.join(', ') || 'nothing'}`, () => assert.deepEqual(goPackageTestOwners(test, sources, none), expected));
  }

  it('counts for a covered source too, when no changed source claims the test', () => {
    const matched = new Map([['command.go', ['command_test.go']], ['commander.go', []]]);
    const out = coChangedTests(matched, ['cobra_test.go', 'command_test.go'], isTestNamed);
    assert.deepEqual([...out].sort(), [['command.go', ['cobra_test.go']], ['commander.go', ['cobra_test.go']]]);
  });

  it('leaves a package test that a changed source claims to that source', () => {
    const matched = new Map([['store.go', ['store_test.go']], ['other.go', []]]);
    assert.deepEqual([...coChangedTests(matched, ['store_test.go'], isTestNamed)], []);
  });
});
