import assert from 'node:assert/strict';
import { cleanMessage, isScissorsLine, parseMessage } from '../../../../src/core/commitMessage/parse';

describe('parseMessage', () => {
  it('keeps original line numbers when comments precede the subject', () => {
    const p = parseMessage('# a comment\n\nAdd x\n\nBody\n# trailing comment\n\n\n');
    assert.deepEqual(p.subject, { line: 2, text: 'Add x' });
    assert.deepEqual(p.body, [
      { line: 3, text: '' },
      { line: 4, text: 'Body' },
    ]);
  });

  it('strips CR from CRLF lines and remembers the line ending', () => {
    const p = parseMessage('Add x\r\n\r\nBody\r\n');
    assert.equal(p.eol, '\r\n');
    assert.equal(p.subject!.text, 'Add x');
    assert.equal(p.body[1]!.text, 'Body');
  });

  it("ends the message at git's cut block (scissors line and its comments)", () => {
    const p = parseMessage('Add x\n\nBody\n# ------------------------ >8 ------------------------\n# Do not modify or remove the line above.\nnot part of it\n');
    assert.deepEqual(
      p.body.map((l) => l.text),
      ['', 'Body'],
    );
  });

  it('uses a custom comment character for comments and scissors', () => {
    const p = parseMessage('; comment\n#1: Add x\n; ------------------------ >8 ------------------------\n; Do not modify\ntail\n', ';');
    assert.deepEqual(p.subject, { line: 1, text: '#1: Add x' });
    assert.deepEqual(p.body, []);
    assert.ok(isScissorsLine('; ------------------------ >8 ------------------------', ';'));
    assert.ok(!isScissorsLine('# ------------------------ >8 ------------------------', ';'));
  });

  it('has no subject for an empty or comment-only message', () => {
    assert.equal(parseMessage('').subject, undefined);
    assert.equal(parseMessage('# only\n\n   \n').subject, undefined);
  });

  it('cleans the message the way git stores it', () => {
    assert.equal(cleanMessage(parseMessage('# c\nAdd x  \n\nBody\t\n# c\n\n')), 'Add x\n\nBody');
  });
});
