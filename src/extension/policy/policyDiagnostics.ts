/**
 * Squiggles on `.github/change-control.json` at the exact key of each
 * problem, as the user types. The rest of the extension keeps working on
 * the defaults of the bad values (parsePolicy never throws).
 */
import * as vscode from 'vscode';
import { parsePolicy } from '../../core/policy/parsePolicy';
import { POLICY_FILE } from '../../core/policy/schema';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/commitDiagnostics';

export function isPolicyDocument(doc: vscode.TextDocument): boolean {
  const p = doc.uri.path;
  return p.endsWith(`/${POLICY_FILE}`) || p === POLICY_FILE;
}

export class PolicyDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('changeControl.policy');

  update(doc: vscode.TextDocument): void {
    if (!isPolicyDocument(doc)) return;
    const { problems } = parsePolicy(doc.getText());
    this.collection.set(
      doc.uri,
      problems.map((problem) => {
        const start = doc.positionAt(problem.offset);
        const end = doc.positionAt(problem.offset + Math.max(problem.length, 1));
        const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), problem.message, vscode.DiagnosticSeverity.Error);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = 'policy';
        return diagnostic;
      }),
    );
  }

  forget(doc: vscode.TextDocument): void {
    if (isPolicyDocument(doc)) this.collection.delete(doc.uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
