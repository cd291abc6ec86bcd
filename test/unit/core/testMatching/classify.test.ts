import assert from 'node:assert/strict';
import { createClassifier } from '../../../../src/core/testMatching/classify';
import type { PathKind } from '../../../../src/core/testMatching/types';

const TABLE: [string, PathKind][] = [
  // sources
  ['src/app.ts', 'source'],
  ['packages/runtime-core/src/renderer.ts', 'source'],
  ['requests/models.py', 'source'],
  ['command.go', 'source'],
  ['doc/man_docs.go', 'source'],
  ['gson/src/main/java/com/google/gson/Gson.java', 'source'],
  ['src/main/java/com/acme/tools/Hammer.java', 'source'],
  ['lib/factory_bot/strategy/stub.rb', 'source'],
  ['src/Acme/Billing/Invoice.cs', 'source'],
  ['src/lib.rs', 'source'],
  ['src/components/Button.vue', 'source'],
  // tests
  ['src/app.test.ts', 'test'],
  ['src/app.spec.tsx', 'test'],
  ['packages/p/__tests__/x.spec.ts', 'test'],
  ['packages/p/__tests__/helpers.ts', 'test'],
  ['tests/test_models.py', 'test'],
  ['requests/models_test.py', 'test'],
  ['tests/conftest.py', 'test'],
  ['command_test.go', 'test'],
  ['gson/src/test/java/com/google/gson/GsonTest.java', 'test'],
  ['src/test/java/a/BIT.java', 'test'],
  ['src/test/kotlin/a/BTests.kt', 'test'],
  ['spec/factory_bot/strategy/stub_spec.rb', 'test'],
  ['test/factory_test.rb', 'test'],
  ['tests/Acme.Billing.Tests/InvoiceTests.cs', 'test'],
  ['src/androidTest/java/a/BTest.java', 'test'],
  ['tests/integration.rs', 'test'],
  ['cobra/cmd/testdata/root.go.golden', 'test'],
  // other
  ['README.md', 'other'],
  ['package-lock.json', 'other'],
  ['yarn.lock', 'other'],
  ['assets/logo.png', 'other'],
  ['.github/workflows/ci.yml', 'other'],
  ['.eslintrc.cjs', 'other'],
  ['setup.py', 'other'],
  ['docs/conf.py', 'other'],
  ['rollup.config.js', 'other'],
  ['packages/vue/vite.config.mts', 'other'],
  ['src/types/global.d.ts', 'other'],
  ['examples/basic/main.ts', 'other'],
  ['scripts/release.js', 'other'],
  ['packages/compiler-sfc/benchmarks/parse.ts', 'other'],
  ['vendor/lib/thing.go', 'other'],
  ['third_party/x/y.py', 'other'],
  ['src/requests/__version__.py', 'other'],
  ['lib/factory_bot/version.rb', 'other'],
  ['Properties/AssemblyInfo.cs', 'other'],
  ['api/v1/service.pb.go', 'other'],
  ['Gemfile', 'other'],
  ['build.gradle.kts', 'other'],
];

describe('createClassifier', () => {
  const classifier = createClassifier();
  for (const [path, kind] of TABLE) {
    it(`classifies ${path} as ${kind}`, () => {
      assert.equal(classifier.kind(path), kind);
    });
  }

  it('lets the policy add test and other globs', () => {
    const custom = createClassifier({ testGlobs: ['qa/**/*.ts'], otherGlobs: ['src/generated/**'] });
    assert.equal(custom.kind('qa/checkout.ts'), 'test');
    assert.equal(custom.kind('src/generated/api.ts'), 'other');
    assert.equal(custom.isTest('src/generated/api.test.ts'), false);
    assert.equal(custom.kind('src/app.ts'), 'source');
  });
});
