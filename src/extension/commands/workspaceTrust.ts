/**
 * The one answer to "may this command run here?" in Restricted Mode. A
 * command that runs git (and so the repository's hooks, config and
 * filters) is refused in an untrusted workspace with one message, which
 * offers "Manage Workspace Trust". Free of `vscode`: the decision and the
 * message have unit tests; runCommand.ts shows the action.
 */
import { ChangeControlError } from '../../core/errors';

/** Whether a command needs a trusted workspace: it runs git or something the repository configures. */
export type TrustRequirement = 'trusted' | 'any';

/** The action the untrusted-workspace error offers. */
export const MANAGE_TRUST_ACTION = { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' } as const;

/** True when a command with `requirement` may run; `trusted` is `vscode.workspace.isTrusted`. */
export function mayRun(requirement: TrustRequirement, trusted: boolean): boolean {
  return requirement === 'any' || trusted;
}

/** The untrusted-workspace error, for `what` (a command's title, "Start Change"). */
export function untrustedWorkspaceError(what: string): ChangeControlError {
  return new ChangeControlError(
    'workspace.untrusted',
    `${what} runs git in this repository, which is off in an untrusted workspace.`,
    { hint: 'Trust the workspace to continue.' },
  );
}
