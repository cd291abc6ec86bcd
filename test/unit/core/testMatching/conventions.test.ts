import assert from 'node:assert/strict';
import { TestMatcher } from '../../../../src/core/testMatching/pairTests';
import { normaliseStem } from '../../../../src/core/testMatching/stem';
import { TestIndex } from '../../../../src/core/testMatching/testIndex';

/** [convention, source, tests that must pair, test-looking files that must not]. */
const PAIRS: [string, string, string[], string[]][] = [
  ['typescript', 'src/util/x.ts', ['src/util/x.test.ts'], ['src/util/y.test.ts']],
  ['typescript', 'src/util/x.ts', ['src/util/x.spec.ts'], ['src/other/x.spec.ts']],
  ['typescript', 'src/util/x.ts', ['src/util/__tests__/x.ts'], []],
  // A "*" in a name stays within one folder name.
  ['typescript', 'src/util/x.ts', ['src/util/x.e2e.test.ts'], ['src/util/x.d/x.test.ts']],
  ['typescript', 'src/ui/Button.tsx', ['src/ui/button.test.tsx'], []],
  ['typescript', 'src/core/policy/schema.ts', ['test/core/policy/schema.test.ts'], []],
  ['typescript', 'lib/parse.js', ['test/parse.js'], ['test/parser.js']],
  ['typescript', 'packages/p/src/transforms/vFor.ts', ['packages/p/__tests__/transforms/vFor.spec.ts'], ['packages/q/__tests__/transforms/vFor.spec.ts']],
  ['typescript', 'src/components/Button.vue', ['src/components/Button.spec.ts'], []],
  ['typescript-family', 'packages/p/src/renderer.ts', ['packages/p/__tests__/rendererChildren.spec.ts'], ['packages/q/__tests__/rendererChildren.spec.ts']],
  ['python', 'requests/models.py', ['tests/test_models.py'], ['tests/test_modelsx.py']],
  ['python', 'pkg/models.py', ['pkg/models_test.py'], []],
  ['python', 'pkg/models.py', ['pkg/test_models.py'], []],
  ['python', 'src/pkg/sub/models.py', ['tests/sub/test_models.py'], []],
  ['python-package', 'requests/sessions.py', ['tests/test_requests.py'], []],
  ['go', 'cmd/add.go', ['cmd/add_test.go'], ['add_test.go', 'other/add_test.go']],
  ['java', 'core/src/main/java/a/b/Gson.java', ['core/src/test/java/a/b/GsonTest.java'], ['other/src/test/java/a/b/GsonTest.java']],
  ['java', 'src/main/java/a/B.java', ['src/test/java/a/BTests.java', 'src/test/java/a/BIT.java'], []],
  ['java', 'src/main/kotlin/a/B.kt', ['src/test/kotlin/a/BTest.kt'], []],
  ['java', 'src/main/java/a/B.java', ['src/test/kotlin/a/BTest.kt'], []],
  ['ruby', 'lib/gem/strategy/stub.rb', ['spec/gem/strategy/stub_spec.rb'], ['spec/support/stub.rb']],
  ['ruby', 'lib/gem/strategy/stub.rb', ['spec/features/stub_spec.rb'], ['spec/support/stub.rb']],
  ['ruby', 'lib/gem/factory.rb', ['test/factory_test.rb'], []],
  ['ruby', 'lib/gem/attribute/dynamic.rb', ['test/dynamic_attribute_test.rb'], []],
  ['ruby', 'app/models/user.rb', ['spec/models/user_spec.rb'], []],
  ['ruby', 'lib/gem/file_list.rb', ['test/test_gem_file_list.rb'], ['test/test_other_file_list.rb', 'test/test_gem_file_lists.rb']],
  ['csharp', 'src/Acme/Billing/Invoice.cs', ['tests/Acme.Tests/Billing/InvoiceTests.cs'], ['tests/Acme.Tests/Billing/ReceiptTests.cs']],
  ['csharp', 'src/Acme/Invoice.cs', ['src/Acme.Tests/InvoiceTester.cs'], ['src/Acme.Tests/ReceiptTester.cs', 'src/Acme/InvoiceTester.cs']],
  ['rust', 'src/parser.rs', ['tests/parser.rs'], ['tests/lexer.rs']],
  ['rust', 'src/parser.rs', ['src/parser_test.rs'], ['src/lexer_test.rs']],
  ['php', 'src/Billing/Invoice.php', ['tests/Billing/InvoiceTest.php'], ['tests/Billing/ReceiptTest.php']],
];

