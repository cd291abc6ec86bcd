/**
 * Rewrap prose at a column limit without damaging what must stay intact:
 * list items (`-`, `*`, `+`, `1.`, `1)`) keep their marker and get a
 * hanging indent, words longer than the limit (URLs, paths) stay whole on
 * their own line, and code, URL lines and trailers are never touched by
 * rewrapBody. Widths are terminal columns (see width.ts). Linear in the
 * text and iterative: a one-line paragraph of a million words is fine.
 */
import { classifyBodyLines } from './bodyLines';
import { columnWidth, offsetPastColumn } from './width';

const LIST_ITEM = /^(\s*)([-*+•]|\d{1,3}[.)])(\s+)/;

interface Item {
  first: string;
  hanging: string;
  words: string[];
}

function splitItems(lines: readonly string[]): Item[] {
  const items: Item[] = [];
  for (const line of lines) {
    const marker = LIST_ITEM.exec(line);
    const last = items[items.length - 1];
    if (marker || !last) {
      const first = marker ? marker[0] : (/^\s*/.exec(line)?.[0] ?? '');
      items.push({ first, hanging: ' '.repeat(columnWidth(first)), words: [] });
    }
    const item = items[items.length - 1]!;
    const rest = marker ? line.slice(marker[0].length) : line;
    // A loop, not push(...words): spreading a million words overflows the stack.
    for (const word of rest.split(/\s+/)) if (word !== '') item.words.push(word);
  }
  return items;
}

function fill(item: Item, width: number): string[] {
  const out: string[] = [];
  let current = item.first;
  let used = columnWidth(current);
  const hangingWidth = columnWidth(item.hanging);
  let empty = true;
  for (const word of item.words) {
    const w = columnWidth(word);
    if (!empty && used + 1 + w > width) {
      out.push(current);
      current = item.hanging + word;
      used = hangingWidth + w;
      continue;
    }
    current += empty ? word : ` ${word}`;
    used += empty ? w : w + 1;
    empty = false;
  }
  out.push(current);
  return out;
}

/** Rewrap one paragraph (lines without terminators) at `width` columns. */
export function rewrapParagraph(lines: readonly string[], width: number): string[] {
  const out: string[] = [];
  for (const item of splitItems(lines)) for (const line of fill(item, width)) out.push(line);
  return out;
}

/**
 * Rewrap every prose paragraph of `body` that has a line over `width`
 * columns; other paragraphs, code, URL lines and trailers are kept as they
 * are. Line endings (LF or CRLF) are preserved.
 */
export function rewrapBody(body: string, width: number): string {
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const lines = body.split(/\r?\n/);
  const kinds = classifyBodyLines(lines);
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (kinds[i] !== 'text') {
      out.push(lines[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && kinds[j] === 'text') j++;
    const paragraph = lines.slice(i, j);
    const tooLong = paragraph.some((l) => offsetPastColumn(l.trimEnd(), width) !== undefined);
    for (const line of tooLong ? rewrapParagraph(paragraph, width) : paragraph) out.push(line);
    i = j;
  }
  return out.join(eol);
}
