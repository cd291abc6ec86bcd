import assert from 'node:assert/strict';
import { defaultPolicy } from '../../../../src/core/policy/schema';
import { checkTests, suggestTestFor, type ChangedFile, type TestPolicy } from '../../../../src/core/testMatching/checkTests';
import { testSkeleton } from '../../../../src/core/testMatching/skeleton';

const TREE = ['README.md', 'src/a.ts', 'src/a.test.ts', 'src/b.ts', 'src/b.test.ts', 'src/c.ts', 'src/gen/api.ts', 'src/lib.rs'];

function run(changes: ChangedFile[], policy: Partial<TestPolicy> = {}, inline: string[] = []) {
  return checkTests({ base: 'origin/main', changes, tree: TREE, inlineTests: new Set(inline), policy: { ...defaultPolicy().tests, ...policy } });
}

describe('checkTests', () => {
  it('gives covered, stale and missing verdicts', () => {
    const result = run([
      { path: 'src/a.ts', status: 'modified' },
      { path: 'src/a.test.ts', status: 'modified' },
      { path: 'src/b.ts', status: 'modified' },
      { path: 'src/c.ts', status: 'modified' },
      { path: 'README.md', status: 'modified' },
    ]);
    assert.deepEqual(
      result.sources.map((s) => [s.path, s.verdict, s.tests]),
      [
        ['src/a.ts', 'covered', ['src/a.test.ts']],
        ['src/b.ts', 'stale', ['src/b.test.ts']],
        ['src/c.ts', 'missing', []],
      ],
    );
    assert.equal(result.sources[2]?.suggestedTest, 'src/c.test.ts');
    assert.deepEqual(result.counts, { covered: 1, stale: 1, missing: 1, exempt: 0 });
    assert.deepEqual(result.changedTests, ['src/a.test.ts']);
    assert.deepEqual(result.changedOther, ['README.md']);
    assert.equal(result.base, 'origin/main');
  });

  it('counts an untracked new test and ignores a deleted one', () => {
    const covered = run([
      { path: 'src/c.ts', status: 'modified' },
      { path: 'src/c.test.ts', status: 'untracked' },
    ]);
    assert.equal(covered.sources[0]?.verdict, 'covered');
    const deleted = run([
      { path: 'src/b.ts', status: 'modified' },
      { path: 'src/b.test.ts', status: 'deleted' },
    ]);
    assert.equal(deleted.sources[0]?.verdict, 'missing');
    assert.deepEqual(deleted.changedTests, []);
  });

  it('judges a renamed source under its new path and skips deleted sources', () => {
    const result = run([
      { path: 'src/d.ts', status: 'renamed', oldPath: 'src/b.ts' },
      { path: 'src/a.ts', status: 'deleted' },
    ]);
    assert.deepEqual(result.sources.map((s) => [s.path, s.verdict]), [['src/d.ts', 'missing']]);
  });

  it('marks exempt sources and honours other globs', () => {
    const result = run(
      [
        { path: 'src/c.ts', status: 'modified' },
        { path: 'src/gen/api.ts', status: 'modified' },
      ],
      { exempt: ['src/c.ts'], otherGlobs: ['src/gen/**'] },
    );
    assert.deepEqual(result.sources.map((s) => [s.path, s.verdict]), [['src/c.ts', 'exempt']]);
    assert.deepEqual(result.changedOther, ['src/gen/api.ts']);
    assert.equal(result.counts.exempt, 1);
  });

  it('covers a Rust file with an inline test module', () => {
    const result = run([{ path: 'src/lib.rs', status: 'modified' }], {}, ['src/lib.rs']);
    assert.equal(result.sources[0]?.verdict, 'covered');
    assert.equal(result.sources[0]?.convention, 'rust-inline');
    assert.equal(run([{ path: 'src/lib.rs', status: 'modified' }]).sources[0]?.verdict, 'missing');
  });

  it('pairs a changed test of the same package when it is unambiguous', () => {
    const tree = ['pkg/command.go', 'pkg/command_test.go', 'pkg/cobra_test.go'];
    const result = checkTests({
      base: 'main',
      changes: [
        { path: 'pkg/command.go', status: 'modified' },
        { path: 'pkg/cobra_test.go', status: 'modified' },
      ],
      tree,
      policy: defaultPolicy().tests,
    });
    assert.deepEqual(result.sources[0]?.tests, ['pkg/cobra_test.go', 'pkg/command_test.go']);
    assert.equal(result.sources[0]?.verdict, 'covered');
  });
});

describe('checkTests family fallback', () => {
  it('leaves out family tests that belong to a source of their own', () => {
    const tree = ['p/src/renderer.ts', 'p/src/rendererTemplateRef.ts', 'p/__tests__/rendererChildren.spec.ts', 'p/__tests__/rendererTemplateRef.spec.ts'];
    const result = checkTests({ base: 'main', changes: [{ path: 'p/src/renderer.ts', status: 'modified' }], tree, policy: defaultPolicy().tests });
    assert.deepEqual(result.sources[0]?.tests, ['p/__tests__/rendererChildren.spec.ts']);
    assert.equal(result.sources[0]?.convention, 'typescript-family');
  });

  it('gives "Create Test File" the same tests as the check', () => {
    const tree = ['p/src/renderer.ts', 'p/src/rendererTemplateRef.ts', 'p/__tests__/rendererChildren.spec.ts', 'p/__tests__/rendererTemplateRef.spec.ts'];
    assert.deepEqual(suggestTestFor('p/src/renderer.ts', tree, defaultPolicy().tests).tests, ['p/__tests__/rendererChildren.spec.ts']);
  });
});

describe('testSkeleton', () => {
  const cases: [string, string, RegExp][] = [
    ['src/util/x.test.ts', 'src/util/x.ts', /import \* as subject from '\.\/x';[\s\S]*describe\('x'/],
    ['test/unit/core/x.test.ts', 'src/core/x.ts', /from '\.\.\/\.\.\/\.\.\/src\/core\/x'/],
    ['tests/test_models.py', 'requests/models.py', /def test_models\(\):/],
    ['cmd/add_test.go', 'cmd/add.go', /^package cmd\n[\s\S]*func TestAdd\(t \*testing\.T\)/m],
    ['core/src/test/java/a/b/GsonTest.java', 'core/src/main/java/a/b/Gson.java', /^package a\.b;[\s\S]*class GsonTest \{[\s\S]*@Test/m],
    ['src/test/kotlin/a/BTest.kt', 'src/main/kotlin/a/B.kt', /^package a\n[\s\S]*class BTest/m],
    ['spec/gem/stub_spec.rb', 'lib/gem/stub.rb', /RSpec\.describe "stub" do/],
    ['tests/Acme.Tests/InvoiceTests.cs', 'src/Acme/Invoice.cs', /using Xunit;[\s\S]*public class InvoiceTests[\s\S]*\[Fact\]/],
    ['tests/parser.rs', 'src/parser.rs', /^#\[test\]\nfn parser_is_tested\(\)/m],
    ['src/parser/tests.rs', 'src/parser.rs', /#\[cfg\(test\)\]\nmod tests \{[\s\S]*#\[test\]/],
  ];
  for (const [testPath, source, pattern] of cases) {
    it(`writes a skeleton for ${testPath}`, () => assert.match(testSkeleton(testPath, source), pattern));
  }
});
