/**
 * How every command is registered: through the error boundary
 * (runCommand.ts), refused in an untrusted workspace when it runs git
 * (the one untrusted-workspace error, workspaceTrust.ts), and, for a
 * command that acts on a repository, with that repository resolved first:
 * the command's argument (a root, `{ root }` or a file Uri), else the only
 * one, else the user's pick. A dismissed pick ends the command quietly.
 * Model: microsoft/vscode extensions/git/src/commands.ts
 * `@command('git.x', { repository: true })`.
 */
import * as vscode from 'vscode';
import { ChangeControlError } from '../../core/errors';
import type { ChangeRepositories } from '../repository/changeRepositories';
import type { ChangeRepository } from '../repository/changeRepository';
import { rootArgument } from '../repository/repositoryPick';
import type { RepositoryLocator } from '../repository/repositoryLocator';
import { runCommand, type CommandContext, type CommandHandler } from './runCommand';
import { mayRun, untrustedWorkspaceError, type TrustRequirement } from './workspaceTrust';

export interface CommandOptions {
  /** The command's name in messages and in the repository pick ("Start Change"). */
  title?: string;
  /** 'trusted': the command runs git or what the repository configures (default 'any'). */
  trust?: TrustRequirement;
}

export interface RepositoryCommandOptions extends CommandOptions {
  title: string;
  /** The error when the workspace has no repository at all (default: the command does nothing). */
  noRepository?: string;
}

export type RepositoryCommandHandler = (repository: ChangeRepository, ...args: unknown[]) => unknown;

export class CommandRegistry {
  constructor(
    private readonly ctx: CommandContext,
    private readonly locator: RepositoryLocator,
    private readonly repositories: ChangeRepositories,
    private readonly subscriptions: vscode.Disposable[],
    private readonly isTrusted: () => boolean = () => vscode.workspace.isTrusted,
  ) {}

  /** A command that needs no repository (or finds its own from its arguments). */
  register(id: string, handler: CommandHandler, options: CommandOptions = {}): void {
    this.subscriptions.push(vscode.commands.registerCommand(id, runCommand(id, async (...args: unknown[]) => {
      this.checkTrust(id, options);
      return handler(...args);
    }, this.ctx)));
  }

  /** A command that acts on one repository: the handler gets it first, then the command's arguments. */
  registerForRepository(id: string, options: RepositoryCommandOptions, handler: RepositoryCommandHandler): void {
    this.register(id, async (...args: unknown[]) => {
      const repository = await this.resolve(args[0], options.title);
      if (repository) return handler(repository, ...args);
      if (options.noRepository && (await this.locator.list()).length === 0) {
        throw new ChangeControlError('git.notARepository', options.noRepository);
      }
      return undefined;
    }, options);
  }

  /** Like registerForRepository, but the handler also runs (with undefined) when there is none or the pick is dismissed. */
  registerForOptionalRepository(id: string, options: RepositoryCommandOptions, handler: (repository: ChangeRepository | undefined, ...args: unknown[]) => unknown): void {
    this.register(id, async (...args: unknown[]) => handler(await this.resolve(args[0], options.title), ...args), options);
  }

  /** The repository the argument names, else the only one, else the user's pick. */
  private async resolve(arg: unknown, title: string): Promise<ChangeRepository | undefined> {
    const hint = arg instanceof vscode.Uri ? await this.locator.forUri(arg) : rootArgument(arg);
    const root = await this.locator.pick({ ...(hint ? { hint } : {}), title: `Change Control: ${title}` });
    return root ? this.repositories.get(root) : undefined;
  }

  private checkTrust(id: string, options: CommandOptions): void {
    if (!mayRun(options.trust ?? 'any', this.isTrusted())) throw untrustedWorkspaceError(options.title ?? id);
  }
}
