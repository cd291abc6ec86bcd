import assert from 'node:assert/strict';
import { parseNulRecords } from '../../../src/git/commits';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('parseNulRecords (git log -z)', () => {
  it('splits commits on NUL, whatever other bytes the messages hold', () => {
    const out = `${A}\0${B}\0Add x \x1e\x1f\n\nBody\n\0${B}\0\0Add y\n\0`;
    assert.deepEqual(parseNulRecords(out, 3, 'the range'), [
      [A, B, 'Add x \x1e\x1f\n\nBody\n'],
      [B, '', 'Add y\n'],
    ]);
    assert.deepEqual(parseNulRecords('', 3, 'the range'), []);
  });

  it('refuses output whose records do not start with a commit id', () => {
    assert.throws(() => parseNulRecords(`${A}\0\0Add\0x\n\0`, 3, 'the range'), /Cannot read the range/);
    assert.throws(() => parseNulRecords(`${A}\0\0`, 3, 'the range'), /Cannot read the range/);
  });
});
