import assert from 'node:assert/strict';
import { rewrapBody, rewrapParagraph } from '../../../../src/core/commitMessage/rewrap';
import { columnWidth } from '../../../../src/core/commitMessage/width';

const words = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen';

describe('rewrapParagraph', () => {
  it('fills lines up to the width', () => {
    const lines = rewrapParagraph([words], 30);
    assert.deepEqual(lines, ['one two three four five six', 'seven eight nine ten eleven', 'twelve thirteen fourteen', 'fifteen']);
  });

  it('keeps list markers and indents continuation lines under the text', () => {
    const lines = rewrapParagraph([`- ${words}`, `12. ${words}`, `* short`], 30);
    assert.equal(lines[0], '- one two three four five six');
    assert.ok(lines[1]!.startsWith('  seven'));
    const numbered = lines.findIndex((l) => l.startsWith('12. '));
    assert.ok(lines[numbered + 1]!.startsWith('    '));
    assert.equal(lines[lines.length - 1], '* short');
  });

  it('keeps a word longer than the width whole, on its own line', () => {
    const url = 'https://example.com/' + 'x'.repeat(40);
    assert.deepEqual(rewrapParagraph([`see ${url} for details`], 30), ['see', url, 'for details']);
  });

  it('measures wide characters in columns', () => {
    const lines = rewrapParagraph(['中文 '.repeat(20)], 20);
    assert.ok(lines.every((l) => columnWidth(l) <= 20));
  });
});

describe('rewrapBody', () => {
  it('rewraps only over-long prose and keeps code, URLs and trailers', () => {
    const long = `${words} ${words}`;
    const url = `https://example.com/${'p/'.repeat(40)}`;
    const body = [`${long}`, '', 'short paragraph', 'kept as is', '', '```', long, '```', '', url, '', `Signed-off-by: ${long}`].join('\n');
    const out = rewrapBody(body, 40).split('\n');
    assert.ok(out.slice(0, out.indexOf('')).every((l) => columnWidth(l) <= 40));
    assert.ok(out.includes('short paragraph') && out.includes('kept as is'));
    assert.ok(out.includes(long), 'code and trailer lines untouched');
    assert.ok(out.includes(url));
    assert.ok(out.includes(`Signed-off-by: ${long}`));
  });

  it('preserves CRLF line endings', () => {
    const out = rewrapBody(`${words} ${words}\r\n\r\nnext`, 40);
    assert.ok(out.includes('\r\n') && !/[^\r]\n/.test(out));
  });
});
