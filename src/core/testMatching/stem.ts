/**
 * Normalised stems: the key under which test files are indexed, so a
 * source finds its candidate tests with one map lookup. `FooTest.java`,
 * `foo_test.go`, `test_foo.py`, `foo.spec.ts` and `foo_spec.rb` all have
 * the stem of `foo` / `Foo`.
 */

const DOTTED_MARK = /\.(test|tests|spec|specs|e2e|unit|integration|it)$/i;
const PREFIX_MARK = /^(tests?|spec)[_-]/i;
const SUFFIX_MARK = /[_-](tests?|specs?)$/i;
const CAMEL_SUFFIX = /(?<=[a-z0-9])(Tests?|IT|Spec|TestCase)$/;
const CAMEL_PREFIX = /^Test(?=[A-Z])/;
const SEPARATORS = /[_\-.\s]/g;
const SEPARATORS_TEST = /[_\-.\s]/;

/** The file name (no folder) reduced to its stem, lower case, separators dropped. */
export function normaliseStem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  let name = dot > 0 ? fileName.slice(0, dot) : fileName;
  if (name.includes('.')) {
    let previous = '';
    while (previous !== name) {
      previous = name;
      name = name.replace(DOTTED_MARK, '');
    }
  }
  name = name.replace(PREFIX_MARK, '').replace(SUFFIX_MARK, '').replace(CAMEL_SUFFIX, '').replace(CAMEL_PREFIX, '');
  return SEPARATORS_TEST.test(name) ? name.replace(SEPARATORS, '').toLowerCase() : name.toLowerCase();
}

/** Stem of a literal file-name prefix (the part of a template before `*`). */
export function normalisePrefix(prefix: string): string {
  return prefix.replace(PREFIX_MARK, '').replace(SEPARATORS, '').toLowerCase();
}
