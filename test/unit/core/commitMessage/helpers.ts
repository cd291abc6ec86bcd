/** Shared helpers for the commit-message linter tests. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintMessage, RULES } from '../../../../src/core/commitMessage/lint';
import { parseMessage } from '../../../../src/core/commitMessage/parse';
import type { Finding, LintContext, RuleId, TextEdit } from '../../../../src/core/commitMessage/types';
import { defaultPolicy, type Policy } from '../../../../src/core/policy/schema';

export type CommitOverrides = Partial<Policy['commit']>;

export function context(commit: CommitOverrides = {}, extra: Partial<LintContext> = {}): LintContext {
  const policy = defaultPolicy();
  return { ...extra, policy: { ...policy, commit: { ...policy.commit, ...commit } } };
}

/**
 * Findings of one rule only. The rule first runs on its own, so that a rule
 * that throws fails the test: lintMessage skips such a rule, which would
 * make every "accepts" case pass.
 */
export function lintRule(ruleId: RuleId, text: string, ctx: LintContext = context()): Finding[] {
  const rule = RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  rule.check(parseMessage(text, ctx.commentChar ?? '#'), ctx);
  return lintMessage(text, ctx).filter((f) => f.ruleId === ruleId);
}

/** Apply non-overlapping edits (original coordinates) to `text`, as an editor would. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => starts[p.line]! + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Apply the first fix of the first finding of `ruleId`. */
export function applyFirstFix(ruleId: RuleId, text: string, ctx: LintContext = context()): string {
  const f = lintRule(ruleId, text, ctx)[0];
  if (!f || f.fixes.length === 0) throw new Error(`no ${ruleId} fix for ${JSON.stringify(text)}`);
  return applyEdits(text, f.fixes[0]!.edits);
}

export function fixture(name: string): string {
  return readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'commitMessages', name), 'utf8');
}
