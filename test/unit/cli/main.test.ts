import assert from 'node:assert/strict';
import { main } from '../../../src/cli/main';
import { fakeIo } from './fakeIo';

describe('change-control error boundary', () => {
  it('masks a token in the message of any failing command', async () => {
    const token = `ghp_${'a1'.repeat(18)}`;
    const io = fakeIo(['link-ticket', '#1']);
    io.cwd = `/nonexistent/${token}`;
    assert.equal(await main(io), 2);
    assert.match(io.err, /^change-control link-ticket: .*not inside a git work tree/);
    assert.ok(!io.err.includes(token), io.err);
  });
});
