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
   * The line numbers (indexes into `lines`) of the lines git keeps after
   * the subject, up to the scissors line when git truncates there, with
   * trailing blank lines removed; the first is normally the blank
   * separator. Rules read this: a million-line message is one typed
   * array here, not a million objects.
   */
  bodyLines: Int32Array;
  /** The same lines as objects (body[0] is normally the blank separator); built on first read. */
  readonly body: MessageLine[];
}

/** A ParsedMessage whose `body` objects are built only when something reads them. */
export function parsedMessage(
  lines: string[],
  eol: ParsedMessage['eol'],
  commentChar: string,
  subject: MessageLine | undefined,
  bodyLines: Int32Array,
): ParsedMessage {
  let body: MessageLine[] | undefined;
  return {
    lines,
    eol,
    commentChar,
    ...(subject ? { subject } : {}),
    bodyLines,
    get body(): MessageLine[] {
      body ??= Array.from(bodyLines, (line) => ({ line, text: lines[line]! }));
      return body;
    },
  };
}

/** The text of the i-th body line. */
export function bodyText(parsed: ParsedMessage, i: number): string {
  return parsed.lines[parsed.bodyLines[i]!]!;
}

/** The subject and the body lines git keeps, joined with LF (no trailing newline); '' without a subject. */
export function keptText(parsed: ParsedMessage, map: (text: string) => string = (t) => t): string {
  if (!parsed.subject) return '';
  const out: string[] = [map(parsed.subject.text)];
  for (const n of parsed.bodyLines) out.push(map(parsed.lines[n]!));
  return out.join('\n');
}

const SCISSORS = '------------------------ >8 ------------------------';

/**
 * True when `text` is git's scissors line for this comment character:
 * exactly, as git matches it (wt_status_locate_end), so a line git would
 * not cut at (trailing blanks, CRLF) does not hide the lines after it.
 */
export function isScissorsLine(text: string, commentChar: string): boolean {
  return text.length === commentChar.length + 1 + SCISSORS.length && text === `${commentChar} ${SCISSORS}`;
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
  const strip = cleanup.stripComments;
  const charCode = char.charCodeAt(0);
  // Line numbers, not objects: one allocation whatever the number of lines.
  const kept = new Int32Array(end);
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!;
    if (l.charCodeAt(l.length - 1) === 13) lines[i] = l = l.slice(0, -1);
    if (i >= end || (strip && l.charCodeAt(0) === charCode && l.startsWith(char))) continue;
    kept[count++] = i;
  }
  let first = 0;
  while (first < count && isBlank(lines[kept[first]!]!)) first++;
  let last = count;
  while (last > first && isBlank(lines[kept[last - 1]!]!)) last--;
  if (first >= last) return parsedMessage(lines, eol, char, undefined, new Int32Array(0));
  const subject = { line: kept[first]!, text: lines[kept[first]!]! };
  return parsedMessage(lines, eol, char, subject, kept.subarray(first + 1, last));
}

/** True for an empty or whitespace-only line (as `trim() === ''`, without a new string for the common cases). */
export function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  const c = text.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return text.trim() === '';
}

/** The message as git would store it (dropped lines and blanks removed). */
export function cleanMessage(parsed: ParsedMessage): string {
  return keptText(parsed, (t) => t.trimEnd());
}
