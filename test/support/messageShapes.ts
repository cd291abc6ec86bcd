/**
 * Commit messages of a given length in every shape that once made the
 * linter slow or crash, shared by the linear-time unit tests and the
 * text-length benchmark: each builds a message of exactly `length` UTF-16
 * code units (± one cluster), subject included.
 */
type Make = (length: number) => string;

function repeatTo(head: string, unit: string, length: number): string {
  const count = Math.max(0, Math.ceil((length - head.length) / unit.length));
  return head + unit.repeat(count);
}

/** Every byte value 0-255 in a scrambled order (NUL, ESC, DEL, CR, lone LF, Latin-1). */
function binary(length: number): string {
  const head = 'Add x\n\n';
  const units: string[] = [];
  for (let i = 0; head.length + units.length < length; i++) units.push(String.fromCharCode((i * 7919) % 256));
  return head + units.join('');
}

export const messageShapes: Record<string, Make> = {
  'ASCII words on one line': (n) => repeatTo('Add x\n\n', 'lorem ipsum dolor ', n),
  'one long ASCII token': (n) => repeatTo('Add x\n\n', 'x', n),
  'CJK without spaces': (n) => repeatTo('Add x\n\n', '中', n),
  'CJK words': (n) => repeatTo('Add x\n\n', '中文字 ', n),
  'emoji ZWJ sequences': (n) => repeatTo('Add x\n\n', '👩‍💻👍🏽🇫🇷', n),
  'combining marks': (n) => repeatTo('Add x\n\n', 'e\u0301\u0302', n),
  'binary and control bytes': binary,
  'many short lines': (n) => repeatTo('Add x\n\n', 'short line\n', n),
  'many blank lines': (n) => repeatTo('Add x\n\n', '\n', n - 3) + 'end',
  'CRLF lines': (n) => repeatTo('Add x\r\n\r\n', 'some words here\r\n', n),
  'one over-long paragraph': (n) => repeatTo('Add x\n\n', `${'word '.repeat(15)}\n`, n),
  'a long CJK subject': (n) => repeatTo('', '中', n),
  'a long subject of words': (n) => repeatTo('', 'Add x ', n),
};
