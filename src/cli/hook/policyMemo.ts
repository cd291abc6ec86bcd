/**
 * The commit-msg hook's memo of parsed policies: the policy file changes
 * rarely and parsing it needs zod (a third of the CLI bundle, most of the
 * hook's start-up), so the hook keeps the parse result of the last few
 * policy texts in one JSON file next to its bundle, keyed by the exact
 * text and the bundle that parsed it. A memo that is missing, unreadable,
 * from another build or malformed is ignored and rewritten; it is written
 * atomically (a temporary file renamed into place). The memo sits where
 * the hook's code sits, so whoever can change it could change the code.
 */
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import type { ParsedPolicy } from '../../core/policy/parsePolicy';

/** Policy texts remembered; the oldest goes first. */
export const MEMO_ENTRIES = 16;
/** Longest policy text remembered (a real one is a few hundred bytes). */
export const MEMO_MAX_TEXT = 64 * 1024;

interface MemoEntry {
  /** The policy file text; null when there is no policy file. */
  text: string | null;
  parsed: ParsedPolicy;
}

interface Memo {
  build: string;
  entries: MemoEntry[];
}

export interface PolicyMemoOptions {
  /** The memo file; without it every call parses. */
  file?: string;
  /** Identifies the bundle (its hash): a memo from another build is ignored. */
  build?: string;
}

/** The parse of `text` (null: no policy file), from the memo when it holds it, else from `parse`. */
export async function memoisedPolicy(
  text: string | null,
  options: PolicyMemoOptions,
  parse: (text: string | null) => Promise<ParsedPolicy>,
): Promise<ParsedPolicy> {
  const { file, build } = options;
  if (!file || !build || (text !== null && text.length > MEMO_MAX_TEXT)) return parse(text);
  const memo = readMemo(file, build);
  const hit = memo.entries.find((e) => e.text === text);
  if (hit) return hit.parsed;
  const parsed = await parse(text);
  writeMemo(file, { build, entries: [...memo.entries, { text, parsed }].slice(-MEMO_ENTRIES) });
  return parsed;
}

function readMemo(file: string, build: string): Memo {
  try {
    const memo = JSON.parse(readFileSync(file, 'utf8')) as Partial<Memo>;
    if (memo.build === build && Array.isArray(memo.entries) && memo.entries.every(isEntry)) return { build, entries: memo.entries };
  } catch {
    // Missing or unreadable: parse, and write a fresh memo.
  }
  return { build, entries: [] };
}

function isEntry(e: unknown): e is MemoEntry {
  if (typeof e !== 'object' || e === null) return false;
  const { text, parsed } = e as Partial<MemoEntry>;
  const policy = parsed?.policy as unknown as Record<string, unknown> | undefined;
  return (text === null || typeof text === 'string') && typeof policy === 'object' && policy !== null
    && ['commit', 'branch', 'tests', 'tracker', 'review'].every((k) => typeof policy[k] === 'object' && policy[k] !== null)
    && Array.isArray(parsed?.problems);
}

function writeMemo(file: string, memo: Memo): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(memo), { flag: 'wx', mode: 0o644 });
    renameSync(temporary, file);
  } catch {
    // A read-only install folder: the hook still works, it parses every time.
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
  }
}
