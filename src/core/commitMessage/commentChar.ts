/**
 * Git's comment character for a message: core.commentChar as configured,
 * and for 'auto' the character git picked (builtin/commit.c). Pure; the
 * setting is read by src/git/commits.ts and src/git/hookSettings.ts.
 */

/** Git's default comment character. */
export const DEFAULT_COMMENT_CHAR = '#';

/** Candidates git tries, in order, for core.commentChar=auto (builtin/commit.c). */
const AUTO_CANDIDATES = '#;@!$%^&|:';

/**
 * The comment character in effect for `message`. For 'auto', git picks the
 * first candidate that starts no line of the message it prepared and then
 * writes its instructions with it: find that instruction line, or fall back
 * to the first candidate no line starts with.
 */
export function resolveCommentChar(setting: string, message: string): string {
  if (setting !== 'auto') return setting || DEFAULT_COMMENT_CHAR;
  const instruction = /^(\S+) Please enter the commit message/m.exec(message);
  if (instruction?.[1]) return instruction[1];
  const starts = new Set(message.split(/\r?\n/).map((line) => line.charAt(0)));
  for (const c of AUTO_CANDIDATES) if (!starts.has(c)) return c;
  return DEFAULT_COMMENT_CHAR;
}
