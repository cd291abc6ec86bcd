import { strict as assert } from 'node:assert';
import { parseVerifyArgs } from '../../../src/cli/commands/verify';

describe('cli/verify arguments', () => {
  it('reads the pull request number and the remote', () => {
    assert.deepEqual(parseVerifyArgs(['--pr', '42']), { pr: 42, remote: 'origin' });
    assert.deepEqual(parseVerifyArgs(['--pr=7', '--remote', 'upstream']), { pr: 7, remote: 'upstream' });
  });

  it('rejects a missing or bad number and unknown arguments with the usage line', () => {
    assert.throws(() => parseVerifyArgs([]), /--pr N[\s\S]*usage: change-control verify/);
    assert.throws(() => parseVerifyArgs(['--pr', '0']), /pull request number/);
    assert.throws(() => parseVerifyArgs(['--pr']), /needs a value/);
    assert.throws(() => parseVerifyArgs(['--pr', '1', '--yes']), /unknown option "--yes"/);
  });
});
