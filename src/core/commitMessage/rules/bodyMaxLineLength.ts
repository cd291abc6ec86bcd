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
    // usually every line fits, so classify only when one does not.
    if (!body.some((l) => offsetPastColumn(l.text.trimEnd(), max) !== undefined)) return [];
    const kinds = classifyBodyLines(body.map((l) => l.text));
    const findings = [];
    const fixes = new Map<number, Fix[]>(); // one rewrap per paragraph, shared by its long lines
    for (let i = 0; i < body.length; i++) {
      if (kinds[i] !== 'text') continue;
      const text = body[i]!.text.trimEnd();
      const past = offsetPastColumn(text, max);
      if (past === undefined) continue;
      findings.push(
        finding(
          'body-max-line-length',
          `Wrap this line at ${max} columns: it is ${columnWidth(text)} columns wide.`,
          lineRange(body[i]!.line, past, text.length),
          rewrapFix(parsed, kinds, i, max, fixes),
        ),
      );
    }
    return findings;
  },
};

/** The fix rewrapping the paragraph around body[index]; none when rewrapping changes nothing. */
function rewrapFix(parsed: ParsedMessage, kinds: BodyLineKind[], index: number, max: number, cache: Map<number, Fix[]>): Fix[] {
  const body = parsed.body;
  let first = index;
  while (first > 0 && kinds[first - 1] === 'text' && body[first - 1]!.line === body[first]!.line - 1) first--;
  const cached = cache.get(first);
  if (cached) return cached;
  const fixes = computeRewrapFix(parsed, kinds, first, max);
  cache.set(first, fixes);
  return fixes;
}

function computeRewrapFix(parsed: ParsedMessage, kinds: BodyLineKind[], first: number, max: number): Fix[] {
  const body = parsed.body;
  let last = first;
  while (last + 1 < body.length && kinds[last + 1] === 'text' && body[last + 1]!.line === body[last]!.line + 1) last++;
  const original = body.slice(first, last + 1).map((l) => l.text);
  const wrapped = rewrapParagraph(original, max);
  if (wrapped.join('\n') === original.join('\n')) return [];
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
