import assert from 'node:assert/strict';
import { formatTestCheck, parseCheckTestsArgs } from '../../../src/cli/commands/checkTests';
import { parseNameStatus } from '../../../src/git/changes';
import { parseNulList } from '../../../src/git/git';

describe('check-tests plumbing', () => {
  it('parses NUL-separated name-status output with renames, copies and odd names', () => {
    const out = ['M', 'src/a b.ts', 'R087', 'src/old.ts', 'src/new.ts', 'D', 'src/gone.ts', 'A', 'src/né\nw.ts', 'C100', 'x.ts', 'y.ts', ''].join('\0');
    assert.deepEqual(parseNameStatus(out), [
      { path: 'src/a b.ts', status: 'modified' },
      { path: 'src/new.ts', status: 'renamed', oldPath: 'src/old.ts' },
      { path: 'src/gone.ts', status: 'deleted' },
      { path: 'src/né\nw.ts', status: 'added' },
      { path: 'y.ts', status: 'added' },
    ]);
    assert.deepEqual(parseNulList('a\0b c\0'), ['a', 'b c']);
    assert.deepEqual(parseNameStatus(''), []);
  });

  it('parses --base and --format, and rejects anything else', () => {
    assert.deepEqual(parseCheckTestsArgs([]), { format: 'text' });
    assert.deepEqual(parseCheckTestsArgs(['--base', 'origin/dev', '--format=json']), { base: 'origin/dev', format: 'json' });
    assert.throws(() => parseCheckTestsArgs(['--format', 'xml']), /text" or "json/);
    assert.throws(() => parseCheckTestsArgs(['--base']), /needs a value/);
    assert.throws(() => parseCheckTestsArgs(['extra']), /unknown argument/);
  });

  it('prints one PATH: verdict line per source and a summary', () => {
    const text = formatTestCheck({
      base: 'origin/main',
      sources: [
        { path: 'a.ts', verdict: 'covered', tests: ['a.test.ts'] },
        { path: 'b.ts', verdict: 'missing', tests: [], suggestedTest: 'b.test.ts' },
      ],
      changedTests: ['a.test.ts'],
      changedOther: [],
      counts: { covered: 1, stale: 0, missing: 1, exempt: 0 },
    });
    assert.equal(text, 'a.ts: covered a.test.ts\nb.ts: missing (create b.test.ts)\n2 source file(s) changed since origin/main: 1 covered, 0 stale, 1 missing, 0 exempt.\n');
  });
});
