import assert from 'node:assert/strict';
import { normalisePathStem, normaliseStem } from '../../../../src/core/testMatching/stem';

/**
 * The specification normaliseStem's hand-written fast path must keep: the
 * chain of regular expressions it replaced, verbatim.
 */
function referenceStem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  let name = dot > 0 ? fileName.slice(0, dot) : fileName;
  if (name.includes('.')) {
    let previous = '';
    while (previous !== name) {
      previous = name;
      name = name.replace(/\.(test|tests|spec|specs|e2e|unit|integration|it)$/i, '');
    }
  }
  name = name
    .replace(/^(tests?|spec)[_-]/i, '')
    .replace(/[_-](tests?|specs?)$/i, '')
    .replace(/(?<=[a-z0-9])(Tests?|IT|Spec|TestCase)$/, '')
    .replace(/^Test(?=[A-Z])/, '');
  return name.replace(/[_\-.\s]/g, '').toLowerCase();
}

const NAMES = [
  // One per convention.
  'FooTest.java', 'FooTests.cs', 'FooIT.java', 'FooSpec.groovy', 'FooTestCase.php', 'TestFoo.java', 'TestFooBar.kt',
  'foo_test.go', 'foo_tests.py', 'test_foo.py', 'tests_foo.py', 'test-foo.js', 'spec_foo.rb', 'foo_spec.rb', 'foo-specs.js',
  'foo.spec.ts', 'foo.test.tsx', 'foo.tests.js', 'foo.specs.js', 'foo.e2e.ts', 'foo.unit.ts', 'foo.integration.ts', 'foo.it.ts',
  'x.test.e2e.ts', 'x.unit.test.ts', 'x.e2e-spec.ts', 'Foo.Tests', 'Foo.UnitTests.csproj', 'conftest.py', 'foo.bench.ts',
  // Case.
  'FOO_TEST.GO', 'Foo.Spec.TS', 'foo.TEST.ts', 'TEST_FOO.PY', 'FooTEST.java', 'fooTest.java', 'FooTest', 'footest.java',
  'Test.java', 'Tests.cs', 'IT.java', 'Spec.js', 'TestCase.php', 'Testing.java', 'TestA.java', 'Testa.java', 'TestIT.java',
  'XIT.java', 'xIT.java', '9IT.java', 'aTestCase.swift', 'ATestCase.swift', 'ContestTest.java', 'latest.py', 'Contest.java',
  // Dots, dashes, underscores, spaces.
  'foo.bar.ts', 'foo.bar.spec.ts', 'foo-bar_baz.ts', 'foo bar.spec.ts', 'foo\tbar.ts', 'foo\u00a0bar.ts', 'foo_.ts', '_foo.ts',
  'foo-.ts', '-foo.ts', 'foo__test.go', 'foo_test_test.go', 'test_test.py', 'test_.py', 'spec-.rb', 'tests-.js', 'tests_test.py',
  'a.b.c.d', 'a..b', 'a..test', 'x.test.test.ts', 'x.spec.e2e.unit.ts', 'x.it', 'x.IT', 'x.Integration.js', 'x.integrations.js',
  // No extension, dotfiles, odd shapes.
  'Makefile', 'foo', 'FooTest', 'foo_test', '.eslintrc', '.test', '.test.ts', '.spec.js', '..', '.', '', 'a', 'A', '_', '-',
  'é_test.go', 'Éclair.java', 'İTest.java', 'ſpec_foo.rb', 'K_test.go', 'naïve.spec.ts', '数据_test.go',
];

describe('normaliseStem matches the reference chain of regular expressions', () => {
  for (const name of NAMES) {
    it(JSON.stringify(name), () => assert.equal(normaliseStem(name), referenceStem(name)));
  }

  it('agrees on names built from marks, separators and letters', () => {
    const parts = ['test', 'Test', 'TESTS', 'spec', 'Specs', 'e2e', 'unit', 'it', 'IT', 'Case', '_', '-', '.', ' ', 'foo', 'X', '1', 'ts'];
    let checked = 0;
    for (const a of parts) {
      for (const b of parts) {
        for (const c of parts) {
          const name = `${a}${b}${c}`;
          assert.equal(normaliseStem(name), referenceStem(name), JSON.stringify(name));
          checked++;
        }
      }
    }
    assert.equal(checked, parts.length ** 3);
  });
});

describe('normalisePathStem', () => {
  for (const dir of ['', 'src/', 'a.test/', 'test_/', 'Test.Foo/', '.e2e/', 'x/y.spec/']) {
    it(`is normaliseStem of the file name below ${JSON.stringify(dir)}`, () => {
      for (const name of NAMES) assert.equal(normalisePathStem(`${dir}${name}`), referenceStem(name), `${dir}${name}`);
    });
  }
});
