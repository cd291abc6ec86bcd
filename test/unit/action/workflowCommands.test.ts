import { strict as assert } from 'node:assert';
import { annotation, escapeData, escapeProperty, outputEntry } from '../../../src/action/workflowCommands';

describe('GitHub Actions workflow commands', () => {
  it('escapes a message so that no line of it starts a command of its own', () => {
    const hostile = 'needs review\n::add-mask::x\r\n100%';
    const line = annotation('error', hostile, { title: 'Change Control' });
    assert.equal(line, '::error title=Change Control::needs review%0A::add-mask::x%0D%0A100%25\n');
    assert.equal(line.split('\n').length, 2, 'one line and its newline');
  });

  it('escapes properties, where : and , end a value', () => {
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    assert.equal(escapeData('a:b,c'), 'a:b,c');
    assert.equal(annotation('warning', 'm', { file: 'src/a,b.ts', line: '3' }), '::warning file=src/a%2Cb.ts,line=3::m\n');
  });

  it('writes one-line outputs plainly and multi-line ones as a heredoc', () => {
    assert.equal(outputEntry('ready', 'true'), 'ready=true\n');
    assert.equal(outputEntry('blockers', 'a\nb', 'EOF_1'), 'blockers<<EOF_1\na\nb\nEOF_1\n');
    assert.throws(() => outputEntry('x', 'a\nEOF_1', 'EOF_1'), /delimiter/);
    assert.throws(() => outputEntry('bad name', 'v'), /Invalid output name/);
    const entry = outputEntry('blockers', 'one\ntwo');
    const delimiter = /^blockers<<(\S+)\n/.exec(entry)?.[1];
    assert.ok(delimiter && entry.endsWith(`\n${delimiter}\n`), 'a fresh delimiter closes the value');
  });
});
