/**
 * Which quick fixes "Fix All" may apply together: the first fix of each
 * finding, skipping any whose edits touch text another chosen fix already
 * changes (a workspace edit with overlapping ranges fails as a whole).
 * Pure (no vscode import) so it is unit-tested.
 */
import type { Finding, Position, Range, TextEdit } from '../../core/commitMessage/types';

export interface FixAllSelection {
  edits: TextEdit[];
  /** How many findings the edits fix. */
  count: number;
}

export function selectFixAll(findings: readonly Finding[]): FixAllSelection {
  const chosen: Range[] = [];
  const edits: TextEdit[] = [];
  const seen = new Set<unknown>();
  let count = 0;
  for (const finding of findings) {
    const fix = finding.fixes[0];
    if (!fix) continue;
    if (seen.has(fix)) {
      // One fix shared by several findings (a paragraph rewrap) fixes each of them.
      count++;
      continue;
    }
    if (fix.edits.some((e) => chosen.some((c) => overlaps(e.range, c)))) continue;
    seen.add(fix);
    chosen.push(...fix.edits.map((e) => e.range));
    edits.push(...fix.edits);
    count++;
  }
  return { edits, count };
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function isEmpty(r: Range): boolean {
  return compare(r.start, r.end) === 0;
}

/** Ranges that share text, or an insertion at or inside the other range (conservative at borders). */
export function overlaps(a: Range, b: Range): boolean {
  if (isEmpty(a)) return compare(b.start, a.start) <= 0 && compare(a.start, b.end) <= 0;
  if (isEmpty(b)) return overlaps(b, a);
  return compare(a.start, b.end) < 0 && compare(b.start, a.end) < 0;
}
