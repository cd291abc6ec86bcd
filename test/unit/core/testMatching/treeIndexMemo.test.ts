import assert from 'node:assert/strict';
import { defaultPolicy } from '../../../../src/core/policy/schema';
import { checkTests, type ChangedFile, type TestCheckInput, type TestPolicy } from '../../../../src/core/testMatching/checkTests';
import { TreeIndexMemo } from '../../../../src/core/testMatching/treeIndex';

const TREE = ['README.md', 'src/a.ts', 'src/a.test.ts', 'src/b.ts', 'src/b.test.ts', 'src/c.ts', 'qa/c.check.ts', 'src/renderer.ts', 'src/rendererList.spec.ts', 'src/rendererList.ts'];
const EDITS: ChangedFile[] = [
  { path: 'src/a.ts', status: 'modified' },
  { path: 'src/b.ts', status: 'modified' },
  { path: 'src/c.ts', status: 'modified' },
  { path: 'src/renderer.ts', status: 'modified' },
];

function input(changes: ChangedFile[], tree: readonly string[], policy: TestPolicy): TestCheckInput {
  return { base: 'origin/main', changes, tree, policy };
}

function verdicts(result: ReturnType<typeof checkTests>): string[] {
  return result.sources.map((s) => `${s.path}: ${s.verdict} [${s.tests.join(', ')}]`);
}

