/**
 * "Create Test File" against a hostile repository: committed symlinks
 * that point out of the work tree must not carry the write (or the
 * repository's choice of content) outside it, and nothing existing is
 * ever overwritten.
 */
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isChangeControlError } from '../../../src/core/errors';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { suggestTestFor } from '../../../src/core/testMatching/checkTests';
import { listTree } from '../../../src/git/changes';
import { createWorkTreeFile } from '../../../src/git/workTreeFile';
import { createFeatureRepo, git, write } from '../../support/featureRepo';

describe('Create Test File in a repository with committed symlinks', function () {
  this.timeout(30000);
  let dir: string;
  let work: string;
  let outside: string;

  beforeEach(() => {
    outside = mkdtempSync(path.join(tmpdir(), 'cc-outside-'));
    writeFileSync(path.join(outside, 'victim.test.ts'), 'precious\n');
    ({ dir, work } = createFeatureRepo('cc-create-', ['src/app.ts', 'src/util.ts', 'lib/deep/mod.ts', 'README.md']));
    symlinkSync(outside, path.join(work, 'test'));
    symlinkSync(path.join(outside, 'victim.test.ts'), path.join(work, 'src/util.test.ts'));
    symlinkSync(path.join(outside, 'nothing-yet.test.ts'), path.join(work, 'src/dangling.test.ts'));
    mkdirSync(path.join(work, 'inner'));
    symlinkSync('inner', path.join(work, 'spec'));
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'Add links');
    assert.equal(git(work, 'ls-files', '-s', 'test').slice(0, 6), '120000', 'the folder link is committed as a symlink');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const outsideFiles = (): Record<string, string> =>
    Object.fromEntries(readdirSync(outside, { recursive: true, encoding: 'utf8' }).map((f) => [f, lstatSync(path.join(outside, f)).isFile() ? readFileSync(path.join(outside, f), 'utf8') : 'dir']));

  it('refuses a test path the policy routes through a symlinked folder outside the repository', async () => {
    const policy = defaultPolicy();
    policy.tests.builtInConventions = false;
    policy.tests.conventions = [{ id: 'hostile', sources: ['src/**/*.ts'], tests: ['test/{name}.test.ts'], fallback: false }];
    const suggested = suggestTestFor('src/app.ts', await listTree(work), policy.tests).suggestedTest;
    assert.equal(suggested, 'test/app.test.ts');
    const before = outsideFiles();
    await assert.rejects(createWorkTreeFile(work, suggested!, '// from the repository\n'), (err: unknown) => {
      assert.ok(isChangeControlError(err, 'usage'));
      assert.match(err.message, /did not create "test\/app\.test\.ts": test is a symbolic link to .*cc-outside-.*, outside the repository\. Nothing was written\./);
      return true;
    });
    await assert.rejects(createWorkTreeFile(work, 'test/new/deeper.test.ts', 'x'), /outside the repository/);
    assert.deepEqual(outsideFiles(), before, 'nothing was written outside');
    assert.equal(existsSync(path.join(outside, 'app.test.ts')), false);
    assert.equal(existsSync(path.join(outside, 'new')), false);
  });

  it('refuses to write through a symlinked file, even a dangling one', async () => {
    await assert.rejects(createWorkTreeFile(work, 'src/util.test.ts', 'overwritten'), /src\/util\.test\.ts is a symbolic link/);
    await assert.rejects(createWorkTreeFile(work, 'src/dangling.test.ts', 'created through the link'), /src\/dangling\.test\.ts is a symbolic link/);
    assert.equal(readFileSync(path.join(outside, 'victim.test.ts'), 'utf8'), 'precious\n');
    assert.equal(existsSync(path.join(outside, 'nothing-yet.test.ts')), false);
  });

  it('refuses ../ and .git paths before touching the disk', async () => {
    await assert.rejects(createWorkTreeFile(work, '../escape.test.ts', 'x'), /"\.\." segment/);
    await assert.rejects(createWorkTreeFile(work, '.git/hooks/post-checkout', '#!/bin/sh\n'), /inside \.git/);
    assert.equal(existsSync(path.join(dir, 'escape.test.ts')), false);
    assert.equal(existsSync(path.join(work, '.git/hooks/post-checkout')), false);
  });

  it('creates missing folders and the file inside the repository, and follows a link that stays inside', async () => {
    const made = await createWorkTreeFile(work, 'lib/deep/nested/mod.test.ts', '// new test\n');
    assert.deepEqual(made, { file: path.join(work, 'lib/deep/nested/mod.test.ts'), created: true });
    assert.equal(readFileSync(made.file, 'utf8'), '// new test\n');
    const viaLink = await createWorkTreeFile(work, 'spec/app.spec.ts', '// inside\n');
    assert.equal(viaLink.created, true);
    assert.equal(readFileSync(path.join(work, 'inner/app.spec.ts'), 'utf8'), '// inside\n');
  });

  it('never overwrites an existing file: it is returned unchanged', async () => {
    write(work, 'src/app.test.ts', 'mine\n');
    const r = await createWorkTreeFile(work, 'src/app.test.ts', 'template');
    assert.deepEqual(r, { file: path.join(work, 'src/app.test.ts'), created: false });
    assert.equal(readFileSync(path.join(work, 'src/app.test.ts'), 'utf8'), 'mine\n');
  });

  it('refuses a file where a folder is needed', async () => {
    await assert.rejects(createWorkTreeFile(work, 'README.md/x.test.ts', 'x'), /README\.md exists and is not a folder/);
  });
});
