import assert from 'node:assert/strict';
import { createClassifier, isTestFolder, isTestNamed, TEST_NAME } from '../../../../src/core/testMatching/classify';

/**
 * The built-in test rule without its shortcuts (the name and folder
 * pre-filters, the memo of the last folder): a test name, or a test folder
 * anywhere above the file.
 */
function referenceIsTest(path: string): boolean {
  const segments = path.split('/');
  const base = segments.pop() as string;
  return TEST_NAME.some((re) => re.test(base)) || segments.some(isTestFolder);
}

const DIRS = [
  '', 'src/', 'src/app/', 'test/', 'tests/unit/', '__tests__/', 'spec/', 'src/test/java/com/acme/', 'Foo.Tests/', 'Foo.UnitTests/',
  'androidTest/java/', 'e2e/', 'fixtures/', '__mocks__/', 'testdata/', 'test-data/', 'Foo.Specs/', 'contest/', 'latest/', 'IT/',
  'Tests/', 'TESTS/', 'specs/x/', 'lib/testing/', 'pkg/testsuite/', 'a.test/', 'src/test/', 'src/tests.d/',
];
const FILES = [
  'foo.ts', 'foo.test.ts', 'foo.spec.tsx', 'foo.e2e.ts', 'x.test.e2e.ts', 'foo_test.go', 'foo_test.py', 'foo_tests.py', 'test_foo.py',
  'TEST_FOO.PY', 'conftest.py', 'Conftest.py', 'FooTest.java', 'FooTests.cs', 'FooIT.java', 'FooIT.kt', 'FooSpec.groovy',
  'FooTestCase.php', 'TestFoo.java', 'Testing.java', 'FooIT.mjs', 'foo_spec.rb', 'test_foo.rb', 'foo_test.rs', 'commit.ts',
  'unit.py', 'latest.ts', 'Contest.java', 'Spec.ts', 'aSpec.swift', 'e2e.ts', 'foo.it.ts', 'a.IT.ts', 'README.md', 'Makefile',
  '.test', 'data.json', 'x_spec.cpp', 'xTest.m', 'IT.java', 'foo_test.GO',
];

describe('the classifier shortcuts keep the built-in test rule', () => {
  const paths = DIRS.flatMap((dir) => FILES.map((file) => `${dir}${file}`));

  it('agrees with the plain rule on every path, in tree order', () => {
    const classifier = createClassifier();
    for (const path of [...paths].sort()) assert.equal(classifier.isTest(path), referenceIsTest(path), path);
  });

  it('agrees in any order (the folder memo is only a shortcut)', () => {
    const classifier = createClassifier();
    const shuffled = paths.map((path, i) => ({ path, key: (i * 7919) % paths.length })).sort((a, b) => a.key - b.key);
    for (const { path } of shuffled) assert.equal(classifier.isTest(path), referenceIsTest(path), path);
  });

  it('tells a folder with the last folder as a prefix apart from it', () => {
    const classifier = createClassifier();
    assert.equal(classifier.isTest('src/a.ts'), false);
    assert.equal(classifier.isTest('src/test/a.ts'), true);
    assert.equal(classifier.isTest('src/test/x/a.ts'), true);
    assert.equal(classifier.isTest('src/testx/a.ts'), false);
    assert.equal(classifier.isTest('a.ts'), false);
    assert.equal(classifier.isTest('test/a.ts'), true);
    assert.equal(classifier.isTest('a_test.go'), true);
  });

  it('names tests by the file name alone, whatever folder holds it', () => {
    for (const path of paths) assert.equal(isTestNamed(path), isTestNamed(path.slice(path.lastIndexOf('/') + 1)), path);
    assert.deepEqual(['src/foo.test.ts', 'tests/helpers.py', 'Contest.java', 'a/FooIT.java'].map(isTestNamed), [true, false, false, true]);
    assert.equal(createClassifier().isTest('tests/helpers.py'), true);
  });
});
