/**
 * How `lint` and the commit-msg hook print what they found: one line per
 * finding (`where:line:col: severity rule: message`, terminal-escaped), a
 * policy file's problems the same way, and the exit code. Shared so that
 * the hook's own small bundle (src/cli/hook/) prints exactly what
 * `change-control lint` prints, without loading the rest of the CLI.
 */
import type { Finding } from '../core/commitMessage/types';
import type { PolicyProblem } from '../core/policy/parsePolicy';
import { escapeForTerminal } from '../core/terminalText';
import { EXIT } from './io';

export interface Reported {
  /** The commit (range mode) or file the finding is in. */
  where: string;
  commit?: string;
  finding: Finding;
}

/** `path:line:col: error policy: message`, one line per problem (the file's text escaped). */
export function formatPolicyProblems(file: string, problems: readonly PolicyProblem[]): string {
  return problems.map((p) => `${escapeForTerminal(file)}:${p.line}:${p.column}: error policy: ${escapeForTerminal(p.message)}\n`).join('');
}

export function formatText(reported: readonly Reported[]): string {
  return reported
    .map(
      ({ where, finding: f }) =>
        `${escapeForTerminal(where)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.ruleId}: ${escapeForTerminal(f.message)}\n`,
    )
    .join('');
}

export function formatJson(reported: readonly Reported[]): string {
  const rows = reported.map(({ commit, finding: f }) => ({
    ...(commit ? { commit } : {}),
    rule: f.ruleId,
    severity: f.severity,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    message: f.message,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export function exitCode(reported: readonly Reported[]): number {
  return reported.some((r) => r.finding.severity === 'error') ? EXIT.failed : EXIT.ok;
}
