/**
 * Classify body lines for the line-length rule and the rewrap fix. Some
 * lines may exceed the limit because breaking them would break them:
 * fenced (``` / ~~~) and indented code, a line that is one long URL
 * (optionally after a short label such as "[1]: " or "See: "), and git
 * trailers (`Signed-off-by:`, `Co-authored-by:`, `Fixes:`) in the final
 * paragraph, following git-interpret-trailers' syntax.
 */
export type BodyLineKind = 'blank' | 'code' | 'trailer' | 'url' | 'text';

const FENCE = /^\s{0,3}(```|~~~)/;
const INDENTED = /^(?: {4}|\t)/;
const TRAILER = /^[A-Za-z0-9][A-Za-z0-9-]*\s?:\s/;
const CONTINUATION = /^[ \t]+\S/;
const CHERRY_PICK = /^\(cherry picked from commit [0-9a-f]+\)$/;
const GIT_TRAILER = /^(?:Signed-off-by|Co-authored-by|Reviewed-by|Acked-by|Tested-by|Reported-by|Helped-by|Change-Id):/i;
/** A line that is one URL, with at most a short label before it and a little punctuation after. */
const URL_LINE = /^\s*(?:[-*]\s+)?(?:\[[^\]\s]{1,12}\]:?\s*|[A-Za-z][\w -]{0,20}:?\s+)?<?[a-z][a-z0-9+.-]*:\/\/[^\s<>]+>?[.,;:)\]]{0,3}\s*$/i;

/** Kind of each body line (same indexes as `lines`). */
export function classifyBodyLines(lines: readonly string[]): BodyLineKind[] {
  const kinds: BodyLineKind[] = [];
  let fenced: string | undefined;
  for (const text of lines) {
    const fence = FENCE.exec(text)?.[1];
    if (fenced !== undefined) {
      kinds.push('code');
      if (fence === fenced) fenced = undefined;
      continue;
    }
    if (fence !== undefined) {
      fenced = fence;
      kinds.push('code');
      continue;
    }
    kinds.push(classifyLine(text, kinds[kinds.length - 1]));
  }
  markTrailers(lines, kinds);
  return kinds;
}

function classifyLine(text: string, previous: BodyLineKind | undefined): BodyLineKind {
  if (text.trim() === '') return 'blank';
  // Indented code cannot interrupt a paragraph (CommonMark): after text it is a list continuation.
  if (INDENTED.test(text) && previous !== 'text' && previous !== 'url') return 'code';
  if (URL_LINE.test(text)) return 'url';
  return 'text';
}

/** Mark the trailer lines of the last paragraph, when it is a trailer block. */
function markTrailers(lines: readonly string[], kinds: BodyLineKind[]): void {
  let end = kinds.length;
  while (end > 0 && kinds[end - 1] === 'blank') end--;
  let start = end;
  while (start > 0 && kinds[start - 1] !== 'blank' && kinds[start - 1] !== 'code') start--;
  if (start === end) return;
  const block = lines.slice(start, end);
  const isTrailer = block.map((l) => TRAILER.test(l) || CHERRY_PICK.test(l));
  const all = block.every((l, i) => isTrailer[i] || (i > 0 && CONTINUATION.test(l)));
  const hasGitTrailer = block.some((l) => GIT_TRAILER.test(l) || CHERRY_PICK.test(l));
  if (!all && !hasGitTrailer) return;
  let inTrailer = false;
  for (let i = 0; i < block.length; i++) {
    inTrailer = isTrailer[i] || (inTrailer && CONTINUATION.test(block[i]!));
    if (inTrailer) kinds[start + i] = 'trailer';
  }
}
