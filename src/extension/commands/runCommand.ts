/**
 * The one UI error boundary: every command runs through here. The whole
 * error goes to the log; the user gets a short message with next steps.
 */
import * as vscode from 'vscode';
import { describeError, isChangeControlError, type ChangeControlError } from '../../core/errors';
import type { Logger } from '../../core/ports';
import type { SecretRegistry } from '../../core/redact';
import { MANAGE_TRUST_ACTION } from './workspaceTrust';

export interface CommandContext {
  logger: Logger;
  secrets: SecretRegistry;
  showLog: () => void;
}

export type CommandHandler = (...args: unknown[]) => unknown;

export function runCommand(id: string, handler: CommandHandler, ctx: CommandContext): (...args: unknown[]) => Promise<unknown> {
  return async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (isChangeControlError(err, 'cancelled') || (err instanceof vscode.CancellationError)) {
        ctx.logger.info(`${id}: cancelled`);
        return undefined;
      }
      ctx.logger.error(`${id} failed:`, err);
      await showError(err, ctx);
      return undefined;
    }
  };
}

async function showError(err: unknown, ctx: CommandContext): Promise<void> {
  const message = ctx.secrets.redact(describeError(err));
  const actions = actionsFor(err);
  const picked = await vscode.window.showErrorMessage(message, ...actions.map((a) => a.title), 'Show Log');
  if (picked === 'Show Log') ctx.showLog();
  const action = actions.find((a) => a.title === picked);
  if (action) await vscode.commands.executeCommand(action.command);
}

function actionsFor(err: unknown): { title: string; command: string }[] {
  if (!isChangeControlError(err)) return [];
  const code = (err as ChangeControlError).code;
  if (code === 'github.unauthorized') return [{ title: 'Sign in to GitHub', command: 'changeControl.signIn' }];
  if (code === 'policy.invalid') return [{ title: 'Open Policy File', command: 'changeControl.openPolicy' }];
  if (code === 'workspace.untrusted') return [MANAGE_TRUST_ACTION];
  return [];
}
