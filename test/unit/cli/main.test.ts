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

describe('change-control --format json errors', () => {
  it('prints a JSON error object on stdout, and the text on stderr', async () => {
    const io = fakeIo(['check-tests', '--format', 'json']);
    assert.equal(await main(io), 2);
    const { error } = JSON.parse(io.out) as { error: { code: string; message: string; hint: string | null } };
    assert.equal(error.code, 'usage');
    assert.match(error.message, /not inside a git work tree/);
    assert.equal(error.hint, null);
    assert.match(io.err, /^change-control check-tests: /);
  });

  it('answers in JSON for a bad flag and an unknown command too', async () => {
    const bad = fakeIo(['lint', '--format=json', '--fix', 'x']);
    assert.equal(await main(bad), 2);
    assert.match((JSON.parse(bad.out) as { error: { message: string } }).error.message, /unknown option "--fix"/);
    const unknown = fakeIo(['nope', '--format', 'json']);
    assert.equal(await main(unknown), 2);
    assert.equal((JSON.parse(unknown.out) as { error: { code: string } }).error.code, 'usage');
  });

  it('prints no JSON without --format json', async () => {
    const io = fakeIo(['check-tests']);
    assert.equal(await main(io), 2);
    assert.equal(io.out, '');
  });
});
