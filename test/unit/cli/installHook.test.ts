import assert from 'node:assert/strict';
import { parseInstallHookArgs } from '../../../src/cli/commands/installHook';
import { main } from '../../../src/cli/main';
import { fakeIo } from './fakeIo';

describe('change-control install-hook arguments', () => {
  it('reads --force, --uninstall and --cli', () => {
    assert.deepEqual(parseInstallHookArgs([]), { force: false, uninstall: false });
    assert.deepEqual(parseInstallHookArgs(['--force', '--cli', 'out/cli.js']), { force: true, uninstall: false, cliPath: 'out/cli.js' });
    assert.deepEqual(parseInstallHookArgs(['--uninstall', '--cli=x.js']), { force: false, uninstall: true, cliPath: 'x.js' });
  });

  it('rejects unknown and contradictory arguments', () => {
    assert.throws(() => parseInstallHookArgs(['--bogus']), /unknown option "--bogus"/);
    assert.throws(() => parseInstallHookArgs(['--force', '--uninstall']), /do not go together/);
    assert.throws(() => parseInstallHookArgs(['--cli']), /--cli needs/);
  });

  it('exits 2 with the usage when the arguments are wrong', async () => {
    const io = fakeIo(['install-hook', '--bogus']);
    assert.equal(await main(io), 2);
    assert.match(io.err, /unknown option "--bogus"/);
    assert.match(io.err, /usage: change-control install-hook/);
  });

  it('exits 2 outside a git work tree', async () => {
    const io = fakeIo(['install-hook']);
    assert.equal(await main(io), 2);
    assert.match(io.err, /not inside a git work tree/);
  });
});
