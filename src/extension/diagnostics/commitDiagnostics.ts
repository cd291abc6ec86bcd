/**
 * Commit-message squiggles and quick fixes in the Source Control input box
 * and in git-commit documents. Linting is pure and takes microseconds, so
 * it runs on every change without a debounce; the keystroke handler reads
 * only cached state, and lints at most a bounded prefix of a huge message
 * (keystrokeLimit.ts), saying so in one information diagnostic.
 * Model: microsoft/vscode extensions/git/src/diagnostics.ts.
 */
import * as vscode from 'vscode';
import type { Finding, LintContext, Range as LintRange, Severity } from '../../core/commitMessage/types';
import type { Logger } from '../../core/ports';
import { NO_EDITOR_MESSAGE } from '../../core/commitMessage/cleanup';
import { commitDocumentRoot, isCommitMessageDocument, isScmInput } from './commitDocuments';
import { selectFixAll } from './fixAll';
import { withoutGitDuplicates, type GitInputValidation } from './gitInputValidation';
import { keystrokePrefix, truncatedMessage } from './keystrokeLimit';

export type LintFn = (text: string, ctx: LintContext) => Finding[];

/** The source of every Change Control diagnostic (commit messages, the policy file, tests). */
export const DIAGNOSTIC_SOURCE = 'Change Control';

/** Where each rule is documented (the README on the repository in package.json). */
export const RULES_DOCS_URL = 'https://github.com/change-control/change-control/blob/main/README.md';

export interface CommitDiagnosticsDeps {
  lint: LintFn;
  /** The lint context of a repository (undefined: none known), read from memory per keystroke. */
  contextFor: (root: string | undefined, text: string) => LintContext;
  logger: Logger;
  /** The repository containing a file (no git processes in an untrusted workspace). */
  containingRepository: (uri: vscode.Uri) => Promise<string | undefined>;
  /** VS Code's own input-box validation, as last read (its warnings are not repeated). */
  gitValidation?: () => GitInputValidation;
}

interface Linted {
  version: number;
  findings: Finding[];
}

export class CommitDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  private readonly collection = vscode.languages.createDiagnosticCollection('changeControl.commitMessage');
  private readonly roots = new Map<string, string | undefined>();
  private readonly linted = new Map<string, Linted>();
  /** git-commit documents saved at least once: an empty message is then an error worth showing. */
  private readonly saved = new Set<string>();
  private enabled = true;

  constructor(private readonly deps: CommitDiagnosticsDeps) {}

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (enabled) this.lintOpenDocuments();
    else {
      this.collection.clear();
      this.linted.clear();
    }
  }

  /** Lint now with what is cached; resolve the repository once and lint again when it is known. */
  lintDocument(doc: vscode.TextDocument): void {
    if (!this.enabled || !isCommitMessageDocument(doc)) return;
    const key = doc.uri.toString();
    if (!this.roots.has(key)) {
      this.roots.set(key, undefined);
      void commitDocumentRoot(doc, this.deps.containingRepository).then(
        (root) => {
          this.roots.set(key, root);
          if (root && !doc.isClosed) this.lintDocument(doc);
        },
        (err: unknown) => this.deps.logger.warn(`Could not find the repository of ${doc.uri.toString(true)}.`, err),
      );
    }
    const { text, cut } = keystrokePrefix(doc.getText());
    const ctx = this.deps.contextFor(this.roots.get(key), text);
    // The input box commits with `git commit --file -` (no editor): git keeps its '#' lines.
    const linted = this.deps.lint(text, isScmInput(doc) ? { ...ctx, cleanup: NO_EDITOR_MESSAGE } : ctx);
    // An empty message is not an error before the user wrote or committed one: the input box starts
    // (and after each commit is again) empty, and git itself refuses an empty commit.
    const shown = isUnwrittenMessage(linted) && (isScmInput(doc) || !this.saved.has(key)) ? [] : linted;
    const git = isScmInput(doc) ? this.deps.gitValidation?.() : undefined;
    const findings = git?.enabled ? withoutGitDuplicates(shown, text.split(/\r?\n/), git) : shown;
    this.linted.set(key, { version: doc.version, findings });
    const diagnostics = findings.map(toDiagnostic);
    if (cut) diagnostics.push(truncatedDiagnostic(doc, cut));
    this.collection.set(doc.uri, diagnostics);
  }

  /** Re-lint the open commit messages of `root` (all when undefined). */
  lintOpenDocuments(root?: string): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (root === undefined || this.roots.get(doc.uri.toString()) === root) this.lintDocument(doc);
    }
  }

  /** A git-commit document was saved (git commits it when the editor closes): judge it in full. */
  documentSaved(doc: vscode.TextDocument): void {
    if (!isCommitMessageDocument(doc) || isScmInput(doc)) return;
    this.saved.add(doc.uri.toString());
    this.lintDocument(doc);
  }

  forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.saved.delete(key);
    this.roots.delete(key);
    this.linted.delete(key);
    this.collection.delete(doc.uri);
  }

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const linted = this.linted.get(doc.uri.toString());
    if (!linted || linted.version !== doc.version) return [];
    const actions: vscode.CodeAction[] = [];
    for (const finding of linted.findings) {
      const diagnostic = toDiagnostic(finding);
      if (!diagnostic.range.intersection(range)) continue;
      finding.fixes.forEach((fix, i) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = toWorkspaceEdit(doc.uri, fix.edits);
        action.isPreferred = i === 0;
        actions.push(action);
      });
    }
    // Reading `fixes` computes them (a rewrap can be costly): Fix All reads every finding's, so only
    // when the cursor is on a fixable problem.
    if (actions.length === 0) return actions;
    const fixAll = fixAllAction(doc.uri, linted.findings);
    if (fixAll) actions.push(fixAll);
    return actions;
  }

  dispose(): void {
    this.collection.dispose();
  }
}

/** True when the message has no subject at all (nothing but blank and comment lines). */
export function isUnwrittenMessage(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.ruleId === 'subject-empty');
}

/** The information diagnostic over the part of a huge message that is not linted while typing. */
function truncatedDiagnostic(doc: vscode.TextDocument, cut: LintRange['start']): vscode.Diagnostic {
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  const range = new vscode.Range(cut.line, cut.character, end.line, end.character);
  const diagnostic = new vscode.Diagnostic(range, truncatedMessage(), vscode.DiagnosticSeverity.Information);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

/** One action applying the first fix of every finding whose edits do not overlap. */
function fixAllAction(uri: vscode.Uri, findings: readonly Finding[]): vscode.CodeAction | undefined {
  const { edits, count } = selectFixAll(findings);
  if (count < 2) return undefined;
  const action = new vscode.CodeAction(`Fix All ${count} Commit Message Problems`, vscode.CodeActionKind.QuickFix);
  action.edit = toWorkspaceEdit(uri, edits);
  return action;
}

function toWorkspaceEdit(uri: vscode.Uri, edits: readonly { range: LintRange; newText: string }[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}

function toRange(r: LintRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(`${RULES_DOCS_URL}#${finding.ruleId}`) };
  return diagnostic;
}
