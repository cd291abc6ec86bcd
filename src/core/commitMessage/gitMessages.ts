/**
 * Messages that git itself writes pass every rule: the user did not write
 * them. Only the exact shapes git (and GitHub's merge button) generate
 * count, whole subject and all: `Merge branch 'x': Added a backdoor` or
 * `Revert "x" Added …` is a message the user wrote and is linted.
 *
 * `fixup!`, `squash!` and `amend!` subjects are prepared by
 * `git commit --fixup/--squash`; the prefix is set aside and the rest is
 * linted as the subject (`fixup! Added x` breaks present-tense). For
 * `amend!`, the body is the message that replaces the target's on
 * `rebase --autosquash`, so that body is what gets linted. In CI, such a
 * commit means the branch was not squashed: see {@link unsquashedFixup}.
 */
import { bodyText, isBlank, parsedMessage, type ParsedMessage } from './parse';
import { finding, lineRange } from './rules/rule';
import type { Finding, Fix } from './types';

/** A quoted ref name as fmt-merge-msg writes it (refnames hold no whitespace). */
const Q = String.raw`'[^'\s]+'`;
const KIND = '(?:branch|branches|remote-tracking branch|remote-tracking branches|tag|tags|commit|commits)';
/** `branch 'a'`, `branches 'a', 'b' and 'c'`, or `HEAD`. */
const GROUP = `(?:HEAD|${KIND} ${Q}(?:(?:, | and )${Q})*)`;
/** One fetched source: its groups, and ` of URL` when it is not the local repository. */
const SOURCE = String.raw`${GROUP}(?:, ${GROUP})*(?: of \S+)?`;
/** git fmt-merge-msg (`into X` also covers GitLab's `into 'main'`), and a bare fetched URL. */
const GIT_MERGE = new RegExp(String.raw`^Merge (?:${SOURCE}(?:; ${SOURCE})*|\S+://\S+)(?: into \S+)?$`);
/** GitHub's merge button. */
const GITHUB_MERGE = /^Merge pull request #\d+ from \S+$/;
/** `git revert` (nested for a revert of a revert), and `Reapply "…"` (git 2.43+). */
const REVERT = /^(?:Revert|Reapply) ".*"$/;
/** The body line git revert writes under its subject. */
const REVERTS_COMMIT = /^This reverts commit [0-9a-f]{7,64}\b/;
/** The prefixes git commit --fixup / --squash write, possibly stacked. */
const AUTOSQUASH = /^(?:(fixup|squash|amend)! )+/;

export interface GitMessageOptions {
  /**
   * Whether the commit is known to be a merge (range mode knows its
   * parents). `false`: a `Merge …` subject on a one-parent commit is the
   * user's own text. Undefined: unknown (the hook, the editor).
   */
  merge?: boolean;
}

/** True when the whole message is one git generates: a merge or a revert, exactly as git words it. */
export function isGitGeneratedMessage(parsed: ParsedMessage, options: GitMessageOptions = {}): boolean {
  const subject = parsed.subject?.text.trimEnd();
  if (subject === undefined) return false;
  if (options.merge !== false && (GIT_MERGE.test(subject) || GITHUB_MERGE.test(subject))) return true;
  if (!REVERT.test(subject)) return false;
  for (let i = 0; i < parsed.bodyLines.length; i++) if (REVERTS_COMMIT.test(bodyText(parsed, i))) return true;
  return false;
}

/** The `fixup! `/`squash! `/`amend! ` prefix of a subject: the first kind and the total length. */
export function autosquashPrefix(subject: string): { kind: 'fixup' | 'squash' | 'amend'; length: number } | undefined {
  const m = AUTOSQUASH.exec(subject);
  if (!m) return undefined;
  return { kind: /^(fixup|squash|amend)/.exec(subject)![1] as 'fixup' | 'squash' | 'amend', length: m[0].length };
}

/** What the rules check of a message, and how to put their findings back in place. */
export interface MessageToLint {
  parsed: ParsedMessage;
  /** Characters set aside at the start of this line (the `fixup! ` prefix). */
  shift?: { line: number; by: number };
}

/** The part of `parsed` the rules check; undefined for git's own messages. */
export function messageToLint(parsed: ParsedMessage, options: GitMessageOptions = {}): MessageToLint | undefined {
  if (isGitGeneratedMessage(parsed, options)) return undefined;
  const subject = parsed.subject;
  const prefix = subject ? autosquashPrefix(subject.text) : undefined;
  if (!subject || !prefix) return { parsed };
  if (prefix.kind === 'amend') {
    const replacement = amendedMessage(parsed);
    if (replacement) return { parsed: replacement };
  }
  const rest = { line: subject.line, text: subject.text.slice(prefix.length) };
  const blank = rest.text.trim() === '';
  return {
    parsed: parsedMessage(parsed.lines, parsed.eol, parsed.commentChar, blank ? undefined : rest, blank ? new Int32Array(0) : parsed.bodyLines),
    shift: { line: subject.line, by: prefix.length },
  };
}

/** The message an `amend!` commit carries in its body: its first non-blank line is the new subject. */
function amendedMessage(parsed: ParsedMessage): ParsedMessage | undefined {
  const body = parsed.bodyLines;
  let first = 0;
  while (first < body.length && isBlank(bodyText(parsed, first))) first++;
  if (first >= body.length) return undefined;
  const subject = { line: body[first]!, text: bodyText(parsed, first) };
  return parsedMessage(parsed.lines, parsed.eol, parsed.commentChar, subject, body.subarray(first + 1));
}

/** Findings of a shifted subject, back in the original line's coordinates. */
export function restoreFindings(findings: Finding[], shift: MessageToLint['shift']): Finding[] {
  if (!shift) return findings;
  const move = <T extends { line: number; character: number }>(p: T): T => (p.line === shift.line ? { ...p, character: p.character + shift.by } : p);
  const moveRange = <R extends { start: { line: number; character: number }; end: { line: number; character: number } }>(r: R): R => ({ ...r, start: move(r.start), end: move(r.end) });
  // Fixes stay lazy (see finding()), and a fix shared by several findings stays shared.
  const moved = new Map<Fix[], Fix[]>();
  const moveFixes = (fixes: Fix[]): Fix[] => {
    let out = moved.get(fixes);
    if (!out) {
      out = fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: moveRange(e.range) })) }));
      moved.set(fixes, out);
    }
    return out;
  };
  return findings.map((f) => finding(f.ruleId, f.message, moveRange(f.range), () => moveFixes(f.fixes), f.severity));
}

/**
 * A `fixup!`/`squash!`/`amend!` commit in a range that is about to be
 * merged: `rebase --autosquash` was not run, so the history would keep a
 * commit whose message says it is not meant to be kept.
 */
export function unsquashedFixup(parsed: ParsedMessage): Finding | undefined {
  const subject = parsed.subject;
  const prefix = subject ? autosquashPrefix(subject.text) : undefined;
  if (!subject || !prefix) return undefined;
  return finding(
    'unsquashed-fixup',
    `Squash this ${prefix.kind}! commit into the commit it amends before merging (git rebase -i --autosquash).`,
    lineRange(subject.line, 0, prefix.length - 1),
  );
}
