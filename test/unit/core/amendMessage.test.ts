import { strict as assert } from 'node:assert';
import { amendRefusal, applyTextEdits, splitSubject, withSubject } from '../../../src/core/amendMessage';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('core/amendMessage', () => {
  it('allows the latest commit while no remote has it, and refuses everything else', () => {
    assert.equal(amendRefusal({ sha: A, headSha: A, remoteRefs: [], parents: 1 }), undefined);
    assert.equal(amendRefusal({ sha: A.slice(0, 7), headSha: A, remoteRefs: [], parents: 1 }), undefined);
    assert.match(amendRefusal({ sha: B, headSha: A, remoteRefs: [], parents: 1 }) ?? '', /not the latest commit/);
    assert.match(amendRefusal({ sha: A, headSha: A, remoteRefs: ['origin/feature/x'], parents: 1 }) ?? '', /already pushed.*never rewrites pushed commits/);
    assert.match(amendRefusal({ sha: A, headSha: A, remoteRefs: [], parents: 2 }) ?? '', /merge commit/);
    assert.match(amendRefusal({ sha: A, headSha: undefined, remoteRefs: [], parents: 0 }) ?? '', /no commit/);
  });

  it('applies edits from the end so earlier offsets stay valid', () => {
    const text = 'Added x\n\nline one\nline two';
    const edits = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, newText: 'Add' },
      { range: { start: { line: 3, character: 5 }, end: { line: 3, character: 8 } }, newText: '2' },
    ];
    assert.equal(applyTextEdits(text, edits), 'Add x\n\nline one\nline 2');
  });

  it('replaces the subject and keeps the body', () => {
    assert.deepEqual(splitSubject('Subject\r\n\nBody'), { subject: 'Subject', rest: '\n\nBody' });
    assert.equal(withSubject('Added x\n\nWhy.', ' Add x '), 'Add x\n\nWhy.');
    assert.equal(withSubject('Added x', 'Add x'), 'Add x');
  });
});
