/**
 * Parse a commit message the way git's cleanup sees it, but keep the
 * ORIGINAL line numbers so findings land where the user typed: comment
 * lines are skipped (not deleted) when git strips them, the scissors line
 * ends the message when git truncates there, and leading and trailing
 * blank lines are ignored. Which of these apply depends on how the
 * message was made (see cleanup.ts): `git commit -m "#12 Fix"` keeps its
 * `#` line, an editor session drops it. gitlint counts lines on the
 * cleaned text, which misplaces squiggles; we deliberately do not.
 */
import { EDITED_MESSAGE, type Cleanup } from './cleanup';

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
  /** The first non-blank line git keeps; undefined when there is none. */
  subject?: MessageLine;
  /**
   * The lines git keeps after the subject, up to the scissors line when git
   * truncates there, with trailing blank lines removed. body[0] is
   * normally the blank separator.
   */
  body: MessageLine[];
}

const SCISSORS = '------------------------ >8 ------------------------';

/**
 * True when `text` is git's scissors line for this comment character:
 * exactly, as git matches it (wt_status_locate_end), so a line git would
 * not cut at (trailing blanks, CRLF) does not hide the lines after it.
 */
export function isScissorsLine(text: string, commentChar: string): boolean {
  return text === `${commentChar} ${SCISSORS}`;
}

/**
 * The line git truncates the message at (its first scissors line), or
 * undefined when git keeps everything. With `ifGitCutBlock`, git wrote a
 * cut block (the scissors line followed by its comment lines) only for
 * `-v` or scissors mode, and then truncates at the first scissors line.
 */
function cutLine(lines: readonly string[], char: string, cut: Cleanup['cut']): number | undefined {
  if (cut === 'never') return undefined;
  let first: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (!isScissorsLine(lines[i]!, char)) continue;
    first ??= i;
    if (cut === 'always' || lines[i + 1]?.startsWith(char)) return first;
  }
  return undefined;
}

/** Parse `text` (LF or CRLF) as git will clean it up (an edited message by default); never throws. */
export function parseMessage(text: string, commentChar = '#', cleanup: Cleanup = EDITED_MESSAGE): ParsedMessage {
  const lines = text.split('\n');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const char = commentChar.length > 0 ? commentChar : '#';
  const end = cutLine(lines, char, cleanup.cut) ?? lines.length;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  const kept: MessageLine[] = [];
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (cleanup.stripComments && l.startsWith(char)) continue;
    kept.push({ line: i, text: l });
  }
  let first = 0;
  while (first < kept.length && kept[first]!.text.trim() === '') first++;
  let last = kept.length;
  while (last > first && kept[last - 1]!.text.trim() === '') last--;
  if (first >= last) return { lines, eol, commentChar: char, body: [] };
  return { lines, eol, commentChar: char, subject: kept[first], body: kept.slice(first + 1, last) };
}

/** The message as git would store it (dropped lines and blanks removed). */
export function cleanMessage(parsed: ParsedMessage): string {
  if (!parsed.subject) return '';
  return [parsed.subject, ...parsed.body].map((l) => l.text.trimEnd()).join('\n');
}
