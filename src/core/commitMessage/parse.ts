/**
 * Parse a commit message the way git's cleanup sees it, but keep the
 * ORIGINAL line numbers so findings land where the user typed: comment
 * lines are skipped (not deleted) when git strips them, the scissors line
 * ends the message when git truncates there, and leading and trailing
 * blank lines are ignored. Which of these apply depends on how the
 * message was made (see cleanup.ts): `git commit -m "#12 Fix"` keeps its
 * `#` line, an editor session drops it. gitlint counts lines on the
 * cleaned text, which misplaces squiggles; we deliberately do not.
 *
 * A message is untrusted input linted on every keystroke: parsing makes
 * no string or object per line (a million blank lines are two typed
 * arrays), and a line's text is sliced only when a rule reads it.
 */
import { EDITED_MESSAGE, type Cleanup } from './cleanup';

/** One line of the message, `text` without its line terminator. */
export interface MessageLine {
  /** 0-based line number in the original text. */
  line: number;
  text: string;
}

/**
 * The original lines of a message, by line number, without their
 * terminators (LF, or CRLF: the CR is not part of the line). Holds the
 * offsets where lines start; text is sliced on demand.
 */
export class MessageLines {
  /** starts[n] is where line n starts; starts[count] is one past the end of the text. */
  private constructor(
    readonly source: string,
    private readonly starts: Int32Array,
  ) {}

  /**
   * Split `text` at every LF, in one pass. indexOf skips long lines fast
   * but costs a call per line, so after a short line the next few hundred
   * characters are read one by one instead: a million blank lines cost
   * about as little as one long line.
   */
  static of(text: string): MessageLines {
    const length = text.length;
    let starts = new Int32Array(64);
    let n = 1; // starts[0] = 0
    let i = 0;
    for (;;) {
      // At most 257 starts per round: grow first.
      if (n + 257 > starts.length) {
        const grown = new Int32Array(starts.length * 2 + 257);
        grown.set(starts);
        starts = grown;
      }
      const lf = i < length ? text.indexOf('\n', i) : -1;
      if (lf < 0) break;
      const short = lf - i < 64;
      starts[n++] = i = lf + 1;
      if (!short) continue;
      for (const stop = Math.min(length, i + 256); i < stop; i++) if (text.charCodeAt(i) === 10) starts[n++] = i + 1;
    }
    starts[n++] = length + 1;
    return new MessageLines(text, starts.subarray(0, n));
  }

  private longestLength: number | undefined;

  /** The length of the longest line, terminator included (an upper bound for every line); computed once. */
  longest(): number {
    if (this.longestLength === undefined) {
      let longest = 0;
      for (let n = 1; n < this.starts.length; n++) longest = Math.max(longest, this.starts[n]! - this.starts[n - 1]!);
      this.longestLength = longest;
    }
    return this.longestLength;
  }

  /** How many lines (one more than the number of LFs). */
  get count(): number {
    return this.starts.length - 1;
  }

  /** Offset of the first character of line n. */
  start(n: number): number {
    return this.starts[n]!;
  }

  /** Offset just past line n, CR excluded. */
  end(n: number): number {
    const raw = this.starts[n + 1]! - 1;
    return raw > this.starts[n]! && this.source.charCodeAt(raw - 1) === 13 ? raw - 1 : raw;
  }

  /** Length of line n in UTF-16 code units, without making its string. */
  length(n: number): number {
    return this.end(n) - this.starts[n]!;
  }

  /** The text of line n. */
  text(n: number): string {
    return this.source.slice(this.starts[n]!, this.end(n));
  }

  /** Line n with its CR, if any (how git compares a scissors line). */
  raw(n: number): string {
    return this.source.slice(this.starts[n]!, this.starts[n + 1]! - 1);
  }

  /** True when line n starts with `prefix`. */
  startsWith(n: number, prefix: string): boolean {
    return this.source.startsWith(prefix, this.starts[n]!) && this.starts[n]! + prefix.length <= this.end(n);
  }

