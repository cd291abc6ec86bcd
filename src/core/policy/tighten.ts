/**
 * The "tighten only" rule, once: a second source of policy (user settings,
 * a change's own policy file) may make a value stricter, never looser.
 * Each helper returns the value that applies and records what it refused,
 * so the caller can say which loosening was ignored. Pure.
 */

/** Collects the refused loosenings of one merge against `reference` ("the policy", "the base policy"). */
export class Tightener {
  readonly ignored: string[] = [];
  private readonly owner: string;

  constructor(private readonly reference: string) {
    this.owner = `${reference}'s`;
  }

  /** A maximum (a line limit): the lower one wins. */
  max(name: string, current: number, wanted: number | undefined): number {
    if (wanted === undefined) return current;
    if (wanted > current) this.ignored.push(`${name} ${wanted} is looser than ${this.owner} ${current}`);
    return Math.min(current, wanted);
  }

  /** A minimum (required approvals): the higher one wins. */
  min(name: string, current: number, wanted: number | undefined): number {
    if (wanted === undefined) return current;
    if (wanted < current) this.ignored.push(`${name} ${wanted} is fewer than ${this.owner} ${current}`);
    return Math.max(current, wanted);
  }

  /** A requirement (`true` is stricter): once on, it stays on. */
  require(name: string, current: boolean, wanted: boolean | undefined): boolean {
    if (wanted === false && current) this.ignored.push(`${name} off would loosen ${this.reference}`);
    return current || wanted === true;
  }

  /** A permission (`false` is stricter): once off, it stays off. */
  forbid(name: string, current: boolean, wanted: boolean | undefined): boolean {
    if (wanted === true && !current) this.ignored.push(`${name} on would loosen ${this.reference}`);
    return current && wanted !== false;
  }

  /** One of `order`'s values, strictest first: the stricter one wins. */
  rank<T extends string>(name: string, order: readonly T[], current: T, wanted: T | undefined): T {
    if (wanted === undefined) return current;
    if (order.indexOf(wanted) > order.indexOf(current)) {
      this.ignored.push(`${name} ${JSON.stringify(wanted)} is looser than ${this.owner} ${JSON.stringify(current)}`);
      return current;
    }
    return wanted;
  }

  /** A list where more is stricter (reviewers to ask): the union, current entries first. */
  union(current: readonly string[], wanted: readonly string[] | undefined): string[] {
    return [...new Set([...current, ...(wanted ?? [])])];
  }

  /**
   * A list where fewer is stricter (exemptions): only the current entries the
   * wanted list keeps too. New entries would loosen and are refused.
   */
  subset(name: string, current: readonly string[], wanted: readonly string[] | undefined): string[] {
    if (wanted === undefined) return [...current];
    const kept = new Set(wanted);
    const added = wanted.filter((w) => !current.includes(w));
    if (added.length > 0) this.ignored.push(`${name} adds ${added.map((a) => JSON.stringify(a)).join(', ')}, which would loosen ${this.reference}`);
    return current.filter((c) => kept.has(c));
  }

  /**
   * A value whose strictness cannot be proven (a pattern, a template, a
   * label, a list of globs that may reclassify files): the current one stays.
   */
  keep<T>(name: string, current: T, wanted: T | undefined): T {
    if (wanted !== undefined && !sameValue(current, wanted)) this.ignored.push(`${name} differs from ${this.reference}, which applies`);
    return current;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
