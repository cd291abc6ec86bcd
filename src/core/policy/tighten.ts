/**
 * The "tighten only" rule, once: a second source of policy (user settings,
 * a change's own policy file) may make a value stricter, never looser.
 * Each helper returns the value that applies and records what it refused,
 * so the caller can say which loosening was ignored. Pure.
 */

/**
 * What a merge is measured against: a name ("the base policy", "the
 * policy"), or a policy the source extends, named by where it is
 * (`policies/org.json`), whose refusals then say what applies instead.
 */
export type TightenReference = string | { extended: string };

/** Collects the refused loosenings of one merge against `reference`. */
export class Tightener {
  readonly ignored: string[] = [];
  private readonly name: string;
  private readonly extended: boolean;

  constructor(reference: TightenReference) {
    this.extended = typeof reference !== 'string';
    this.name = typeof reference === 'string' ? reference : reference.extended;
  }

  /**
   * `X 60 is looser than the base policy's 30`, or for an extended policy
   * `X 60 is looser than 30 in policies/org.json, which it extends: 30 applies`.
   */
  private refuse(key: string, wanted: string, comparison: 'looser' | 'fewer', current: string): void {
    this.ignored.push(this.extended
      ? `${key} ${wanted} is ${comparison} than ${current} in ${this.name}, which it extends: ${current} applies`
      : `${key} ${wanted} is ${comparison} than ${this.name}'s ${current}`);
  }

  /** `X … would loosen the base policy`, or `X … would loosen policies/org.json, which it extends: WHAT applies`. */
  private loosens(what: string, applies: string): void {
    this.ignored.push(this.extended ? `${what} would loosen ${this.name}, which it extends: ${applies} applies` : `${what} would loosen ${this.name}`);
  }

  /** A maximum (a line limit): the lower one wins. */
  max(name: string, current: number, wanted: number | undefined): number {
    if (wanted === undefined) return current;
    if (wanted > current) this.refuse(name, String(wanted), 'looser', String(current));
    return Math.min(current, wanted);
  }

  /** A minimum (required approvals): the higher one wins. */
  min(name: string, current: number, wanted: number | undefined): number {
    if (wanted === undefined) return current;
    if (wanted < current) this.refuse(name, String(wanted), 'fewer', String(current));
    return Math.max(current, wanted);
  }

  /** A requirement (`true` is stricter): once on, it stays on. */
  require(name: string, current: boolean, wanted: boolean | undefined): boolean {
    if (wanted === false && current) this.loosens(`${name} off`, 'on');
    return current || wanted === true;
  }

  /** A permission (`false` is stricter): once off, it stays off. */
  forbid(name: string, current: boolean, wanted: boolean | undefined): boolean {
    if (wanted === true && !current) this.loosens(`${name} on`, 'off');
    return current && wanted !== false;
  }

  /** One of `order`'s values, strictest first: the stricter one wins. */
  rank<T extends string>(name: string, order: readonly T[], current: T, wanted: T | undefined): T {
    if (wanted === undefined) return current;
    if (order.indexOf(wanted) > order.indexOf(current)) {
      this.refuse(name, JSON.stringify(wanted), 'looser', JSON.stringify(current));
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
    if (added.length > 0) {
      const what = `${name} adds ${added.map((a) => JSON.stringify(a)).join(', ')}`;
      this.ignored.push(this.extended ? `${what}, which ${this.name} (which it extends) does not list: its list applies` : `${what}, which would loosen ${this.name}`);
    }
    return current.filter((c) => kept.has(c));
  }

  /**
   * A value whose strictness cannot be proven (a pattern, a template, a
   * label, a list of globs that may reclassify files): the current one stays.
   */
  keep<T>(name: string, current: T, wanted: T | undefined): T {
    if (wanted !== undefined && !sameValue(current, wanted)) {
      this.ignored.push(this.extended ? `${name} differs from ${this.name}, which it extends: its value applies` : `${name} differs from ${this.name}, which applies`);
    }
    return current;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