describe('built-in conventions', () => {
  for (const [convention, source, tests, others] of PAIRS) {
    it(`${convention}: ${source} pairs with ${tests.join(', ')}`, () => {
      const matcher = new TestMatcher(new TestIndex([...tests, ...others]));
      const found = matcher.find(source);
      assert.deepEqual(found.tests, [...tests].sort());
      assert.equal(found.convention, convention);
    });
  }

  it('lets a policy convention pair files the built-in ones would not, and names it first', () => {
    const matcher = new TestMatcher(new TestIndex(['qa/checkout.behaviour.ts', 'src/shop/checkout.test.ts']), {
      conventions: [{ id: 'team', sources: ['src/**/*.ts'], tests: ['qa/{name}.behaviour.ts'] }],
    });
    assert.deepEqual(matcher.find('src/shop/checkout.ts'), { tests: ['qa/checkout.behaviour.ts', 'src/shop/checkout.test.ts'], convention: 'team' });
  });

  it('reads an inherited name such as {toString} in a policy template as literal text, not a variable', () => {
    const matcher = new TestMatcher(new TestIndex(['qa/{toString}.test.ts', 'qa/x.test.ts']), {
      builtIn: false,
      conventions: [{ id: 'odd', sources: ['**/*.ts'], tests: ['qa/{toString}.test.ts', 'qa/{constructor}.test.ts'] }],
    });
    assert.deepEqual(matcher.find('src/x.ts'), { tests: ['qa/{toString}.test.ts'], convention: 'odd' });
  });

  it('never pairs a source with itself', () => {
    const matcher = new TestMatcher(new TestIndex(['src/x.ts']), { conventions: [{ id: 'same', sources: ['**/*.ts'], tests: ['{dir}/{name}.{ext}'] }] });
    assert.deepEqual(matcher.find('src/x.ts'), { tests: [] });
  });

  it('uses no built-in convention when the policy turns them off', () => {
    const matcher = new TestMatcher(new TestIndex(['src/x.test.ts']), { builtIn: false });
    assert.deepEqual(matcher.find('src/x.ts').tests, []);
  });

  it('tries a fallback convention only when nothing else matched', () => {
    const matcher = new TestMatcher(new TestIndex(['p/__tests__/renderer.spec.ts', 'p/__tests__/rendererChildren.spec.ts']));
    assert.deepEqual(matcher.find('p/src/renderer.ts').tests, ['p/__tests__/renderer.spec.ts']);
  });

  it('leaves out fallback tests named after another source, but not the source\'s own', () => {
    const family = { id: 'family', fallback: true, sources: ['**/*.ts'], tests: ['{root}/**/__tests__/**/{name}*.spec.{ext}'] };
    const index = new TestIndex(['p/__tests__/renderer.spec.ts', 'p/__tests__/rendererList.spec.ts', 'p/__tests__/rendererHooks.spec.ts']);
    const matcher = new TestMatcher(index, { builtIn: false, conventions: [family], hasSourceStem: (stem) => stem === 'renderer' || stem === 'rendererlist' });
    assert.deepEqual(matcher.find('p/src/renderer.ts'), { tests: ['p/__tests__/renderer.spec.ts', 'p/__tests__/rendererHooks.spec.ts'], convention: 'family' });
  });
});

describe('suggested test paths', () => {
  const cases: [string, string[], string][] = [
    ['src/util/x.ts', [], 'src/util/x.test.ts'],
    ['src/components/Button.vue', [], 'src/components/Button.test.ts'],
    ['src/core/ticket.ts', ['test/unit/core/other.test.ts'], 'test/unit/core/ticket.test.ts'],
    // A folder no template reaches is no place for it, though it ends in core/.
    ['src/core/ticket.ts', ['lib/core/other.test.ts'], 'src/core/ticket.test.ts'],
    ['packages/p/src/a/vFor.ts', ['packages/p/__tests__/b.spec.ts'], 'packages/p/__tests__/vFor.spec.ts'],
    ['requests/models.py', ['tests/test_api.py'], 'tests/test_models.py'],
    // A fallback's shared module (Django's tests.py) is never proposed as a new file.
    ['shop/models.py', ['shop/tests.py'], 'tests/test_models.py'],
    ['cmd/add.go', [], 'cmd/add_test.go'],
    ['gson/src/main/java/a/b/Gson.java', [], 'gson/src/test/java/a/b/GsonTest.java'],
    ['lib/gem/strategy/stub.rb', [], 'spec/gem/strategy/stub_spec.rb'],
    ['src/Acme/Billing/Invoice.cs', [], 'test/Acme.Tests/InvoiceTests.cs'],
    ['src/parser.rs', [], 'tests/parser.rs'],
    ['src/Billing/Invoice.php', [], 'tests/Billing/InvoiceTest.php'],
  ];
  for (const [source, existing, expected] of cases) {
    it(`${source} → ${expected}`, () => {
      assert.equal(new TestMatcher(new TestIndex(existing)).suggest(source)?.path, expected);
    });
  }
});

describe('normaliseStem', () => {
  const table: [string, string][] = [
    ['foo.ts', 'foo'],
    ['foo.test.ts', 'foo'],
    ['foo.spec.tsx', 'foo'],
    ['test_foo_bar.py', 'foobar'],
    ['foo_test.go', 'foo'],
    ['FooTest.java', 'foo'],
    ['FooTests.cs', 'foo'],
    ['FooIT.java', 'foo'],
    ['foo_spec.rb', 'foo'],
    ['Contest.java', 'contest'],
    ['latest.py', 'latest'],
  ];
  for (const [name, stem] of table) it(`${name} → ${stem}`, () => assert.equal(normaliseStem(name), stem));
});

describe('more built-in layouts', () => {
  const cases: [string, string[], string[]][] = [
    ['src/user.ts', ['src/user.unit.test.ts', 'src/user.e2e-spec.ts'], ['src/user.bench.ts']],
    ['index.js', ['test.js'], []],
    ['shop/models.py', ['shop/tests.py'], []],
    ['src/Acme/Invoice.cs', ['tests/Acme.UnitTests/InvoiceTests.cs', 'Acme.Test/InvoiceTest.cs'], []],
    ['lib/parser.js', ['spec/parserSpec.js'], []],
  ];
  for (const [source, tests, others] of cases) {
    it(`${source} pairs with ${tests.join(', ')}`, () => {
      assert.deepEqual(new TestMatcher(new TestIndex([...tests, ...others])).find(source).tests, [...tests].sort());
    });
  }
});
