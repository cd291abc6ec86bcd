import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { copyIfDifferent } from '../../../src/extension/hook/hookCliCopy';

describe('the hook\'s copy of the CLI', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cc-hookcli-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('is written when missing, left alone when equal, replaced when the bundle changed', async () => {
    const source = path.join(dir, 'cli.js');
    const target = path.join(dir, 'storage', 'change-control-cli.js');
    await writeFile(source, 'v1');
    assert.equal(await copyIfDifferent(source, target), true);
    assert.equal(await readFile(target, 'utf8'), 'v1');

    const old = new Date(2020, 0, 1);
    await utimes(target, old, old);
    assert.equal(await copyIfDifferent(source, target), false);
    assert.equal((await stat(target)).mtime.getTime(), old.getTime(), 'an unchanged copy is not rewritten');

    await writeFile(source, 'v2');
    assert.equal(await copyIfDifferent(source, target), true);
    assert.equal(await readFile(target, 'utf8'), 'v2');
    assert.deepEqual(await readdir(path.dirname(target)), ['change-control-cli.js'], 'no temporary file is left behind');
  });
});
