import assert from 'node:assert/strict';
import { resolveCommentChar } from '../../../src/git/commits';

describe('core.commentChar for the lint context', () => {
  it('uses a configured character as is and # when unset', () => {
    assert.equal(resolveCommentChar(';', '# not a comment\n'), ';');
    assert.equal(resolveCommentChar('', 'Add x\n'), '#');
  });

  it('resolves auto from the instruction line git wrote', () => {
    const message = '#123 Fix the parser\n\n; Please enter the commit message for your changes. Lines starting\n; with \';\' will be ignored.\n';
    assert.equal(resolveCommentChar('auto', message), ';');
  });

  it('resolves auto to the first candidate no line starts with', () => {
    assert.equal(resolveCommentChar('auto', 'Add x\n'), '#');
    assert.equal(resolveCommentChar('auto', '#1 Add x\n;2\n@3\n'), '!');
  });
});
