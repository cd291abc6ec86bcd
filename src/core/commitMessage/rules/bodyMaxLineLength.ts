import { classifyBodyLines, type BodyLineKind } from '../bodyLines';
import type { ParsedMessage } from '../parse';
import { rewrapParagraph } from '../rewrap';
import type { Fix } from '../types';
import { columnWidth, offsetPastColumn } from '../width';
import { finding, lineRange, type Rule } from './rule';

/**
 * Body lines over the limit wrap badly in `git log` and e-mailed patches.
 * Code, one-URL lines and trailers are exempt (see bodyLines.ts).
 */
export const bodyMaxLineLength: Rule = {
  id: 'body-max-line-length',
  description:
    'Body lines must fit in commit.bodyMaxLineLength terminal columns (72 by default); code blocks, lines that are one long URL, and trailers are exempt.',
  check(parsed, ctx) {
    const max = ctx.policy.commit.bodyMaxLineLength;
    const body = parsed.body;
    // Runs on every keystroke: classifying the lines costs more than measuring them, and
    // usually every line fits, so classify only when one does not. Measuring stops at the limit.
    const past = body.map((l) => offsetPastColumn(l.text.trimEnd(), max));
    if (past.every((p) => p === undefined)) return [];
    const kinds = classifyBodyLines(body.map((l) => l.text));
    const paragraphs = paragraphStarts(body, kinds);
    const findings = [];
    const fixes = new Map<number, Fix[]>(); // one rewrap per paragraph, shared by its long lines
    for (let i = 0; i < body.length; i++) {
      const at = past[i];
      if (kinds[i] !== 'text' || at === undefined) continue;
      const text = body[i]!.text.trimEnd();
      const first = paragraphs[i]!;
      let fix = fixes.get(first);
      if (!fix) {
        fix = rewrapFix(parsed, kinds, first, max);
        fixes.set(first, fix);
      }
      findings.push(
        finding(
          'body-max-line-length',
          `Wrap this line at ${max} columns: it is ${columnWidth(text)} columns wide.`,
          lineRange(body[i]!.line, at, text.length),
          fix,
        ),
      );
    }
    return findings;
  },
};

/** For each text line, the index of the first line of its paragraph (consecutive text lines), in one pass. */
function paragraphStarts(body: ParsedMessage['body'], kinds: readonly BodyLineKind[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const continues = i > 0 && kinds[i - 1] === 'text' && body[i - 1]!.line === body[i]!.line - 1;
    starts.push(continues ? starts[i - 1]! : i);
  }
  return starts;
}

/** The fix rewrapping the paragraph that starts at body[first]; none when rewrapping changes nothing. */
function rewrapFix(parsed: ParsedMessage, kinds: readonly BodyLineKind[], first: number, max: number): Fix[] {
  const body = parsed.body;
  let last = first;
  while (last + 1 < body.length && kinds[last + 1] === 'text' && body[last + 1]!.line === body[last]!.line + 1) last++;
  const original = body.slice(first, last + 1).map((l) => l.text);
  const wrapped = rewrapParagraph(original, max);
  if (sameLines(wrapped, original)) return [];
  const end = body[last]!;
  return [
    {
      title: `Rewrap paragraph at ${max} columns`,
      edits: [
        {
          range: { start: { line: body[first]!.line, character: 0 }, end: { line: end.line, character: end.text.length } },
          newText: wrapped.join(parsed.eol),
        },
      ],
    },
  ];
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