describe('TreeIndexMemo', () => {
  const policy: TestPolicy = defaultPolicy().tests;

  it('reuses the index for the same tree, policy and change, with the results of a fresh check', () => {
    const memo = new TreeIndexMemo();
    const first = checkTests(input(EDITS, TREE, policy), memo);
    const second = checkTests(input([...EDITS], TREE, policy), memo);
    assert.equal(memo.builds, 1);
    assert.deepEqual(second, first);
    assert.deepEqual(second, checkTests(input(EDITS, TREE, policy)));
    assert.deepEqual(verdicts(second), [
      'src/a.ts: stale [src/a.test.ts]',
      'src/b.ts: stale [src/b.test.ts]',
      'src/c.ts: missing []',
      'src/renderer.ts: missing []',
    ]);
  });

  it('reuses the index when only the changed sources differ, and answers each source as a fresh check', () => {
    const memo = new TreeIndexMemo();
    checkTests(input(EDITS.slice(0, 2), TREE, policy), memo);
    const changes: ChangedFile[] = [...EDITS, { path: 'src/d.ts', status: 'untracked' }, { path: 'src/b.test.ts', status: 'modified' }];
    const result = checkTests(input(changes, TREE, policy), memo);
    assert.equal(memo.builds, 1);
    assert.deepEqual(result, checkTests(input(changes, TREE, policy)));
    assert.equal(result.sources.find((s) => s.path === 'src/b.ts')?.verdict, 'covered');
    assert.equal(result.sources.find((s) => s.path === 'src/d.ts')?.suggestedTest, 'src/d.test.ts');
  });

  it('rebuilds for another tree array, even with equal contents, and sees a new test in it', () => {
    const memo = new TreeIndexMemo();
    checkTests(input(EDITS, TREE, policy), memo);
    checkTests(input(EDITS, [...TREE], policy), memo);
    assert.equal(memo.builds, 2);
    const grown = checkTests(input(EDITS, [...TREE, 'src/c.test.ts'], policy), memo);
    assert.equal(memo.builds, 3);
    assert.equal(grown.sources.find((s) => s.path === 'src/c.ts')?.verdict, 'stale');
  });

  it('rebuilds for a policy with other test globs, and counts them', () => {
    const memo = new TreeIndexMemo();
    checkTests(input(EDITS, TREE, policy), memo);
    const custom: TestPolicy = { ...policy, testGlobs: ['qa/**'], conventions: [{ id: 'qa', sources: ['src/*.ts'], tests: ['qa/{name}.check.ts'], fallback: false }] };
    const result = checkTests(input(EDITS, TREE, custom), memo);
    assert.equal(memo.builds, 2);
    assert.deepEqual(result.sources.find((s) => s.path === 'src/c.ts')?.tests, ['qa/c.check.ts']);
    assert.deepEqual(result, checkTests(input(EDITS, TREE, custom)));
  });

  it('reuses the index for a policy read again with the same test rules, and applies its exemptions', () => {
    const memo = new TreeIndexMemo();
    checkTests(input(EDITS, TREE, policy), memo);
    const reread: TestPolicy = structuredClone(policy);
    assert.deepEqual(checkTests(input(EDITS, TREE, reread), memo), checkTests(input(EDITS, TREE, policy)));
    const exempting: TestPolicy = { ...structuredClone(policy), exempt: ['src/c.ts'] };
    const result = checkTests(input(EDITS, TREE, exempting), memo);
    assert.equal(memo.builds, 1);
    assert.equal(result.sources.find((s) => s.path === 'src/c.ts')?.verdict, 'exempt');
    assert.deepEqual(result, checkTests(input(EDITS, TREE, exempting)));
  });

  it('rebuilds when only the conventions change, since the kept matcher uses them', () => {
    const memo = new TreeIndexMemo();
    checkTests(input(EDITS, TREE, policy), memo);
    const custom: TestPolicy = { ...policy, builtInConventions: false, conventions: [{ id: 'own', sources: ['src/*.ts'], tests: ['src/{name}.test.ts'], fallback: false }] };
    const result = checkTests(input(EDITS, TREE, custom), memo);
    assert.equal(memo.builds, 2);
    assert.deepEqual(result, checkTests(input(EDITS, TREE, custom)));
    assert.equal(result.sources.find((s) => s.path === 'src/a.ts')?.convention, 'own');
  });

  it('rebuilds when an untracked test appears, and counts it', () => {
    const memo = new TreeIndexMemo();
    checkTests(input(EDITS, TREE, policy), memo);
    const changes: ChangedFile[] = [...EDITS, { path: 'src/c.test.ts', status: 'untracked' }];
    const result = checkTests(input(changes, TREE, policy), memo);
    assert.equal(memo.builds, 2);
    assert.equal(result.sources.find((s) => s.path === 'src/c.ts')?.verdict, 'covered');
    checkTests(input(changes, TREE, policy), memo);
    assert.equal(memo.builds, 2);
  });

  it('rebuilds when a test is deleted, and no longer counts it', () => {
    const memo = new TreeIndexMemo();
    checkTests(input(EDITS, TREE, policy), memo);
    const changes: ChangedFile[] = [...EDITS, { path: 'src/b.test.ts', status: 'deleted' }];
    const result = checkTests(input(changes, TREE, policy), memo);
    assert.equal(memo.builds, 2);
    assert.deepEqual(verdicts(result).slice(0, 2), ['src/a.ts: stale [src/a.test.ts]', 'src/b.ts: missing []']);
    assert.deepEqual(result, checkTests(input(changes, TREE, policy)));
  });

  it('rebuilds when a deleted source changes the source stems of a fallback match', () => {
    const memo = new TreeIndexMemo();
    const kept = checkTests(input(EDITS, TREE, policy), memo);
    assert.equal(kept.sources.find((s) => s.path === 'src/renderer.ts')?.verdict, 'missing');
    const changes: ChangedFile[] = [...EDITS, { path: 'src/rendererList.ts', status: 'deleted' }];
    const result = checkTests(input(changes, TREE, policy), memo);
    assert.equal(memo.builds, 2);
    assert.deepEqual(result.sources.find((s) => s.path === 'src/renderer.ts')?.tests, ['src/rendererList.spec.ts']);
  });

  it('keeps one entry: going back to an earlier tree rebuilds', () => {
    const memo = new TreeIndexMemo();
    const other = [...TREE];
    checkTests(input(EDITS, TREE, policy), memo);
    checkTests(input(EDITS, other, policy), memo);
    checkTests(input(EDITS, TREE, policy), memo);
    assert.equal(memo.builds, 3);
    memo.clear();
    checkTests(input(EDITS, TREE, policy), memo);
    assert.equal(memo.builds, 4);
  });

  it('is not fooled when the caller mutates its deleted set, new-test list or policy afterwards', () => {
    const memo = new TreeIndexMemo();
    const key = { tree: TREE, policy, deleted: new Set<string>(), newTests: [] as string[] };
    let built = 0;
    const build = () => {
      built++;
      return { testFiles: [], index: undefined as never, hasSourceStem: () => false, matcher: undefined as never };
    };
    memo.get(key, build);
    key.deleted.add('src/a.test.ts');
    key.newTests.push('src/c.test.ts');
    memo.get(key, build);
    assert.equal(built, 2);
    memo.get(key, build);
    assert.equal(built, 2);
    const rules = { ...policy, testGlobs: ['qa/**'] };
    memo.get({ ...key, policy: rules }, build);
    rules.testGlobs.push('more/**');
    memo.get({ ...key, policy: rules }, build);
    assert.equal(built, 4);
    assert.equal(memo.builds, 4);
  });
});
