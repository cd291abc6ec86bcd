/**
 * The editor's fast path (staged, unstaged and untracked files from the
 * git extension; git diffs only the branch's commits) must give the same
 * check as the full work-tree scan the CLI runs. The git extension's
 * lists are rebuilt from `git status` (test/support/sourceControlGroups).
 */
import assert from 'node:assert/strict';
import { renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { combineChangeLayers } from '../../../src/core/testMatching/changeLayers';
import { checkTests, type ChangedFile } from '../../../src/core/testMatching/checkTests';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { checkChangeTests } from '../../../src/app/checkTests';
import { TreeIndexMemo } from '../../../src/core/testMatching/treeIndex';
import { readChange } from '../../../src/git/changes';
import { GitRepository } from '../../../src/git/gitRepository';
import { TreeListingMemo, indexStamp } from '../../../src/git/treeListing';
import { changesFromSourceControl } from '../../../src/extension/testCoverage/sourceControlChanges';
import { createFeatureRepo, git, write } from '../../support/featureRepo';
import { sourceControlGroups } from '../../support/sourceControlGroups';

const byPath = (changes: readonly ChangedFile[]): ChangedFile[] => [...changes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.status.localeCompare(b.status)));

describe('the check from Source Control state', function () {
  this.timeout(30000);
  let dir: string;
  let work: string;

  beforeEach(() => {
    ({ dir, work } = createFeatureRepo('cc-local-', ['src/a.ts', 'src/a.test.ts', 'src/b.ts', 'src/b.test.ts', 'src/c.ts', 'src/d.ts', 'src/e.ts', 'src/old name.ts', 'README.md'], (f) => `// ${f}\n${'x'.repeat(200)}\n`));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the same changes and verdicts as the work-tree scan', async () => {
    write(work, 'src/a.ts', '// changed a\n');
    write(work, 'src/a.test.ts', '// changed a test\n');
    write(work, 'src/f.ts', '// new f, committed\n');
    renameSync(path.join(work, 'src/old name.ts'), path.join(work, 'src/new name.ts'));
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'Change a, add f and rename a file');
    write(work, 'src/b.ts', '// staged b\n');
    git(work, 'add', 'src/b.ts');
    write(work, 'src/b.ts', '// staged b, then edited\n');
    write(work, 'src/c.ts', '// unstaged c\n');
    unlinkSync(path.join(work, 'src/d.ts'));
    git(work, 'rm', '-q', '--cached', 'src/e.ts');
    write(work, 'src/né w.ts', '// untracked\n');
    write(work, 'src/né w.test.ts', '// untracked test\n');
    write(work, 'src/f.ts', '// f edited after the commit\n');

    const scanned = await readChange(work, { baseBranch: 'main' });
    const local = changesFromSourceControl(work, sourceControlGroups(work));
    const fast = await readChange(work, { baseBranch: 'main', localChanges: local });
    assert.equal(fast.mergeBase, scanned.mergeBase);
    assert.equal(fast.baseRef, 'origin/main');
    assert.deepEqual(fast.tree, scanned.tree);
    // The scan sees e.ts as deleted (gone from the index) and untracked (still on disk); the fold keeps its last state.
    const expected = combineChangeLayers([scanned.changes]);
    assert.deepEqual(byPath(fast.changes), byPath(expected));
    assert.deepEqual(byPath(fast.changes).map((c) => `${c.path}:${c.status}`), [
      'src/a.test.ts:modified',
      'src/a.ts:modified',
      'src/b.ts:modified',
      'src/c.ts:modified',
      'src/d.ts:deleted',
      'src/e.ts:untracked',
      'src/f.ts:added',
      'src/new name.ts:renamed',
      'src/né w.test.ts:untracked',
      'src/né w.ts:untracked',
    ]);
    const policy = defaultPolicy().tests;
    const verdicts = (c: typeof fast): string[] => checkTests({ base: c.baseRef, changes: c.changes, tree: c.tree, inlineTests: c.inlineTests, policy }).sources.map((s) => `${s.path}:${s.verdict}`);
    assert.deepEqual(verdicts(fast), verdicts(scanned));
    assert.ok(verdicts(fast).includes('src/a.ts:covered'));
  });

  it('works on an unborn branch, where everything is staged or untracked', async () => {
    git(work, 'switch', '-q', '--orphan', 'feature/2-fresh');
    write(work, 'src/x.ts', '// x\n');
    write(work, 'src/x.test.ts', '// x test\n');
    git(work, 'add', 'src/x.ts');
    const local = changesFromSourceControl(work, sourceControlGroups(work));
    const change = await readChange(work, { baseBranch: 'main', localChanges: local });
    assert.equal(change.mergeBase, '4b825dc642cb6eb9a060e54bf8d69288fbee4904');
    assert.deepEqual(change.tree, ['src/x.ts']);
    const paths = byPath(change.changes).map((c) => `${c.path}:${c.status}`);
    assert.ok(paths.includes('src/x.ts:added'), paths.join());
    assert.ok(paths.includes('src/x.test.ts:untracked'), paths.join());
    const fresh = path.join(dir, 'fresh');
    git(dir, 'init', '-q', fresh);
    await assert.rejects(readChange(fresh, { baseBranch: 'main', localChanges: [] }), /Neither "main", master nor the remote's HEAD exists/);
  });

  it('lists the tree again only when the index changes, and hands back the same array while it lists the same', async () => {
    const memo = new TreeListingMemo();
    const first = await readChange(work, { baseBranch: 'main', localChanges: [], treeMemo: memo });
    assert.equal(memo.listings, 1);
    write(work, 'src/a.ts', '// edited in the work tree: the index is the same\n');
    const second = await readChange(work, { baseBranch: 'main', localChanges: [], treeMemo: memo });
    assert.equal(second.tree, first.tree);
    assert.equal(memo.listings, 1, 'an unchanged index is not listed again');
    git(work, 'add', 'src/a.ts');
    const staged = await readChange(work, { baseBranch: 'main', localChanges: [], treeMemo: memo });
    assert.equal(memo.listings, 2, 'a rewritten index is listed again');
    assert.equal(staged.tree, first.tree, 'the same paths give back the same array');
    write(work, 'src/z.ts', '// z\n');
    git(work, 'add', 'src/z.ts');
    const third = await readChange(work, { baseBranch: 'main', localChanges: [], treeMemo: memo });
    assert.equal(memo.listings, 3);
    assert.notEqual(third.tree, first.tree);
    assert.ok(third.tree.includes('src/z.ts'));
    assert.ok(!first.tree.includes('src/z.ts'));
  });

  it('runs the editor check through the use case: Source Control changes, the tree memo on the port, the index memo', async () => {
    write(work, 'src/a.ts', '// changed a\n');
    write(work, 'src/b.ts', '// changed b\n');
    git(work, 'add', 'src/a.ts');
    const policy = defaultPolicy();
    const scanned = await checkChangeTests(new GitRepository(work), policy);
    const treeMemo = new TreeListingMemo();
    const indexMemo = new TreeIndexMemo();
    const editorCheck = () => checkChangeTests(new GitRepository(work, { treeMemo }), policy, { localChanges: changesFromSourceControl(work, sourceControlGroups(work)), indexMemo });
    const first = await editorCheck();
    const again = await editorCheck();
    assert.deepEqual(first.result, scanned.result, 'the editor path and the work-tree scan agree');
    assert.deepEqual(again.result, first.result);
    assert.deepEqual(first.result.sources.map((s) => `${s.path}:${s.verdict}`), ['src/a.ts:stale', 'src/b.ts:stale']);
    assert.equal(treeMemo.listings, 1, 'an unchanged index is not listed again');
    assert.equal(indexMemo.builds, 1, 'the same tree reuses its index');
    write(work, 'src/z.ts', '// z\n');
    git(work, 'add', 'src/z.ts');
    const grown = await editorCheck();
    assert.equal(treeMemo.listings, 2);
    assert.equal(indexMemo.builds, 2);
    assert.ok(grown.result.sources.some((s) => s.path === 'src/z.ts' && s.verdict === 'missing'));
  });

  it('trusts no index without a checksum, and none at all', async () => {
    const file = path.join(dir, 'index');
    const body = Buffer.alloc(100, 7);
    writeFileSync(file, body);
    assert.equal(await indexStamp(file), `100:${body.subarray(68).toString('hex')}`);
    writeFileSync(file, Buffer.concat([Buffer.alloc(80, 7), Buffer.alloc(20, 0)]));
    assert.equal(await indexStamp(file), undefined, 'index.skipHash writes a zero checksum');
    assert.equal(await indexStamp(path.join(dir, 'missing')), undefined);
    writeFileSync(file, Buffer.alloc(10, 7));
    assert.equal(await indexStamp(file), undefined);
  });
});
