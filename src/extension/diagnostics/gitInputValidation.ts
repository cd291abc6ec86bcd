/**
 * VS Code's git extension can warn about long lines in the Source Control
 * input box itself (`git.inputValidation`, with its own limits). With both
 * on, one long subject would carry two warnings. When git already warns on
 * a line, Change Control leaves out its own length warning there (git's
 * stands, and it is at least as strict); on every other line, ours shows.
 * Pure (no vscode import): the settings are read by the caller.
 */
import type { Finding } from '../../core/commitMessage/types';

export interface GitInputValidation {
  /** `git.inputValidation`: true or "always"/"warn" in older VS Code; false or "off" turns it off. */
  enabled: boolean;
  /** `git.inputValidationSubjectLength` (null: the line length applies). */
  subjectLength: number;
  /** `git.inputValidationLength`. */
  lineLength: number;
}

const LENGTH_RULES = new Set(['subject-max-length', 'body-max-line-length']);

/** The setting values as VS Code stores them, normalised (bad values mean git's defaults). */
export function gitInputValidation(raw: { inputValidation: unknown; subjectLength: unknown; lineLength: unknown }): GitInputValidation {
  const v = raw.inputValidation;
  const enabled = v === true || v === 'always' || v === 'warn';
  const num = (x: unknown, d: number): number => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : d);
  const lineLength = num(raw.lineLength, 72);
  return { enabled, subjectLength: raw.subjectLength === null ? lineLength : num(raw.subjectLength, 50), lineLength };
}

/**
 * Our findings for the input box, less the length warnings on lines git
 * warns about itself. `lines` is the message's lines; the subject is the
 * first line that is not blank (git's own validation treats it so).
 */
export function withoutGitDuplicates(findings: readonly Finding[], lines: readonly string[], git: GitInputValidation): Finding[] {
  if (!git.enabled) return [...findings];
  const subjectLine = lines.findIndex((l) => l.trim() !== '');
  const gitWarns = (line: number): boolean => {
    const text = lines[line] ?? '';
    return text.length > (line === subjectLine ? git.subjectLength : git.lineLength);
  };
  return findings.filter((f) => !(LENGTH_RULES.has(f.ruleId) && gitWarns(f.range.start.line)));
}
