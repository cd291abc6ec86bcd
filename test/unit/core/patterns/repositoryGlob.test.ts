import assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { compileRepositoryGlobs, globProblem } from '../../../../src/core/patterns/repositoryGlob';

/** Globs of the shapes policies use, and paths of the shapes git reports. */
const GLOBS = [
  'src/c.ts', '*.md', '**/*.ts', 'src/**/*.ts', 'src/*.ts', 'docs/**', 'qa/**', 'qa/**/*.ts', '**',
  'src/{a,b}/*.md', '*.{js,ts}', '**/*.{java,kt,kts,scala,groovy}', 'a/**/b', 'src/gen/**', '[abc].ts',
  'file?.txt', '**/__snapshots__/**', '+(a|b).ts', '@(src|lib)/**/*.js', '*(x).y',
  '?(pre-)name.ts', '!docs/**', 'src/**.ts', 'x/{a,{b,c}}/y', 'a.b+c(d)', '.github/**', '**/.*',
  '**/test_*.py', 'src/**/generated/*', '*', '*/*', 'a\\*b', 'src/{a,b}',
];
const PATHS = [
  'src/c.ts', 'README.md', 'docs/README.md', 'src/a.ts', 'src/core/a.ts', 'a.ts', 'docs', 'docs/a/b.png', 'qa/x.ts',
  'qa/a/b/x.ts', 'qa', 'src/a/x.md', 'src/b/x.md', 'src/c/x.md', 'x.js', 'x.jsx', 'm/Foo.kt', 'a/b', 'a/x/y/b', 'ab',
  'a.ts', 'b.ts', 'd.ts', 'file1.txt', 'file10.txt', 'src/b.ts', 'src/ab.ts', 'x/__snapshots__/a.snap', 'aab.ts',
  'src/x.js', 'lib/a/b.js', 'app/x.js', 'xx.y', '.y', 'pre-name.ts', 'name.ts', 'src/x/y.ts', 'x/a/y', 'x/c/y', 'x/d/y',
  'a.b+c(d)', 'a.bbc(d)', '.github/workflows/ci.yml', 'x/.env', '.env', 'pkg/test_x.py', 'src/a/generated/x.ts',
  'src/generated/x.ts', 'src', 'a*b', 'axb', 'src/a', 'src/b', 'src/c',
];

describe('repository globs', () => {
  it('match the paths picomatch matches (dot: true) for the supported syntax', () => {
    const differences: string[] = [];
    for (const glob of GLOBS) {
      assert.equal(globProblem(glob), undefined, glob);
      const ours = compileRepositoryGlobs([glob]);
      const theirs = picomatch(glob, { dot: true });
      for (const path of PATHS) if (ours(path) !== theirs(path)) differences.push(`${glob} ${path}: ${ours(path)}`);
    }
    assert.deepEqual(differences, []);
  });

  it('negate a class with "!" or "^" as git and bash do (picomatch 4 reads "[!a]" as "!" or "a")', () => {
    const m = compileRepositoryGlobs(['src/[!a]*.ts']);
    assert.deepEqual(['src/b.ts', 'src/a.ts', 'src/ab.ts', 'src/x/b.ts'].map(m), [true, false, false, false]);
    assert.equal(compileRepositoryGlobs(['[^a]/x'])('//x'), false);
  });

  it('match a list when any glob matches', () => {
    const m = compileRepositoryGlobs(['docs/**', '*.md']);
    assert.deepEqual(['docs/a.txt', 'x.md', 'src/x.ts'].map(m), [true, true, false]);
    assert.equal(compileRepositoryGlobs([])('x'), false);
  });

  it('refuse what cannot run in linear time or would expand, with a reason', () => {
    assert.match(globProblem('**/!(__init__).py') ?? '', /negated group/);
    assert.match(globProblem('file{1..9}.txt') ?? '', /brace range/);
    assert.match(globProblem('x'.repeat(501)) ?? '', /longer than 500/);
    assert.match(globProblem(`${'{a,'.repeat(10)}b${'}'.repeat(10)}`) ?? '', /deeper than/);
    assert.match(globProblem('@(a|b') ?? '', /unclosed/);
  });

  it('treat a refused glob as matching nothing', () => {
    const m = compileRepositoryGlobs(['!(a).ts', 'b.ts']);
    assert.equal(m('c.ts'), false);
    assert.equal(m('b.ts'), true);
  });

  it('run the hostile exempt glob on a long file name in linear time', function () {
    this.timeout(10_000);
    const glob = 'src/*a*a*a*a*a*a*a*a*b.ts';
    const long = `src/${'a'.repeat(100_000)}.ts`;
    // picomatch's backtracking RegExp takes over 60 s on this; the time bound only proves no such growth.
    const started = performance.now();
    assert.equal(compileRepositoryGlobs([glob])(long), false);
    assert.equal(compileRepositoryGlobs([glob])(`src/${'a'.repeat(100_000)}b.ts`), true);
    assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
  });
});
