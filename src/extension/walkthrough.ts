/**
 * Opens the "Get Started with Change Control" walkthrough on the first
 * activation after install (once: a globalState flag), and completes its
 * commit step on the first commit that passes the policy (a context key
 * the step's completionEvents name).
 */
import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import { PASSING_COMMIT_CONTEXT, WALKTHROUGH_ID, WALKTHROUGH_SHOWN_KEY, shouldOpenWalkthrough } from './walkthroughState';

export async function openWalkthroughOnFirstInstall(context: vscode.ExtensionContext, logger: Logger): Promise<void> {
  const open = shouldOpenWalkthrough({
    shown: context.globalState.get<boolean>(WALKTHROUGH_SHOWN_KEY, false),
    testRun: context.extensionMode === vscode.ExtensionMode.Test,
    forced: process.env.CC_E2E_OPEN_WALKTHROUGH === '1',
  });
  if (!open) return;
  await context.globalState.update(WALKTHROUGH_SHOWN_KEY, true);
  try {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
  } catch (err) {
    logger.warn('Could not open the walkthrough.', err);
  }
}

/** A commit that passes the policy was made: the walkthrough's commit step is done. */
export function passingCommitMade(): void {
  void vscode.commands.executeCommand('setContext', PASSING_COMMIT_CONTEXT, true);
}
