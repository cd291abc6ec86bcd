import assert from 'node:assert/strict';
import { TestMatcher, verbForms } from '../../../../src/core/testMatching/pairTests';
import { TestIndex } from '../../../../src/core/testMatching/testIndex';

describe('agent-noun modules tested under the verb', () => {
  for (const [name, expected] of [
    ['parser', ['parse', 'pars']],
    ['compiler', ['compile', 'compil']],
    ['renderer', ['rendere', 'render']],
    ['tokenizer', ['tokenize', 'tokeniz']],
    ['user', []],
    ['filter', ['filte', 'filt']],
    ['engineer', []],
    ['Parser', ['Parse', 'Pars']],
    ['parse', []],
  ] as const) {
    it(`${name} → ${expected.join(', ') || 'none'}`, () => assert.deepEqual(verbForms(name), expected));
  }

  const cases: [string, string[], string[]][] = [
    ['packages/compiler-core/src/parser/index.ts', ['packages/compiler-core/__tests__/parse.spec.ts'], ['packages/compiler-core/__tests__/parse.spec.ts']],
    ['lib/compiler.js', ['test/compile.test.js'], ['test/compile.test.js']],
    ['src/renderer.ts', ['src/render.test.ts'], ['src/render.test.ts']],
    // Its own test wins: the verb is only a last resort.
    ['src/parser.ts', ['src/parser.test.ts', 'src/parse.test.ts'], ['src/parser.test.ts']],
    ['pkg/parser.go', ['pkg/parse_test.go'], ['pkg/parse_test.go']],
    ['src/user.ts', ['src/us.test.ts'], []],
  ];
  for (const [source, tree, expected] of cases) {
    it(`${source} finds ${expected.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(new TestMatcher(new TestIndex(tree)).find(source).tests, expected);
    });
  }
});
