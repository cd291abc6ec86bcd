/**
 * Squiggles on `.github/change-control.json` at the exact key of each
 * problem, as the user types, and a "did you mean" quick fix for an
 * unknown key close to a known one. The rest of the extension keeps
 * working on the defaults of the bad values (parsePolicy never throws).
 * JSON syntax errors are left to VS Code's own JSON support when it
 * validates the document (language json or jsonc), so each is reported
 * once.
 */
import * as vscode from 'vscode';
import { parsePolicy, type PolicyProblem } from '../../core/policy/parsePolicy';
import { POLICY_FILE } from '../../core/policy/schema';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/commitDiagnostics';

export function isPolicyDocument(doc: vscode.TextDocument): boolean {
  const p = doc.uri.path;
  return p.endsWith(`/${POLICY_FILE}`) || p === POLICY_FILE;
}

/** Whether VS Code's JSON language features already report the document's syntax errors. */
function jsonValidated(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'json' || doc.languageId === 'jsonc';
}

export class PolicyDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  private readonly collection = vscode.languages.createDiagnosticCollection('changeControl.policy');
  private readonly suggestions = new WeakMap<vscode.Diagnostic, string>();

  update(doc: vscode.TextDocument): void {
    if (!isPolicyDocument(doc)) return;
    const { problems } = parsePolicy(doc.getText());
    const shown = jsonValidated(doc) ? problems.filter((p) => !p.syntax) : problems;
    this.collection.set(doc.uri, shown.map((problem) => this.toDiagnostic(doc, problem)));
  }

  private toDiagnostic(doc: vscode.TextDocument, problem: PolicyProblem): vscode.Diagnostic {
    const start = doc.positionAt(problem.offset);
    const end = doc.positionAt(problem.offset + Math.max(problem.length, 1));
    const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), problem.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = 'policy';
    if (problem.suggestion) this.suggestions.set(diagnostic, problem.suggestion);
    return diagnostic;
  }

  /** "Change to "commit"" on an unknown key that is a typo of a known one. */
  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!isPolicyDocument(doc)) return [];
    const ours = this.collection.get(doc.uri) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const mine = ours.find((d) => d.range.isEqual(diagnostic.range) && d.message === diagnostic.message);
      const suggestion = mine ? this.suggestions.get(mine) : undefined;
      if (!suggestion) continue;
      const keyText = doc.getText(diagnostic.range);
      const quoted = keyText.startsWith('"') && keyText.endsWith('"');
      const action = new vscode.CodeAction(`Change to "${suggestion}"`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, diagnostic.range, quoted ? JSON.stringify(suggestion) : suggestion);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }

  forget(doc: vscode.TextDocument): void {
    if (isPolicyDocument(doc)) this.collection.delete(doc.uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
