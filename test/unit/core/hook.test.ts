import assert from 'node:assert/strict';
import { HOOK_MARKER, hookScript, isOwnHook, latestBackupName, nextBackupName, shellQuote } from '../../../src/core/hook';

describe('commit-msg hook script', () => {
  it('runs the CLI at its absolute path on the message file', () => {
    const script = hookScript({ cliPath: '/opt/cc/out/cli.js', nodePath: '/usr/bin/node' });
    assert.ok(script.startsWith('#!/bin/sh\n'));
    assert.match(script, /^CC_CLI='\/opt\/cc\/out\/cli\.js'$/m);
    assert.match(script, /"\$CC_NODE" "\$CC_CLI" lint --hook "\$1"/);
    assert.match(script, /command -v node/);
    assert.match(script, /node was not found on PATH/);
    assert.match(script, /\[ -x '\/usr\/bin\/node' \]; then CC_NODE='\/usr\/bin\/node'/);
    assert.doesNotMatch(hookScript({ cliPath: '/c.js' }), /\[ -x/, 'no fallback without an install-time node');
  });

  it('runs hook.js on the message file when it is given, and says when it is missing', () => {
    const script = hookScript({ cliPath: '/opt/cc/out/cli.js', hookPath: '/opt/cc/out/hook.js' });
    assert.match(script, /^CC_CLI='\/opt\/cc\/out\/hook\.js'$/m);
    assert.match(script, /^"\$CC_NODE" "\$CC_CLI" "\$1"$/m);
    assert.doesNotMatch(script, /lint --hook/);
    assert.match(script, /if \[ ! -f "\$CC_CLI" \]/);
  });

  it('quotes paths with spaces and quotes for the shell', () => {
    assert.equal(shellQuote("/a b/it's.js"), `'/a b/it'\\''s.js'`);
    assert.match(hookScript({ cliPath: "/x y/it's/cli.js" }), /CC_CLI='\/x y\/it'\\''s\/cli\.js'/);
  });

  it('recognises its own hook and not a foreign one', () => {
    assert.equal(isOwnHook(hookScript({ cliPath: '/c.js' })), true);
    assert.equal(isOwnHook('#!/bin/sh\nexec commitlint --edit "$1"\n'), false);
    assert.equal(isOwnHook(`#!/bin/sh\r\n${HOOK_MARKER}\r\n`), true);
  });

  it('numbers backups past the ones that exist and finds the latest', () => {
    assert.equal(nextBackupName('commit-msg', []), 'commit-msg.backup-1');
    assert.equal(nextBackupName('commit-msg', ['commit-msg.backup-1', 'commit-msg.backup-2']), 'commit-msg.backup-3');
    assert.equal(latestBackupName('commit-msg', ['commit-msg.backup-2', 'commit-msg.backup-10', 'pre-push', 'commit-msg']), 'commit-msg.backup-10');
    assert.equal(latestBackupName('commit-msg', ['commit-msgXbackup-3']), undefined);
  });
});
