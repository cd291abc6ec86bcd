import { strict as assert } from 'node:assert';
import { createClassifier } from '../../../../src/core/testMatching/classify';
import { STUB_MARKER, isUnwrittenStub, testSkeleton } from '../../../../src/core/testMatching/skeleton';
import { MAX_RUNNER_CONFIG_FILES, detectRunner, nearestTest, runnerConfigFiles, type TestRunner } from '../../../../src/core/testMatching/testRunner';

const isTest = createClassifier().isTest;

/** Runs detection the way the adapter does: ask for files, read them from `texts`. */
function detect(testPath: string, files: string[], texts: Record<string, string> = {}): TestRunner | undefined {
  const asked = runnerConfigFiles(testPath, files, isTest);
  const configs = new Map(asked.filter((p) => Object.hasOwn(texts, p)).map((p) => [p, texts[p] as string]));
  return detectRunner(testPath, { files, configs }, isTest)?.runner;
}

const pkg = (body: object): string => JSON.stringify(body);

describe('detectRunner', () => {
  // One row per runner: the repository's own files, the runner they name.
  const cases: [TestRunner, string, string[], Record<string, string>][] = [
    ['mocha', 'test/a.test.ts', ['package.json', 'src/a.ts'], { 'package.json': pkg({ scripts: { test: 'mocha' } }) }],
    ['jest', 'src/a.test.ts', ['package.json', 'src/a.ts'], { 'package.json': pkg({ devDependencies: { jest: '^29' } }) }],
    ['vitest', 'src/a.test.ts', ['vitest.config.ts', 'package.json', 'src/a.ts'], { 'package.json': pkg({ devDependencies: { jest: '^29' } }) }],
    ['node:test', 'test/a.test.mjs', ['package.json', 'src/a.mjs'], { 'package.json': pkg({ scripts: { test: 'node --test test/' } }) }],
    ['pytest', 'tests/test_a.py', ['pyproject.toml', 'a.py'], { 'pyproject.toml': '[tool.pytest.ini_options]\naddopts = "-q"\n' }],
    ['unittest', 'tests/test_b.py', ['a.py', 'b.py', 'tests/test_a.py'], { 'tests/test_a.py': 'import unittest\n\nclass TestA(unittest.TestCase):\n    pass\n' }],
    ['go', 'pkg/a_test.go', ['go.mod', 'pkg/a.go'], {}],
    ['junit4', 'src/test/java/a/BTest.java', ['pom.xml', 'src/main/java/a/B.java'], { 'pom.xml': '<dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13</version></dependency>' }],
    ['junit5', 'src/test/java/a/BTest.java', ['build.gradle.kts', 'src/main/java/a/B.java'], { 'build.gradle.kts': 'testImplementation("org.junit.jupiter:junit-jupiter:5.10.0")\ntasks.test { useJUnitPlatform() }' }],
    ['rspec', 'spec/a_spec.rb', ['Gemfile', 'lib/a.rb'], { Gemfile: 'gem "minitest"' }],
    ['minitest', 'test/a_test.rb', ['Gemfile', 'lib/a.rb', 'test/test_helper.rb'], {}],
    ['xunit', 'tests/Acme.Tests/InvoiceTests.cs', ['tests/Acme.Tests/Acme.Tests.csproj', 'src/Acme/Invoice.cs'], { 'tests/Acme.Tests/Acme.Tests.csproj': '<PackageReference Include="xunit" Version="2.6.0" />' }],
    ['nunit', 'tests/Acme.Tests/InvoiceTests.cs', ['tests/Acme.Tests/Acme.Tests.csproj', 'src/Acme/Invoice.cs'], { 'tests/Acme.Tests/Acme.Tests.csproj': '<PackageReference Include="NUnit" Version="3.14.0" />' }],
    ['cargo', 'tests/parser.rs', ['Cargo.toml', 'src/parser.rs'], {}],
  ];
  for (const [runner, testPath, files, texts] of cases) {
    it(`finds ${runner} for ${testPath}`, () => assert.equal(detect(testPath, files, texts), runner));
  }

  it('follows the nearest existing test when no config names a runner', () => {
    const files = ['package.json', 'src/a.ts', 'src/b.ts', 'test/a.test.ts', 'other/x.test.ts'];
    const texts = { 'package.json': pkg({ name: 'x' }), 'test/a.test.ts': "import { expect } from 'chai';\n\ndescribe('a', () => {});\n", 'other/x.test.ts': "import { it } from 'vitest';\n" };
    assert.equal(detect('test/b.test.ts', files, texts), 'mocha');
    assert.equal(nearestTest('test/b.test.ts', files, isTest), 'test/a.test.ts');
  });

  it("prefers a package's own config to the root's (monorepo)", () => {
    const files = ['package.json', 'packages/web/package.json', 'packages/web/src/a.ts'];
    const texts = { 'package.json': pkg({ devDependencies: { mocha: '1' } }), 'packages/web/package.json': pkg({ devDependencies: { vitest: '1' } }) };
    assert.equal(detect('packages/web/src/a.test.ts', files, texts), 'vitest');
    assert.equal(detect('packages/api/src/a.test.ts', files, texts), 'mocha');
  });

  it('falls back to the usual runner, and survives a broken or hostile package.json', () => {
    assert.equal(detect('test/a.test.ts', ['package.json'], { 'package.json': '{"devDependencies": ' }), 'node:test');
    assert.equal(detect('test/a.test.ts', ['package.json'], { 'package.json': '{"__proto__": {"mocha": 1}, "scripts": []}' }), 'node:test');
    assert.equal(detectRunner('README.md', { files: [], configs: new Map() }, isTest), undefined);
  });

  it('asks for a bounded number of files', () => {
    const files = ['a/b/c/d/e.cs', ...Array.from({ length: 50 }, (_, i) => `a/b/P${i}.csproj`)];
    assert.ok(runnerConfigFiles('a/b/c/d/eTests.cs', files, isTest).length <= MAX_RUNNER_CONFIG_FILES);
  });

  it('stays linear on a large tree and hostile config text', function () {
    this.timeout(20_000);
    const files = Array.from({ length: 100_000 }, (_, i) => `pkg${i % 100}/src/f${i}.test.ts`);
    const hostile = 'expect('.repeat(40_000) + '\n'.repeat(40_000) + ' describe '.repeat(20_000);
    const started = Date.now();
    const configs = new Map([['package.json', hostile], ['pkg1/src/f1.test.ts', hostile]]);
    detectRunner('pkg1/src/new.test.ts', { files: [...files, 'package.json'], configs }, isTest);
    detectRunner('lib/new_spec2.rb', { files: ['lib/x_test.rb'], configs: new Map([['lib/x_test.rb', hostile]]) }, isTest);
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
  });
});

