import assert from 'node:assert/strict';
import { parseGitBoolOrInt, parseHookConfig } from '../../../src/git/hookSettings';

describe('the hook\'s git settings (one git config -z --get-regexp)', () => {
  it('reads the comment character, cleanup and verbose, the last value winning', () => {
    const out = 'core.commentchar\n;\0commit.cleanup\nstrip\0core.commentstring\n%\0commit.verbose\ntrue\0commit.cleanup\nscissors\0';
    assert.deepEqual(parseHookConfig(out), { commentChar: '%', cleanup: 'scissors', verbose: true });
  });

  it('uses # and no cleanup when nothing is set, or the comment character is empty', () => {
    assert.deepEqual(parseHookConfig(''), { commentChar: '#', verbose: false });
    assert.deepEqual(parseHookConfig('core.commentchar\n\0'), { commentChar: '#', verbose: false });
  });

  it('reads commit.verbose as git does (bool or int), a key without a value being true', () => {
    assert.equal(parseHookConfig('commit.verbose\0').verbose, true);
    for (const v of ['true', 'Yes', 'on', '1', '2', '1k']) assert.equal(parseGitBoolOrInt(v), true, v);
    for (const v of ['false', 'no', 'OFF', '', '0']) assert.equal(parseGitBoolOrInt(v), false, v);
    assert.equal(parseGitBoolOrInt('sometimes'), undefined);
    assert.throws(() => parseHookConfig('commit.verbose\nsometimes\0'), /bad boolean config value 'sometimes'/);
  });
});
