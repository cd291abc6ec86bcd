import { strict as assert } from 'node:assert';
import { parseStatus } from '../../../src/git/gitRepository';

describe('parseStatus (git status --porcelain=v1 -z)', () => {
  it('sorts entries into staged, unstaged, untracked and conflicted', () => {
    const out = ['M  staged.ts', ' M unstaged.ts', 'MM both.ts', '?? new file.txt', 'R  renamed.ts', 'old.ts', 'UU conflict.ts', 'AA added-both.ts', 'A  added.ts', ' D deleted.ts', ''].join('\0');
    assert.deepEqual(parseStatus(out), {
      staged: ['staged.ts', 'both.ts', 'renamed.ts', 'added.ts'],
      unstaged: ['unstaged.ts', 'both.ts', 'deleted.ts'],
      untracked: ['new file.txt'],
      conflicted: ['conflict.ts', 'added-both.ts'],
    });
  });

  it('is empty for a clean tree', () => {
    assert.deepEqual(parseStatus(''), { staged: [], unstaged: [], untracked: [], conflicted: [] });
  });
});
