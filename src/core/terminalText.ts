/**
 * Text from a repository or from GitHub (commit subjects, file names,
 * titles, git's own messages) can carry terminal control sequences: an
 * ESC sequence that rewrites the screen, a carriage return that overprints
 * a line, a bidi override that reorders it. Every human-readable output
 * shows such characters as visible escapes instead; JSON output keeps the
 * data exact (its escapes decode to the same text).
 */

/** C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, minus line feed and tab: for whole documents whose lines are the tool's own. */
const CONTROL_IN_DOCUMENT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw: DEL, C1 and bidi controls (C0 it escapes already). */
const CONTROL_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control character shown as an escape (`\x1b`, `\r`,
 * `\u202e`): for one value (a subject, a file name) printed on a line of
 * its own making, so it cannot fake another line either.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(CONTROL, visible);
}

/** Like {@link escapeForTerminal}, but keeps line feeds and tabs: for a whole block of output. */
export function escapeDocumentForTerminal(text: string): string {
  return text.replace(CONTROL_IN_DOCUMENT, visible);
}

/**
 * JSON text with the controls JSON.stringify leaves raw written as
 * `\uXXXX` escapes. Lossless: they can only occur inside JSON strings,
 * and a JSON parser reads the escape back as the same character.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(CONTROL_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
