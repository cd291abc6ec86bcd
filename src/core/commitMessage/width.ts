/**
 * Terminal column widths. Subject and body limits are about what a
 * terminal (`git log`, `git shortlog`) shows, so wide CJK characters and
 * emoji count 2 columns and combining marks 0. string-width implements the
 * Unicode East Asian Width and emoji rules; text made only of narrow
 * characters below U+1100 (ASCII, Latin with precomposed accents, Greek,
 * Cyrillic, typographic quotes…) takes a fast path, since string-width
 * costs tens of microseconds per call.
 */
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const TAB_STOP = 8;
let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string): Iterable<{ segment: string; index: number }> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter.segment(text);
}

/** True when every character is one column wide (or a tab): no wide, combining, astral or control characters. */
function isNarrow(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) continue;
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c < 0x370) || c >= 0x1100) return false;
  }
  return true;
}

function advance(col: number, grapheme: string): number {
  if (grapheme === '\t') return col + TAB_STOP - (col % TAB_STOP);
  return col + (grapheme.length === 1 && isNarrow(grapheme) ? 1 : stringWidth(grapheme));
}

/** Width of `text` in terminal columns (tabs advance to the next multiple of 8). */
export function columnWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let col = 0;
  if (isNarrow(text)) {
    for (let i = 0; i < text.length; i++) col = text[i] === '\t' ? col + TAB_STOP - (col % TAB_STOP) : col + 1;
    return col;
  }
  for (const g of graphemes(text)) col = advance(col, g.segment);
  return col;
}

/**
 * The UTF-16 offset of the first character that ends past `maxColumns`,
 * or undefined when the whole text fits.
 */
export function offsetPastColumn(text: string, maxColumns: number): number | undefined {
  if (PRINTABLE_ASCII.test(text)) return text.length > maxColumns ? maxColumns : undefined;
  if (text.length <= maxColumns / 2 && !text.includes("\t")) return undefined; // even all-wide text fits
  let col = 0;
  if (isNarrow(text)) {
    for (let i = 0; i < text.length; i++) {
      col = text[i] === '\t' ? col + TAB_STOP - (col % TAB_STOP) : col + 1;
      if (col > maxColumns) return i;
    }
    return undefined;
  }
  for (const g of graphemes(text)) {
    col = advance(col, g.segment);
    if (col > maxColumns) return g.index;
  }
  return undefined;
}
