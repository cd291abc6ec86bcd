/** Small wording helpers shared by the rules' messages. */

/** `1 commit` / `2 commits`. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The first `max` paths, then "and N more". */
export function listPaths(paths: readonly string[], max = 5): string {
  const shown = paths.slice(0, max).join(', ');
  return paths.length > max ? `${shown} and ${paths.length - max} more` : shown;
}

/** The text cut to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The first line of a text. */
export function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}
