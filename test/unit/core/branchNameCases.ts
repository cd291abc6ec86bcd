/** Names with git's verdict, from `git check-ref-format --branch` 2.39 (re-checked in the integration tests). */
export const REF_FORMAT_CASES: [string, boolean][] = [
  ['a', true], ['a/b', true], ['feature/123-fix-login', true], ['a.b', true], ['a@b', true], ['a{b', true],
  ['a}', true], ['x/HEAD', true], ['é', true], ['@', true], ['emoji-😀', true],
  ['/a', false], ['a/', false], ['a//b', false], ['a..b', false], ['a.', false], ['a/.b', false], ['.a', false],
  ['a.lock', false], ['a.lock/b', false], ['a/.lock', false], ['a@{b', false], ['@{-1}', false], ['HEAD', false],
  ['-a', false], ['a b', false], ['a~', false], ['a^', false], ['a:', false], ['a?', false], ['a*', false],
  ['a[', false], ['a\\b', false], ['a\tb', false], ['a\x7fb', false], ['a..', false], ['', false],
];
