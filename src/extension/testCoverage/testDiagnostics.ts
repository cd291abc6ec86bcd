/**
 * Problems-panel warnings on changed source files without (changed)
 * tests, with "Create test file" and "Open test" quick actions.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SourceTestResult, TestCheckResult } from '../../core/testMatching/types';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/commitDiagnostics';

export const MISSING_CODE = 'tests.missing';
export const STALE_CODE = 'tests.stale';

function message(source: SourceTestResult): string {
  if (source.unwrittenStub) return `Its test ${source.unwrittenStub} is still the stub Create Test File wrote: write the test, then delete its change-control:stub line.`;
  if (source.verdict === 'missing') {
    return source.suggestedTest ? `No test covers this file. Create ${source.suggestedTest}.` : 'No test covers this file.';
  }
  return `This file changed but its tests did not: ${source.tests.join(', ')}.`;
}

export class TestDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  private readonly collection = vscode.languages.createDiagnosticCollection('changeControl.tests');
  private readonly filesByRoot = new Map<string, vscode.Uri[]>();
  private readonly results = new Map<string, TestCheckResult>();

  /**
   * Replaces the problems of one repository. A missing test is an error
   * when the policy requires tests (the Change view shows it as a
   * blocker), else a warning, as are tests that did not change.
   */
  show(root: string, result: TestCheckResult, requireTests: boolean): void {
    this.clear(root);
    this.results.set(root, result);
    const uris: vscode.Uri[] = [];
    for (const source of result.sources) {
      if (source.verdict !== 'missing' && source.verdict !== 'stale') continue;
      const uri = vscode.Uri.file(path.join(root, source.path));
      const severity = source.verdict === 'missing' && requireTests ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message(source), severity);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = source.verdict === 'missing' ? MISSING_CODE : STALE_CODE;
      this.collection.set(uri, [diagnostic]);
      uris.push(uri);
    }
    this.filesByRoot.set(root, uris);
  }

  /** Removes the problems of one repository (its branch changed). */
  clear(root: string): void {
    for (const uri of this.filesByRoot.get(root) ?? []) this.collection.delete(uri);
    this.filesByRoot.delete(root);
    this.results.delete(root);
  }

  /** The repository and result entry of a file, from the last check. */
  find(uri: vscode.Uri): { root: string; source: SourceTestResult } | undefined {
    for (const [root, result] of this.results) {
      const relative = path.relative(root, uri.fsPath).split(path.sep).join('/');
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const source = result.sources.find((s) => s.path === relative);
      if (source) return { root, source };
    }
    return undefined;
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && (d.code === MISSING_CODE || d.code === STALE_CODE));
    const target = ours.length > 0 ? this.find(document.uri) : undefined;
    if (!target) return [];
    const { root, source } = target;
    const actions: vscode.CodeAction[] = [];
    if (source.verdict === 'missing' && source.suggestedTest) {
      const action = new vscode.CodeAction(`Create test file ${source.suggestedTest}`, vscode.CodeActionKind.QuickFix);
      action.command = { title: 'Create Test File', command: 'changeControl.createTestFile', arguments: [root, source.path, source.suggestedTest] };
      action.diagnostics = ours;
      action.isPreferred = true;
      actions.push(action);
    }
    for (const test of source.tests.slice(0, 5)) {
      const action = new vscode.CodeAction(`Open test ${test}`, vscode.CodeActionKind.QuickFix);
      action.command = { title: 'Open Test', command: 'changeControl.openTest', arguments: [root, test] };
      action.diagnostics = ours;
      actions.push(action);
    }
    return actions;
  }

  dispose(): void {
    this.collection.dispose();
  }
}
