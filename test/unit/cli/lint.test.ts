import assert from 'node:assert/strict';
import { parseLintArgs } from '../../../src/cli/commands/lint';
import { main } from '../../../src/cli/main';
import { fakeIo } from './fakeIo';

describe('change-control lint arguments', () => {
  it('reads a file, stdin, a range, the format and a policy file', () => {
    assert.deepEqual(parseLintArgs(['msg.txt']), { format: 'text', hook: false, file: 'msg.txt' });
    assert.deepEqual(parseLintArgs(['-', '--format', 'json']), { format: 'json', hook: false, file: '-' });
    assert.deepEqual(parseLintArgs(['--range=origin/main..HEAD', '--policy', 'p.json']), {
      format: 'text',
      hook: false,
      range: 'origin/main..HEAD',
      policyFile: 'p.json',
    });
    assert.equal(parseLintArgs(['--hook', '.git/COMMIT_EDITMSG']).hook, true);
  });

  it('rejects missing, extra and unknown arguments with the reason', () => {
    assert.throws(() => parseLintArgs([]), /give a FILE, "-" for standard input, or --range/);
    assert.throws(() => parseLintArgs(['a', 'b']), /one file at a time/);
    assert.throws(() => parseLintArgs(['a', '--range', 'x..y']), /not both/);
    assert.throws(() => parseLintArgs(['a', '--format', 'xml']), /--format must be "text" or "json", not "xml"/);
    assert.throws(() => parseLintArgs(['a', '--format']), /--format needs a value/);
    assert.throws(() => parseLintArgs(['a', '--fix']), /unknown option "--fix"/);
  });
});

describe('change-control lint output', () => {
  it('prints FILE:LINE:COL: error RULE: message and exits 1 on errors', async () => {
    const io = fakeIo(['lint', '-'], 'Added the parser\n');
    assert.equal(await main(io), 1);
    assert.match(io.out, /^<stdin>:1:1: error present-tense: .*"Add".*\n$/);
    assert.equal(io.err, '');
  });

  it('exits 0 and prints nothing for a clean message', async () => {
    const io = fakeIo(['lint', '-'], 'Add the parser\n\nThe old one could not read CRLF files.\n');
    assert.equal(await main(io), 0);
    assert.equal(io.out, '');
  });

  it('uses 1-based lines and columns for findings past the subject', async () => {
    const long = 'word '.repeat(20).trim();
    const io = fakeIo(['lint', '-'], `Add the parser\nno blank line here\n\n${long}\n`);
    assert.equal(await main(io), 1);
    const lines = io.out.trim().split('\n');
    assert.ok(lines.some((l) => /^<stdin>:2:1: error blank-line-after-subject: /.test(l)), io.out);
    assert.ok(lines.some((l) => /^<stdin>:4:\d+: error body-max-line-length: /.test(l)), io.out);
  });

  it('prints a JSON array with --format json', async () => {
    const io = fakeIo(['lint', '--format', 'json', '-'], 'Fixing the build\n');
    assert.equal(await main(io), 1);
    const rows = JSON.parse(io.out) as Record<string, unknown>[];
    assert.equal(rows.length, 1);
    assert.deepEqual(Object.keys(rows[0]!).sort(), ['column', 'line', 'message', 'rule', 'severity']);
    assert.equal(rows[0]!.rule, 'present-tense');
    assert.equal(rows[0]!.severity, 'error');
    assert.equal(rows[0]!.line, 1);
    assert.equal(rows[0]!.column, 1);
    assert.match(String(rows[0]!.message), /"Fix"/);
  });

  it('prints [] for a clean message in JSON', async () => {
    const io = fakeIo(['lint', '--format=json', '-'], 'Bump the version\n');
    assert.equal(await main(io), 0);
    assert.deepEqual(JSON.parse(io.out), []);
  });

  it("passes git's own messages", async () => {
    const io = fakeIo(['lint', '-'], "Merge branch 'feature/x' into main\n");
    assert.equal(await main(io), 0);
  });

  it('exits 2 on an unreadable file, naming it', async () => {
    const io = fakeIo(['lint', 'no-such-message.txt']);
    assert.equal(await main(io), 2);
    assert.match(io.err, /cannot read no-such-message\.txt/);
  });

  it('exits 2 on bad usage with the usage line', async () => {
    const io = fakeIo(['lint']);
    assert.equal(await main(io), 2);
    assert.match(io.err, /usage: change-control lint/);
  });

  it('exits 2 when --policy names a missing file', async () => {
    const io = fakeIo(['lint', '--policy', 'missing.json', '-'], 'Add x\n');
    assert.equal(await main(io), 2);
    assert.match(io.err, /cannot read the policy file missing\.json/);
  });

  it('exits 2 when --range is used outside a work tree', async () => {
    const io = fakeIo(['lint', '--range', 'a..b']);
    assert.equal(await main(io), 2);
    assert.match(io.err, /needs a git work tree/);
  });
});
