/**
 * Amend Message, decided purely: only the latest commit (HEAD) may have
 * its message rewritten, and only while no remote has it, so a pushed
 * commit is never rewritten. The new message keeps the old body with the
 * linter's fixes applied, and takes the subject the user typed. The git
 * adapter amends with `--only`, so staged and unstaged work stay as they
 * are.
 */
import type { TextEdit } from './commitMessage/types';

export interface AmendTarget {
  /** The commit the user asked to amend. */
  sha: string;
  /** HEAD's commit. */
  headSha: string | undefined;
  /** Remote-tracking refs (`origin/feature/x`) that contain the commit. */
  remoteRefs: readonly string[];
  /** HEAD's parents: a merge commit is not amended here. */
  parents: number;
}

/** Why the commit may not be amended, or undefined when it may. */
export function amendRefusal(t: AmendTarget): string | undefined {
  const short = t.sha.slice(0, 7);
  if (t.headSha === undefined) return 'HEAD has no commit to amend.';
  if (!t.headSha.startsWith(t.sha) && t.headSha !== t.sha) {
    return `Commit ${short} is not the latest commit of the branch. Only the latest commit's message can be amended here; rewriting an older one would rewrite the commits after it.`;
  }
  if (t.remoteRefs.length > 0) {
    const where = t.remoteRefs.slice(0, 3).join(', ');
    return `Commit ${short} is already pushed (${where}${t.remoteRefs.length > 3 ? ', …' : ''}). Change Control never rewrites pushed commits: add a new commit instead, or ask a reviewer to accept the message.`;
  }
  if (t.parents > 1) return `Commit ${short} is a merge commit; its message is not amended here.`;
  return undefined;
}

/** Offsets of each line start of `text` ("\n" line ends; "\r" stays part of the line). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Applies non-overlapping edits (positions in `text`'s own coordinates). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const offset = (p: { line: number; character: number }): number => {
    const start = starts[Math.min(p.line, starts.length - 1)] ?? 0;
    return Math.min(text.length, start + p.character);
  };
  const ordered = edits.map((e) => ({ from: offset(e.range.start), to: offset(e.range.end), text: e.newText })).sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  for (const e of ordered) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

/** The message's subject (first line) and the rest after it ("" when there is none). */
export function splitSubject(message: string): { subject: string; rest: string } {
  const nl = message.indexOf('\n');
  return nl < 0 ? { subject: message, rest: '' } : { subject: message.slice(0, nl).replace(/\r$/, ''), rest: message.slice(nl) };
}

/** The message with its subject replaced. */
export function withSubject(message: string, subject: string): string {
  return `${subject.trim()}${splitSubject(message).rest}`;
}
