/**
 * "Create Test File" writes a test in the repository's own runner, and
 * the stub it writes does not count as covering its source until the
 * test is written (its change-control:stub line deleted), in the CLI's
 * check-tests and the editor's check alike (both go through readChange).
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, symlinkSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { testStubFor } from '../../../src/app/testStub';
import { checkChangeTests } from '../../../src/app/checkTests';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { STUB_MARKER } from '../../../src/core/testMatching/skeleton';
import { GitRepository } from '../../../src/git/gitRepository';
import { createWorkTreeFile, readWorkTreeHeads } from '../../../src/git/workTreeFile';
import { createFeatureRepo, git, write } from '../../support/featureRepo';

describe('Create Test File in the repository style, and its stub', function () {
  this.timeout(30000);
  let dir: string;
  let work: string;

  beforeEach(() => {
    ({ dir, work } = createFeatureRepo('cc-stub-', ['src/a.ts', 'test/a.test.ts', 'README.md'], (f) =>
      f === 'test/a.test.ts' ? "import { strict as assert } from 'node:assert';\n\ndescribe('a', () => it('works', () => assert.ok(1)));\n" : `// ${f}\n`));
    write(work, 'package.json', JSON.stringify({ name: 'x', scripts: { test: 'mocha' }, devDependencies: { mocha: '^10' } }));
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'Add package.json');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a mocha stub into a mocha repository, not a Jest one', async () => {
    const stub = await testStubFor(work, 'test/b.test.ts', 'src/b.ts', defaultPolicy().tests);
    assert.equal(stub.runner?.runner, 'mocha');
    assert.match(stub.runner?.reason ?? '', /package\.json/);
    assert.match(stub.text, /from 'node:assert'/);
    assert.doesNotMatch(stub.text, /expect\(/);
  });

  it('counts an untouched stub as missing, and a written test as covering', async () => {
    write(work, 'src/b.ts', 'export const b = 1;\n');
    const stub = await testStubFor(work, 'test/b.test.ts', 'src/b.ts', defaultPolicy().tests);
    await createWorkTreeFile(work, 'test/b.test.ts', stub.text);
    const repo = new GitRepository(work);
    const policy = { ...defaultPolicy(), tests: { ...defaultPolicy().tests, requireTests: true } };
    const before = await checkChangeTests(repo, policy);
    const b = before.result.sources.find((s) => s.path === 'src/b.ts');
    assert.equal(b?.verdict, 'missing');
    assert.equal(b?.unwrittenStub, 'test/b.test.ts');
    assert.equal(before.failed, true);
    // Writing the test means deleting the marker line.
    const file = path.join(work, 'test/b.test.ts');
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').filter((l) => !l.includes(STUB_MARKER)).join('\n'));
    const after = await checkChangeTests(repo, policy);
    assert.equal(after.result.sources.find((s) => s.path === 'src/b.ts')?.verdict, 'covered');
    assert.equal(after.failed, false);
  });

  it('reads no file through a symbolic link when looking for the runner or a stub', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'cc-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret.json'), JSON.stringify({ devDependencies: { vitest: '1' } }));
      symlinkSync(path.join(outside, 'secret.json'), path.join(work, 'linked.json'));
      symlinkSync(outside, path.join(work, 'out'));
      const heads = await readWorkTreeHeads(work, ['linked.json', 'out/secret.json', 'package.json', '../x', 'missing.json'], 100);
      assert.deepEqual([...heads.keys()], ['package.json']);
      assert.ok((heads.get('package.json') ?? '').length <= 100);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