  /** True when line n is empty or whitespace only (as `text(n).trim() === ''`). */
  isBlank(n: number): boolean {
    const start = this.starts[n]!;
    const end = this.end(n);
    for (let i = start; i < end; i++) {
      const c = this.source.charCodeAt(i);
      if (c === 32 || (c >= 9 && c <= 13)) continue;
      if (c < 128) return false;
      return this.source.slice(i, end).trim() === '';
    }
    return true;
  }

  /** True when line n has a tab. */
  hasTab(n: number): boolean {
    const end = this.end(n);
    for (let i = this.starts[n]!; i < end; i++) if (this.source.charCodeAt(i) === 9) return true;
    return false;
  }
}

export interface ParsedMessage {
  /** Every original line (index = line number). */
  lines: MessageLines;
  /** The end-of-line sequence the document uses, for edits that add lines. */
  eol: '\n' | '\r\n';
  commentChar: string;
  /** The first non-blank line git keeps; undefined when there is none. */
  subject?: MessageLine;
  /**
   * The line numbers of the lines git keeps after the subject, up to the
   * scissors line when git truncates there, with trailing blank lines
   * removed; the first is normally the blank separator. Rules read this:
   * a million-line message is one typed array here, not a million objects.
   */
  bodyLines: Int32Array;
  /** The same lines as objects (body[0] is normally the blank separator); built on first read. */
  readonly body: MessageLine[];
}

/** A ParsedMessage whose `body` objects are built only when something reads them. */
export function parsedMessage(
  lines: MessageLines,
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
      body ??= Array.from(bodyLines, (line) => ({ line, text: lines.text(line) }));
      return body;
    },
  };
}

/** The text of the i-th body line. */
export function bodyText(parsed: ParsedMessage, i: number): string {
  return parsed.lines.text(parsed.bodyLines[i]!);
}

/** The subject and the body lines git keeps, joined with LF (no trailing newline); '' without a subject. */
export function keptText(parsed: ParsedMessage, map?: (text: string) => string): string {
  const { subject, bodyLines, lines } = parsed;
  if (!subject) return '';
  const last = bodyLines.length > 0 ? bodyLines[bodyLines.length - 1]! : subject.line;
  if (!map && parsed.eol === '\n' && last - subject.line === bodyLines.length) {
    // No line dropped between the subject and the last body line, and no CRLF: one slice.
    return subject.text + lines.source.slice(lines.end(subject.line), lines.end(last));
  }
  const out: string[] = [map ? map(subject.text) : subject.text];
  for (const n of bodyLines) out.push(map ? map(lines.text(n)) : lines.text(n));
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
function cutLine(lines: MessageLines, char: string, cut: Cleanup['cut']): number | undefined {
  if (cut === 'never') return undefined;
  const scissors = `${char} ${SCISSORS}`;
  let first: number | undefined;
  for (let i = 0; i < lines.count; i++) {
    // Exactly the scissors line, CR included (raw length), as git compares it.
    if (lines.start(i + 1) - 1 - lines.start(i) !== scissors.length || !lines.startsWith(i, scissors)) continue;
    first ??= i;
    if (cut === 'always' || (i + 1 < lines.count && lines.raw(i + 1).startsWith(char))) return first;
  }
  return undefined;
}

/** Parse `text` (LF or CRLF) as git will clean it up (an edited message by default); never throws. */
export function parseMessage(text: string, commentChar = '#', cleanup: Cleanup = EDITED_MESSAGE): ParsedMessage {
  const lines = MessageLines.of(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const char = commentChar.length > 0 ? commentChar : '#';
  const end = cutLine(lines, char, cleanup.cut) ?? lines.count;
  // Line numbers, not objects: one allocation whatever the number of lines.
  const kept = new Int32Array(end);
  let count = 0;
  const strip = cleanup.stripComments;
  const first0 = char.charCodeAt(0);
  for (let i = 0; i < end; i++) {
    if (strip && text.charCodeAt(lines.start(i)) === first0 && lines.startsWith(i, char)) continue;
    kept[count++] = i;
  }
  let first = 0;
  while (first < count && lines.isBlank(kept[first]!)) first++;
  let last = count;
  while (last > first && lines.isBlank(kept[last - 1]!)) last--;
  if (first >= last) return parsedMessage(lines, eol, char, undefined, new Int32Array(0));
  const subject = { line: kept[first]!, text: lines.text(kept[first]!) };
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
