/**
 * Parse the policy file text into a usable policy plus located problems.
 * A bad value falls back to its default and becomes a problem at the exact
 * key, so a typo never stops the extension, the hook or the CLI.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { PolicySchema, defaultPolicy, type Policy } from './schema';

export interface PolicyProblem {
  /** JSON path of the offending key, e.g. ["commit", "subjectMaxLength"]. */
  path: (string | number)[];
  message: string;
  /** Offset and length in the file text (0-based UTF-16), for squiggles. */
  offset: number;
  length: number;
  /** 1-based line and column of `offset`, for the CLI. */
  line: number;
  column: number;
}

export interface ParsedPolicy {
  policy: Policy;
  problems: PolicyProblem[];
}

/** Parse policy file text. Never throws. */
export function parsePolicy(text: string): ParsedPolicy {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  const problems: PolicyProblem[] = errors.map((e) =>
    makeProblem(text, [], `JSON syntax error: ${describeParseError(printParseErrorCode(e.error))}`, e.offset, Math.max(e.length, 1)),
  );
  if (errors.length > 0 || !root) {
    if (!root && errors.length === 0) problems.push(makeProblem(text, [], 'The policy file is empty.', 0, 1));
    return { policy: defaultPolicy(), problems };
  }
  if (root.type !== 'object') {
    problems.push(makeProblem(text, [], 'The policy file must contain a JSON object.', root.offset, root.length));
    return { policy: defaultPolicy(), problems };
  }
  const raw = nodeToValue(root) as Record<string, unknown>;
  return validate(raw, (path) => locate(text, root, path), text);
}

/** Validate an already-parsed value (settings, tests); problems are located at offset 0. */
export function parsePolicyValue(value: unknown): ParsedPolicy {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { policy: defaultPolicy(), problems: [makeProblem('', [], 'The policy must be a JSON object.', 0, 0)] };
  }
  return validate(structuredClone(value) as Record<string, unknown>, () => ({ offset: 0, length: 0 }), '');
}

const MAX_PASSES = 50;

function validate(
  raw: Record<string, unknown>,
  where: (path: (string | number)[]) => { offset: number; length: number },
  text: string,
): ParsedPolicy {
  const problems: PolicyProblem[] = [];
  // Each pass drops the offending values so their defaults apply; bounded.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = PolicySchema.safeParse(raw);
    if (result.success) return { policy: result.data, problems };
    for (const issue of result.error.issues) {
      for (const { path, message } of expandIssue(issue)) {
        const loc = where(path);
        problems.push(makeProblem(text, path, message, loc.offset, loc.length));
        removeAt(raw, path);
      }
    }
  }
  return { policy: defaultPolicy(), problems };
}

function expandIssue(issue: z.core.$ZodIssue): { path: (string | number)[]; message: string }[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: `Unknown key "${key}"${path.length ? ` in "${path.join('.')}"` : ''}. It is ignored.`,
    }));
  }
  const name = path.length ? `"${path.join('.')}"` : 'The policy';
  return [{ path, message: `${name}: ${issue.message}. The default is used instead.` }];
}

function removeAt(raw: Record<string, unknown>, path: (string | number)[]): void {
  if (path.length === 0) {
    for (const k of Object.keys(raw)) delete raw[k];
    return;
  }
  // Drop the top-level key's value if the path cannot be followed (it was the wrong type).
  let parent: unknown = raw;
  for (let i = 0; i < path.length - 1; i++) {
    const next = (parent as Record<string | number, unknown>)[path[i]!];
    if (typeof next !== 'object' || next === null) {
      delete (parent as Record<string | number, unknown>)[path[i]!];
      return;
    }
    parent = next;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') {
    // Removing an array element would shift later ones; drop the whole array instead.
    removeAt(raw, path.slice(0, -1));
    return;
  }
  delete (parent as Record<string | number, unknown>)[last];
}

function locate(text: string, root: Node, path: (string | number)[]): { offset: number; length: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (!node) continue;
    // Point at the key for a known property, at the value's parent key otherwise.
    const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    if (n === path.length && keyNode) return { offset: keyNode.offset, length: keyNode.length };
    if (n < path.length) {
      // The key itself does not exist as a node (an unknown key is found by scanning the object).
      const key = path[n];
      const prop = node.type === 'object' ? node.children?.find((c) => c.children?.[0]?.value === key) : undefined;
      if (prop?.children?.[0]) return { offset: prop.children[0].offset, length: prop.children[0].length };
      if (keyNode) return { offset: keyNode.offset, length: keyNode.length };
    }
    return { offset: node.offset, length: Math.min(node.length, Math.max(1, text.indexOf('\n', node.offset) - node.offset)) };
  }
  return { offset: 0, length: 1 };
}

function nodeToValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) out[String(k.value)] = nodeToValue(v);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeToValue);
    default:
      return node.value;
  }
}

function makeProblem(text: string, path: (string | number)[], message: string, offset: number, length: number): PolicyProblem {
  const { line, column } = lineColumn(text, offset);
  return { path, message, offset, length, line, column };
}

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
