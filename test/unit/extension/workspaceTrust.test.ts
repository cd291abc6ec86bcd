import assert from 'node:assert/strict';
import { describeError, isChangeControlError } from '../../../src/core/errors';
import { MANAGE_TRUST_ACTION, mayRun, untrustedWorkspaceError } from '../../../src/extension/commands/workspaceTrust';

describe('workspace trust for commands', () => {
  it('refuses a command that runs git only in an untrusted workspace', () => {
    assert.equal(mayRun('trusted', true), true);
    assert.equal(mayRun('trusted', false), false);
  });

  it('runs a command that needs no trust in either workspace', () => {
    assert.equal(mayRun('any', true), true);
    assert.equal(mayRun('any', false), true);
  });

  it('has one error, with its own code, naming the command and the way out', () => {
    const err = untrustedWorkspaceError('Start Change');
    assert.ok(isChangeControlError(err, 'workspace.untrusted'));
    assert.equal(describeError(err), 'Start Change runs git in this repository, which is off in an untrusted workspace. Trust the workspace to continue.');
  });

  it('offers VS Code\'s Manage Workspace Trust command', () => {
    assert.deepEqual(MANAGE_TRUST_ACTION, { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' });
  });
});
