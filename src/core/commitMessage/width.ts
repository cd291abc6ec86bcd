/**
 * Terminal column widths. Subject and body limits are about what a
 * terminal (`git log`, `git shortlog`) shows, so wide CJK characters and
 * emoji count 2 columns and combining marks 0. string-width implements the
 * Unicode East Asian Width and emoji rules; plain ASCII takes a fast path.
 */
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const TAB_STOP = 8;
let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string): Iterable<{ segment: string; index: number }> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter.segment(text);
}

/** Width of `text` in terminal columns (tabs advance to the next multiple of 8). */
export function columnWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let col = 0;
  for (const g of graphemes(text)) col = advance(col, g.segment);
  return col;
}

function advance(col: number, grapheme: string): number {
  if (grapheme === '\t') return col + TAB_STOP - (col % TAB_STOP);
  return col + stringWidth(grapheme);
}

/**
 * The UTF-16 offset of the first character that ends past `maxColumns`,
 * or undefined when the whole text fits.
 */
export function offsetPastColumn(text: string, maxColumns: number): number | undefined {
  if (PRINTABLE_ASCII.test(text)) return text.length > maxColumns ? maxColumns : undefined;
  let col = 0;
  for (const g of graphemes(text)) {
    col = advance(col, g.segment);
    if (col > maxColumns) return g.index;
  }
  return undefined;
}
