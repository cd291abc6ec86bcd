/**
 * "Did you mean" for unknown policy keys: the known key nearest to a
 * typo by edit distance (Levenshtein, with a swap of two neighbours as
 * one edit). Keys longer than MAX_KEY_LENGTH get no suggestion, so the
 * work per key is bounded (at most 48 × 48 cells per candidate) and the
 * whole is linear in the number of unknown keys.
 */

/** Longest key compared; a real policy key is under 30 characters. */
export const MAX_KEY_LENGTH = 48;

/** Edit distance of two short strings (optimal string alignment), or Infinity past the bound. */
export function editDistance(a: string, b: string): number {
  if (a.length > MAX_KEY_LENGTH || b.length > MAX_KEY_LENGTH) return Infinity;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((rows[i - 1] as number[])[j]! + 1, row[j - 1]! + 1, (rows[i - 1] as number[])[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2] as number[])[j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length]!;
}

/**
 * The known key a typo most likely meant: the nearest one within a third
 * of the typo's length (at least 1, at most 3 edits), case ignored; ties
 * go to the first candidate. Undefined when none is close.
 */
export function nearestKey(key: string, candidates: readonly string[]): string | undefined {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
