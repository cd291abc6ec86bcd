/**
 * The policy file's syntax tree, turned into a plain value once, with an
 * index from JSON path to text range built in the same walk. Locating a
 * problem is then a few map look-ups, not a search of the file, so any
 * number of problems costs time linear in the file's size. Every key
 * becomes an own property (`__proto__` included), so a key can never
 * reach a prototype or slip past the strict schema. Pure.
 */
import { createScanner, type Node } from 'jsonc-parser';

/** Text range of a problem: offset and length, 0-based UTF-16. */
export interface TextRange {
  offset: number;
  length: number;
}

/** A key that appears twice in one object: the later value is the one that applies. */
export interface DuplicateKey {
  path: (string | number)[];
  range: TextRange;
}

/** The parsed value plus how to find any path of it in the text. */
export interface PolicyTree {
  value: unknown;
  duplicates: DuplicateKey[];
  /** Range of the key at `path` (or of its nearest existing ancestor). */
  locate(path: readonly (string | number)[]): TextRange;
}

// jsonc-parser's SyntaxKind is an ambient const enum, which isolatedModules cannot read.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/**
 * Offset of the first `{` or `[` nested deeper than `maxDepth`, or -1.
 * Token scan (strings and comments are skipped by the scanner), no
 * recursion: jsonc-parser's own parser recurses and overflows the stack
 * on some ten thousand levels, so this runs first. A close only counts
 * when it matches the innermost open one: the parser skips a mismatched
 * close and stays nested (`[},[},…`), so the count never falls below
 * the parser's own depth.
 */
export function findTooDeep(text: string, maxDepth: number): number {
  const scanner = createScanner(text, true);
  const open: number[] = [];
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (open.length >= maxDepth) return scanner.getTokenOffset();
      open.push(kind === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
    } else if ((kind === CLOSE_BRACE || kind === CLOSE_BRACKET) && open[open.length - 1] === kind) {
      open.pop();
    }
  }
  return -1;
}

/** Define `key` as an own, enumerable data property: never the `__proto__` setter. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Build the value and the path index of a tree whose depth was already bounded. */
export function buildPolicyTree(root: Node, lineEnd: (offset: number) => number): PolicyTree {
  const props = new Map<Node, Map<string, Node>>();
  const duplicates: DuplicateKey[] = [];

  // The path of the node being converted; copied only for a duplicate key.
  const path: (string | number)[] = [];
  const toValue = (node: Node): unknown => {
    if (node.type === 'array') {
      return (node.children ?? []).map((child, i) => {
        path.push(i);
        const value = toValue(child);
        path.pop();
        return value;
      });
    }
    if (node.type !== 'object') return node.value;
    const out: Record<string, unknown> = {};
    const byKey = new Map<string, Node>();
    props.set(node, byKey);
    for (const prop of node.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      const key = String(k.value);
      if (byKey.has(key)) duplicates.push({ path: [...path, key], range: { offset: k.offset, length: k.length } });
      byKey.set(key, prop);
      path.push(key);
      setOwn(out, key, toValue(v));
      path.pop();
    }
    return out;
  };

  const locate = (path: readonly (string | number)[]): TextRange => {
    let node = root;
    let keyNode: Node | undefined;
    for (const segment of path) {
      let next: Node | undefined;
      let nextKey: Node | undefined;
      if (node.type === 'object') {
        const prop = props.get(node)?.get(String(segment));
        next = prop?.children?.[1];
        nextKey = prop?.children?.[0];
      } else if (node.type === 'array' && typeof segment === 'number') {
        next = node.children?.[segment];
      }
      if (!next) break;
      node = next;
      keyNode = nextKey;
    }
    // Point at the key of a property, at the first line of an array element or the root.
    if (keyNode) return { offset: keyNode.offset, length: keyNode.length };
    return { offset: node.offset, length: Math.min(node.length, Math.max(1, lineEnd(node.offset) - node.offset)) };
  };

  return { value: toValue(root), duplicates, locate };
}

/**
 * Copy an already-parsed value (settings, tests) into own properties,
 * or undefined when it nests deeper than `maxDepth`. Iterates its input's
 * own keys only, so an inherited property is never read.
 */
export function copyOwn(value: unknown, maxDepth: number): unknown {
  const copy = (v: unknown, depth: number): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (depth >= maxDepth) throw new RangeError('too deep');
    if (Array.isArray(v)) return v.map((item) => copy(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) setOwn(out, key, copy((v as Record<string, unknown>)[key], depth + 1));
    return out;
  };
  try {
    return copy(value, 0);
  } catch (err) {
    if (err instanceof RangeError) return undefined;
    throw err;
  }
}
