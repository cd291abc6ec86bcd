/**
 * Built-in test conventions, as data in the policy's own format: a team
 * adds its own in `tests.conventions` (tried before these). Templates are
 * resolved per source file; see template.ts for the placeholders.
 *
 * Order matters twice: within a convention the earlier templates are the
 * preferred place for a new test file; a `fallback` convention is only
 * tried when no other convention found a test.
 */
import type { TestConvention } from '../policy/schema';

/** A convention as written in a policy file (`fallback` may be left out). */
export type ConventionSpec = Omit<TestConvention, 'fallback'> & { fallback?: boolean };

const JS = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,vue,svelte}';

function variants(prefix: string, names: string[]): string[] {
  return names.map((n) => `${prefix}${n}`);
}

const JS_NAMES = ['{name}.test.{ext}', '{name}.spec.{ext}', '{name}.{ext}', '{name}.*test.{ext}', '{name}.*spec.{ext}'];

export const BUILT_IN_CONVENTIONS: readonly ConventionSpec[] = [
  {
    id: 'typescript',
    sources: [JS],
    tests: [
      '{dir}/{name}.test.{ext}',
      '{dir}/{name}.spec.{ext}',
      ...variants('{dir}/__tests__/', JS_NAMES),
      ...variants('{root}/**/__tests__/**/', JS_NAMES),
      ...variants('{root}/test/**/', JS_NAMES),
      ...variants('{root}/tests/**/', JS_NAMES),
      '{dir}/{name}.*test.{ext}',
      '{dir}/{name}.*spec.{ext}',
      '{root}/spec/**/{name}.spec.{ext}',
      '{root}/spec/**/{name}Spec.{ext}',
    ],
  },
  {
    // Test families named after the module (renderer.ts: rendererChildren.spec.ts).
    id: 'typescript-family',
    fallback: true,
    sources: [JS],
    tests: [
      '{root}/**/__tests__/**/{name}*.spec.{ext}',
      '{root}/**/__tests__/**/{name}*.test.{ext}',
      '{dir}/{name}*.test.{ext}',
      '{dir}/{name}*.spec.{ext}',
      // Small packages: index.js beside test.js.
      '{dir}/test.{ext}',
    ],
  },
  {
    id: 'python',
    sources: ['**/*.py'],
    tests: [
      '{root}/tests/test_{name}.py',
      '{dir}/test_{name}.py',
      '{dir}/{name}_test.py',
      '{root}/tests/**/test_{name}.py',
      '{root}/test/**/test_{name}.py',
      '{root}/**/test_{name}.py',
      '{root}/**/{name}_test.py',
      '{root}/**/{name}_tests.py',
    ],
  },
  {
    // The package's main test module (requests/sessions.py: tests/test_requests.py).
    id: 'python-package',
    fallback: true,
    sources: ['**/!(__init__|__main__).py'],
    // Django apps keep one tests.py beside models.py and views.py.
    tests: ['{root}/**/test_{parent}.py', '{dir}/tests.py'],
  },
  { id: 'go', sources: ['**/*.go'], tests: ['{dir}/{name}_test.go'] },
  {
    id: 'java',
    sources: ['**/*.{java,kt,kts,scala,groovy}'],
    tests: [
      '{root}/src/test/java/{path}/{Name}Test.{ext}',
      '{root}/src/test/kotlin/{path}/{Name}Test.{ext}',
      '{root}/src/test/**/{Name}Test.{ext}',
      '{root}/src/test/**/{Name}Tests.{ext}',
      '{root}/src/test/**/{Name}IT.{ext}',
      '{root}/src/*Test/**/{Name}Test.{ext}',
      '{root}/src/*Test/**/{Name}Tests.{ext}',
      '{root}/src/*Test/**/{Name}IT.{ext}',
      '{root}/test/**/{Name}Test.{ext}',
      '{root}/test/**/{Name}Tests.{ext}',
      '{dir}/{Name}Test.{ext}',
    ],
  },
  {
    id: 'ruby',
    sources: ['**/*.rb'],
    tests: [
      '{root}/spec/{path}/{name}_spec.rb',
      '{root}/test/{path}/{name}_test.rb',
      '{root}/spec/**/{name}_spec.rb',
      '{root}/test/**/{name}_test.rb',
      '{root}/test/**/test_{name}.rb',
      '{root}/spec/**/{name}_{parent}_spec.rb',
      '{root}/test/**/{name}_{parent}_test.rb',
      // minitest suites that name the library folder first (lib/gem/file_list.rb: test/test_gem_file_list.rb).
      '{root}/test/**/test_{parent}_{name}.rb',
    ],
  },
  {
    id: 'csharp',
    sources: ['**/*.cs'],
    tests: [
      '{root}/test/{project}.Tests/**/{Name}Tests.cs',
      '{root}/tests/{project}.Tests/**/{Name}Tests.cs',
      '{root}/{project}.Tests/**/{Name}Tests.cs',
      '**/{project}.Tests/**/{Name}Tests.cs',
      '**/{project}.Tests/**/{Name}Test.cs',
      '**/{project}.UnitTests/**/{Name}Tests.cs',
      '**/*Test*/**/{Name}Tests.cs',
      '**/*Test*/**/{Name}Test.cs',
      // NUnit/xUnit suites named "Tester" inside a test project (Acme.Tests/InvoiceTester.cs).
      '**/{project}.Tests/**/{Name}Tester.cs',
      '**/*.Tests/**/{Name}Tester.cs',
    ],
  },
  {
    // Inline `#[cfg(test)]` modules are reported by the git adapter; this
    // convention finds integration tests.
    id: 'rust',
    sources: ['**/*.rs'],
    tests: ['{root}/tests/{name}.rs', '{root}/tests/**/{name}.rs', '{root}/tests/**/{name}_test.rs', '{dir}/{name}_test.rs', '{dir}/tests/{name}.rs'],
  },
  {
    id: 'php',
    sources: ['**/*.php'],
    tests: ['{root}/tests/{path}/{Name}Test.php', '{root}/tests/**/{Name}Test.php', '{root}/test/**/{Name}Test.php'],
  },
];

/** Convention id used when a Rust file tests itself in a `#[cfg(test)]` module. */
export const RUST_INLINE_CONVENTION = 'rust-inline';

/** Convention id when only a test changed in the same package pairs a source. */
export const CO_CHANGED_CONVENTION = 'changed-with-source';
