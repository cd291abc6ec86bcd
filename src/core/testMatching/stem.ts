/**
 * Normalised stems: the key under which test files are indexed, so a
 * source finds its candidate tests with one map lookup. `FooTest.java`,
 * `foo_test.go`, `test_foo.py`, `foo.spec.ts` and `foo_spec.rb` all have
 * the stem of `foo` / `Foo`.
 */

const EXT = /\.[A-Za-z0-9]+$/;
const DOTTED_MARK = /\.(test|tests|spec|specs|e2e|unit|integration|it)$/i;
const PREFIX_MARK = /^(tests?|spec)[_-]/i;
const SUFFIX_MARK = /[_-](tests?|specs?)$/i;
const CAMEL_SUFFIX = /(?<=[a-z0-9])(Tests?|IT|Spec|TestCase)$/;
const CAMEL_PREFIX = /^Test(?=[A-Z])/;
const SEPARATORS = /[_\-.\s]/g;

/** The file name (no folder) reduced to its stem, lower case, separators dropped. */
export function normaliseStem(fileName: string): string {
  let name = fileName.replace(EXT, '');
  let previous = '';
  while (previous !== name) {
    previous = name;
    name = name.replace(DOTTED_MARK, '');
  }
  name = name.replace(PREFIX_MARK, '').replace(SUFFIX_MARK, '').replace(CAMEL_SUFFIX, '').replace(CAMEL_PREFIX, '');
  return name.replace(SEPARATORS, '').toLowerCase();
}

/** Stem of a literal file-name prefix (the part of a template before `*`). */
export function normalisePrefix(prefix: string): string {
  return prefix.replace(PREFIX_MARK, '').replace(SEPARATORS, '').toLowerCase();
}
