/**
 * Parse a commit message the way git's cleanup sees it, but keep the
 * ORIGINAL line numbers so findings land where the user typed: comment
 * lines are skipped (not deleted), the scissors line ends the message and
 * trailing blank lines are ignored. gitlint counts lines on the cleaned
 * text, which misplaces squiggles; we deliberately do not.
 */

/** One line of the message, `text` without its line terminator. */
export interface MessageLine {
  /** 0-based line number in the original text. */
  line: number;
  text: string;
}

export interface ParsedMessage {
  /** Every original line without terminators (index = line number). */
  lines: string[];
  /** The end-of-line sequence the document uses, for edits that add lines. */
  eol: '\n' | '\r\n';
  commentChar: string;
  /** The first non-blank, non-comment line; undefined when there is none. */
  subject?: MessageLine;
  /**
   * The non-comment lines after the subject, up to the scissors line, with
   * trailing blank lines removed. body[0] is normally the blank separator.
   */
  body: MessageLine[];
}

const SCISSORS = '------------------------ >8 ------------------------';

/** True when `text` is git's scissors line for this comment character. */
export function isScissorsLine(text: string, commentChar: string): boolean {
  return text.trimEnd() === `${commentChar} ${SCISSORS}`;
}

/** Parse `text` (LF or CRLF); never throws. */
export function parseMessage(text: string, commentChar = '#'): ParsedMessage {
  const lines = text.split('\n');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  const char = commentChar.length > 0 ? commentChar : '#';
  const kept: MessageLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith(char)) {
      if (isScissorsLine(l, char)) break;
      continue;
    }
    kept.push({ line: i, text: l });
  }
  let start = 0;
  while (start < kept.length && kept[start]!.text.trim() === '') start++;
  let end = kept.length;
  while (end > start && kept[end - 1]!.text.trim() === '') end--;
  if (start >= end) return { lines, eol, commentChar: char, body: [] };
  return { lines, eol, commentChar: char, subject: kept[start], body: kept.slice(start + 1, end) };
}

/** The message as git would store it (comments, scissors tail, blanks stripped). */
export function cleanMessage(parsed: ParsedMessage): string {
  if (!parsed.subject) return '';
  return [parsed.subject, ...parsed.body].map((l) => l.text.trimEnd()).join('\n');
}
