/**
 * A cancellable progress notification for a command the user started:
 * its Cancel button aborts the task's AbortSignal, which is what the
 * git and GitHub adapters take.
 */
import * as vscode from 'vscode';

export type ProgressReport = vscode.Progress<{ message?: string; increment?: number }>;

export async function withCancellableProgress<T>(title: string, task: (signal: AbortSignal, progress: ProgressReport) => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      return await task(abort.signal, progress);
    } finally {
      sub.dispose();
    }
  });
}
