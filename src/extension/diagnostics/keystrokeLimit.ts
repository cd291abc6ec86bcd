/**
 * How much of a commit message the editor lints on each keystroke. The
 * linter is linear, but a pasted log of megabytes would still cost
 * hundreds of milliseconds per key, so the editor checks a bounded prefix
 * (whole lines when it can) and says so; the commit hook and the CLI
 * always check everything. Pure (no vscode import) so it is unit-tested.
 */
import type { Position } from '../../core/commitMessage/types';

/** UTF-16 code units linted per keystroke (64 K characters, about 900 full lines). */
export const KEYSTROKE_LINT_LIMIT = 65_536;

export interface KeystrokePrefix {
  /** The text to lint: all of it, or a prefix (ending at a line break when one is near the limit). */
  text: string;
  /** Where the unchecked rest starts, when the text was cut. */
  cut?: Position;
}

/** The prefix of `text` to lint while typing (linear in the prefix, not in `text`). */
export function keystrokePrefix(text: string, limit = KEYSTROKE_LINT_LIMIT): KeystrokePrefix {
  if (text.length <= limit) return { text };
  // Cut after the last whole line, unless that drops most of the budget (a short line, then a huge
  // one): then cut inside the huge line, so that it is still checked, but not inside a surrogate pair.
  const lineEnd = text.lastIndexOf('\n', limit - 1);
  let end = lineEnd >= limit / 2 ? lineEnd + 1 : limit;
  if (end === limit && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  const prefix = text.slice(0, end);
  return { text: prefix, cut: endPosition(prefix) };
}

/** A note to show at the cut (one information diagnostic), naming the limit. */
export function truncatedMessage(limit = KEYSTROKE_LINT_LIMIT): string {
  const n = limit.toLocaleString('en-US');
  return `This message is longer than ${n} characters: only the first ${n} are checked while typing; the commit hook checks all of it.`;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function endPosition(text: string): Position {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: text.length - start };
}
