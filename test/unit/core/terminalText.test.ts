import assert from 'node:assert/strict';
import { escapeDocumentForTerminal, escapeForTerminal, escapeJsonForTerminal } from '../../../src/core/terminalText';

describe('escapeForTerminal', () => {
  it('shows C0, DEL, C1 and bidi controls as escapes', () => {
    assert.equal(escapeForTerminal('a\x1b[31mb\x07c\x7fd\u009be\u202ef\u2066g'), 'a\\x1b[31mb\\x07c\\x7fd\\x9be\\u202ef\\u2066g');
    assert.equal(escapeForTerminal('line\nfake\rover\ttab\0'), 'line\\nfake\\rover\\ttab\\x00');
  });

  it('leaves ordinary text alone, accents, CJK and emoji included', () => {
    const text = 'Add the café parser 中文 🎉 \\x1b';
    assert.equal(escapeForTerminal(text), text);
  });

  it('keeps line feeds and tabs in a whole document', () => {
    assert.equal(escapeDocumentForTerminal('a\tb\nc\x1b]0;t\x07\r\n'), 'a\tb\nc\\x1b]0;t\\x07\\r\n');
  });

  it('writes the controls JSON.stringify leaves raw as \\u escapes, losslessly', () => {
    const value = { path: 'a\x1b\u009b\u202e\x7fb' };
    const json = escapeJsonForTerminal(JSON.stringify(value));
    assert.ok(!/[\x1b\u009b\u202e\x7f]/.test(json), json);
    assert.deepEqual(JSON.parse(json), value);
  });
});
