/**
 * Two `change-control start` processes at once in one repository. Before
 * the lock, both planned on the same state, both created a branch and
 * both printed "switched to it", while only the last switch held. The
 * remote's upload-pack is slowed down so that the runs surely overlap.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildCli, runCliAsync, testEnv, type CliResult } from '../cli/cliHarness';
import { fileHashes, git, makeFixture, type Fixture } from './repos';

describe('two concurrent start runs', function () {
  this.timeout(60_000);
  let fx: Fixture;
  let cli: string;

  before(async () => {
    fx = makeFixture();
    cli = await buildCli(fx.dir);
  });
  after(() => fx.dispose());

  it('exactly one creates and switches; the other says a run is in progress and changes nothing', async () => {
    const slow = path.join(fx.dir, 'slow-upload-pack');
    writeFileSync(slow, '#!/bin/sh\nsleep 3\nexec git upload-pack "$@"\n');
    chmodSync(slow, 0o755);
    git(fx.work, ['config', 'remote.origin.uploadpack', slow]);
    writeFileSync(path.join(fx.work, 'shared.txt'), 'one\ntwo (uncommitted)\nthree\n');
    writeFileSync(path.join(fx.work, 'notes.txt'), 'untracked work\n');
    const before = fileHashes(fx.work);

    const start = (n: number): Promise<CliResult> => runCliAsync(cli, ['start', '--ticket', `#${n}`, '--description', `Change ${n}`, '--carry-changes'], fx.work, testEnv);
    const results = await Promise.all([start(1), start(2)]);

    const won = results.filter((r) => r.code === 0);
    const lost = results.filter((r) => r.code !== 0);
    assert.equal(won.length, 1, `exactly one succeeds: ${JSON.stringify(results)}`);
    assert.equal(lost.length, 1);
    assert.match(won[0]!.stdout, /Created feature\/(\d)-change-\1 from origin\/main for #\1 and switched to it\./);
    assert.doesNotMatch(lost[0]!.stdout, /switched/);
    assert.match(lost[0]!.stderr, /Another Start Change is running in this repository \(process \d+, started [^)]+\); nothing was changed\./);

    const winner = /feature\/\d-change-\d/.exec(won[0]!.stdout)![0];
    const loser = winner.includes('1') ? 'feature/2-change-2' : 'feature/1-change-1';
    assert.equal(git(fx.work, ['symbolic-ref', '--short', 'HEAD']).trim(), winner);
    assert.equal(git(fx.work, ['branch', '--list', loser]).trim(), '', 'the refused run created no branch');
    assert.deepEqual(fileHashes(fx.work), before, 'the uncommitted and untracked work is all there');
    const lockFile = path.resolve(fx.work, git(fx.work, ['rev-parse', '--git-path', 'change-control/start.lock']).trim());
    assert.equal(existsSync(lockFile), false, 'the lock is gone after the run');
  });
});
