import { classifyBodyLines, type BodyLineKind } from '../bodyLines';
import type { ParsedMessage } from '../parse';
import { rewrapParagraph } from '../rewrap';
import type { Finding, Fix, Range } from '../types';
import { columnWidth, offsetPastColumn } from '../width';
import { finding, lazy, lineRange, MAX_FINDINGS_PER_RULE, moreFindings, type Rule } from './rule';

/**
 * Body lines over the limit wrap badly in `git log` and e-mailed patches.
 * Code, one-URL lines and trailers are exempt (see bodyLines.ts).
 *
 * Runs on every keystroke, and on whatever a hostile message holds: each
 * line is measured once, only up to the limit; the exact width in the
 * message is measured only for the lines listed (at most
 * MAX_FINDINGS_PER_RULE, then one summary); the rewrap fix runs only
 * when the editor asks for it.
 */
export const bodyMaxLineLength: Rule = {
  id: 'body-max-line-length',
  description:
    'Body lines must fit in commit.bodyMaxLineLength terminal columns (72 by default); code blocks, lines that are one long URL, and trailers are exempt.',
  check(parsed, ctx) {
    const max = ctx.policy.commit.bodyMaxLineLength;
    const count = parsed.bodyLines.length;
    // Classifying the lines costs more than measuring them, and usually every line fits,
    // so classify only when one does not.
    const { lines, bodyLines } = parsed;
    // A message of short lines (a million blank ones) fits without looking at each.
    if (lines.longest() <= max / 2 && !lines.source.includes('\t')) return [];
    const long: number[] = [];
    const past: number[] = [];
    for (let i = 0; i < count; i++) {
      const n = bodyLines[i]!;
      // A short line fits even if all wide: no need to slice it.
      if (lines.length(n) <= max / 2 && !lines.hasTab(n)) continue;
      const at = offsetPastColumn(lines.text(n).trimEnd(), max);
      if (at === undefined) continue;
      long.push(i);
      past.push(at);
    }
    if (long.length === 0) return [];
    const texts = new Array<string>(count);
    for (let i = 0; i < count; i++) texts[i] = lines.text(bodyLines[i]!);
    const kinds = classifyBodyLines(texts);
    const paragraphs = paragraphStarts(parsed, kinds);
    const findings: Finding[] = [];
    const fixes = new Map<number, () => Fix[]>(); // one rewrap per paragraph, shared by its long lines
    let hidden = 0;
    let firstHidden: Range | undefined;
    for (let k = 0; k < long.length; k++) {
      const i = long[k]!;
      if (kinds[i] !== 'text') continue;
      const text = texts[i]!.trimEnd();
      const range = lineRange(bodyLines[i]!, past[k]!, text.length);
      if (findings.length >= MAX_FINDINGS_PER_RULE) {
        hidden++;
        firstHidden ??= range;
        continue;
      }
      const first = paragraphs[i]!;
      let fix = fixes.get(first);
      if (!fix) {
        fix = lazy(() => rewrapFix(parsed, texts, kinds, first, max));
        fixes.set(first, fix);
      }
      findings.push(finding('body-max-line-length', `Wrap this line at ${max} columns: it is ${columnWidth(text)} columns wide.`, range, fix));
    }
    if (firstHidden) findings.push(moreFindings('body-max-line-length', hidden, firstHidden, `lines over ${max} columns`));
    return findings;
  },
};

/** Body line i continues the paragraph of line i - 1: both text, with no dropped (comment) line between. */
function continues(parsed: ParsedMessage, kinds: readonly BodyLineKind[], i: number): boolean {
  return i > 0 && kinds[i - 1] === 'text' && kinds[i] === 'text' && parsed.bodyLines[i - 1] === parsed.bodyLines[i]! - 1;
}

/** For each body line, the index of the first line of its paragraph (consecutive text lines), in one pass. */
function paragraphStarts(parsed: ParsedMessage, kinds: readonly BodyLineKind[]): Int32Array {
  const starts = new Int32Array(kinds.length);
  for (let i = 1; i < kinds.length; i++) starts[i] = continues(parsed, kinds, i) ? starts[i - 1]! : i;
  return starts;
}

/** The fix rewrapping the paragraph that starts at body line `first`; none when rewrapping changes nothing. */
function rewrapFix(parsed: ParsedMessage, texts: readonly string[], kinds: readonly BodyLineKind[], first: number, max: number): Fix[] {
  let last = first;
  while (last + 1 < texts.length && continues(parsed, kinds, last + 1)) last++;
  const original = texts.slice(first, last + 1);
  const wrapped = rewrapParagraph(original, max);
  if (sameLines(wrapped, original)) return [];
  const endLine = parsed.bodyLines[last]!;
  return [
    {
      title: `Rewrap paragraph at ${max} columns`,
      edits: [
        {
          range: { start: { line: parsed.bodyLines[first]!, character: 0 }, end: { line: endLine, character: texts[last]!.length } },
          newText: wrapped.join(parsed.eol),
        },
      ],
    },
  ];
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
