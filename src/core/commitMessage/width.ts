/**
 * Terminal column widths. Subject and body limits are about what a
 * terminal (`git log`, `git shortlog`) shows, so wide CJK characters and
 * emoji count 2 columns and combining marks 0, per grapheme cluster (the
 * width of its first code point, or 2 when it is shown as an emoji).
 *
 * Everything here is linear in the text and touches each code unit a few
 * times: a commit message is untrusted input, and the editor measures it
 * on every keystroke. Clusters come from graphemes.ts (Intl.Segmenter is
 * quadratic on Node 20), East Asian widths from get-east-asian-width
 * (string-width costs about 25 µs per call), and both are cached per code
 * point. Printable ASCII not followed by a combining mark takes a fast
 * path that reads no table.
 */
import { eastAsianWidth } from 'get-east-asian-width';
import { clusterEnd, codePointProps, isControlProps, isExtendingProps, isPlainBaseProps } from './graphemes';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const TAB_STOP = 8;
const ZERO_WIDTH = /^[\p{Default_Ignorable_Code_Point}\u200b-\u200f\ufeff\ufe00-\ufe0f\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]$/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
const EMOJI = /^\p{Emoji}$/u;

/**
 * Per code point: 1 + its width as a cluster's first code point, plus the
 * flags below; 0 = not computed yet.
 */
let baseWidths: Uint8Array | undefined;
const EMOJI_BASE = 4;
/** A plain base (see isPlainBaseProps): a cluster of its own unless an extending code point follows. */
const PLAIN = 8;
/** A control or line break: always a cluster of its own (UAX #29 GB4, GB5). */
const ALONE = 16;
/** Extends the cluster before it (Extend, ZWJ, SpacingMark). */
const EXTENDS = 32;

function baseInfo(cp: number): number {
  baseWidths ??= new Uint8Array(0x110000);
  let info = baseWidths[cp]!;
  if (info === 0) {
    const props = codePointProps(cp);
    info = 1 + computeBaseWidth(cp) + (EMOJI.test(String.fromCodePoint(cp)) ? EMOJI_BASE : 0);
    if (isPlainBaseProps(props)) info |= PLAIN;
    if (isControlProps(props)) info |= ALONE;
    if (isExtendingProps(props)) info |= EXTENDS;
    baseWidths[cp] = info;
  }
  return info;
}

function computeBaseWidth(cp: number): number {
  const props = codePointProps(cp);
  if (isControlProps(props) || isExtendingProps(props) || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  const c = String.fromCodePoint(cp);
  if (ZERO_WIDTH.test(c)) return 0;
  if (EMOJI_PRESENTATION.test(c)) return 2;
  return eastAsianWidth(cp);
}

/**
 * Width of the cluster text[start, end) whose first code point is `cp`. A
 * narrow emoji-capable base (☺, ©, a digit) is shown as an emoji, 2
 * columns, when it carries VS16, a keycap, a skin tone or a ZWJ sequence.
 */
function clusterWidth(text: string, start: number, end: number, cp: number): number {
  const info = baseInfo(cp);
  const width = (info & 3) - 1;
  if (width !== 1 || (info & EMOJI_BASE) === 0) return width;
  for (let i = start + (cp > 0xffff ? 2 : 1); i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfe0f || c === 0x20e3 || c === 0x200d) return 2;
    if (c === 0xd83c && i + 1 < end) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdffb && low <= 0xdfff) return 2; // U+1F3FB..U+1F3FF skin tones
    }
  }
  return width;
}

/** True when the BMP code unit at i (with baseInfo `info`) is a whole cluster. */
function isSingleUnitCluster(text: string, i: number, n: number, info: number): boolean {
  if (info & ALONE) return text.charCodeAt(i) !== 0x0d || text.charCodeAt(i + 1) !== 0x0a;
  if ((info & PLAIN) === 0) return false;
  if (i + 1 === n) return true;
  const d = text.charCodeAt(i + 1);
  return d < 0x300 || (d < 0xd800 && (baseInfo(d) & EXTENDS) === 0) || (d > 0xdfff && (baseInfo(d) & EXTENDS) === 0);
}

interface Measure {
  /** Columns up to and including the cluster that went past the limit (all of them when none did). */
  columns: number;
  /** UTF-16 offset of the first cluster that ends past the limit. */
  past: number | undefined;
}

/** Walk the clusters of `text`, stopping at the first one that ends past `limit` columns. */
function measure(text: string, limit: number): Measure {
  const n = text.length;
  let col = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let next: number;
    if (c >= 0x20 && c < 0x7f && (i + 1 === n || text.charCodeAt(i + 1) < 0x300)) {
      // Nothing below U+0300 extends a cluster, and no ASCII character prepends to one.
      next = i + 1;
      col++;
    } else if (c === 9) {
      next = i + 1; // a tab is a control: always a cluster of its own
      col += TAB_STOP - (col % TAB_STOP);
    } else if ((c < 0xd800 || c > 0xdfff) && isSingleUnitCluster(text, i, n, baseInfo(c))) {
      // A one-code-unit cluster (a CJK ideograph, a control byte): no cluster scan.
      next = i + 1;
      col += (baseInfo(c) & 3) - 1;
    } else {
      next = clusterEnd(text, i);
      col += clusterWidth(text, i, next, text.codePointAt(i)!);
    }
    if (col > limit) return { columns: col, past: i };
    i = next;
  }
  return { columns: col, past: undefined };
}

/** Width of `text` in terminal columns (tabs advance to the next multiple of 8). Linear in its length. */
export function columnWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  return measure(text, Infinity).columns;
}

/**
 * The UTF-16 offset of the first character that ends past `maxColumns`,
 * or undefined when the whole text fits. Stops measuring there, so a long
 * line costs only its first `maxColumns` columns (plus zero-width marks).
 */
export function offsetPastColumn(text: string, maxColumns: number): number | undefined {
  if (text.length <= maxColumns / 2 && !text.includes('\t')) return undefined; // even all-wide text fits
  return measure(text, maxColumns).past;
}