describe('testSkeleton per runner', () => {
  const cases: [TestRunner, string, string, RegExp][] = [
    ['mocha', 'test/x.test.ts', 'src/x.ts', /import \{ strict as assert \} from 'node:assert';[\s\S]*describe\('x'[\s\S]*assert\.fail\(/],
    ['jest', 'src/x.test.ts', 'src/x.ts', /import \* as subject from '\.\/x';[\s\S]*expect\(subject\)\.toBeDefined\(\)/],
    ['vitest', 'src/x.test.ts', 'src/x.ts', /import \{ describe, expect, it \} from 'vitest';/],
    ['node:test', 'test/x.test.cjs', 'src/x.cjs', /const \{ describe, it \} = require\('node:test'\);[\s\S]*require\('\.\.\/src\/x'\)/],
    ['pytest', 'tests/test_models.py', 'pkg/models.py', /def test_models\(\):\n {4}assert False/],
    ['unittest', 'tests/test_models.py', 'pkg/models.py', /import unittest[\s\S]*class TestModels\(unittest\.TestCase\):[\s\S]*self\.fail\(/],
    ['go', 'cmd/add_test.go', 'cmd/add.go', /^package cmd$[\s\S]*func TestAdd\(t \*testing\.T\) \{\n\tt\.Fatal/m],
    ['junit4', 'src/test/java/a/BTest.java', 'src/main/java/a/B.java', /import static org\.junit\.Assert\.fail;[\s\S]*import org\.junit\.Test;[\s\S]*public class BTest/],
    ['junit5', 'src/test/java/a/BTest.java', 'src/main/java/a/B.java', /import org\.junit\.jupiter\.api\.Test;[\s\S]*\nclass BTest/],
    ['rspec', 'spec/stub_spec.rb', 'lib/stub.rb', /RSpec\.describe "stub" do/],
    ['minitest', 'test/invoice_test.rb', 'lib/invoice.rb', /require "minitest\/autorun"[\s\S]*class Testinvoice < Minitest::Test[\s\S]*flunk/],
    ['xunit', 'tests/InvoiceTests.cs', 'src/Invoice.cs', /using Xunit;[\s\S]*\[Fact\]/],
    ['nunit', 'tests/InvoiceTests.cs', 'src/Invoice.cs', /using NUnit\.Framework;[\s\S]*\[TestFixture\][\s\S]*\[Test\]/],
    ['cargo', 'tests/parser.rs', 'src/parser.rs', /^#\[test\]\nfn parser_is_tested\(\) \{\n {4}todo!/m],
  ];
  for (const [runner, testPath, source, pattern] of cases) {
    it(`writes a ${runner} stub that is marked as not yet written`, () => {
      const text = testSkeleton(testPath, source, runner);
      assert.match(text, pattern);
      assert.ok(text.includes(STUB_MARKER));
      assert.equal(isUnwrittenStub(text), true);
      // Deleting the marker line makes it a test.
      assert.equal(isUnwrittenStub(text.split('\n').filter((l) => !l.includes(STUB_MARKER)).join('\n')), false);
    });
  }

  it('keeps a hostile source path out of the string literals', () => {
    const text = testSkeleton('test/x.test.ts', "src/it's\"`${x}`.ts", 'mocha');
    assert.doesNotMatch(text, /assert\.fail\('[^']*'[^)]/);
  });

  it('does not take the marker inside a string or after the first lines for a stub', () => {
    assert.equal(isUnwrittenStub(`const s = "// ${STUB_MARKER}";\n`), false);
    assert.equal(isUnwrittenStub(`${'x'.repeat(5000)}\n// ${STUB_MARKER}\n`), false);
  });
});
