/**
 * `change-control link-ticket ID [--branch NAME]`: records the change
 * ticket of a branch (git config `branch.<name>.changeTicket`), for
 * branches not made by `start`.
 */
import { linkTicket } from '../../core/linkTicket';
import { loadPolicyFor, requireWorkTree } from '../context';
import { GitRepository } from '../../git/gitRepository';
import { parseCommandArgs, usageError, type CommandSpec } from '../args';
import { EXIT, cliCommand, type CliIo } from '../io';

const spec = {
  name: 'link-ticket',
  summary: 'Record the change ticket of the current branch (or --branch NAME)',
  synopsis: 'ID',
  positionals: { name: 'ID', description: 'The change ticket (e.g. "#123" or ABC-123)', max: 1, tooMany: 'only one ticket ID' },
  options: {
    branch: { type: 'string', value: 'NAME', defaultText: 'the current branch', description: 'The branch to link' },
  },
} as const satisfies CommandSpec;

export function parseLinkTicketArgs(args: readonly string[]): { ticket: string; branch?: string } {
  const { values, positionals } = parseCommandArgs(spec, args);
  const ticket = positionals[0];
  if (!ticket) throw usageError(spec, 'give the ticket ID (e.g. "#123").');
  return values.branch ? { ticket, branch: values.branch } : { ticket };
}

export const linkTicketCommand = cliCommand(spec, (args, io) => runLink(parseLinkTicketArgs(args), io));

async function runLink(args: { ticket: string; branch?: string }, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'link-ticket');
  const { policy } = await loadPolicyFor(io, root, 'link-ticket');
  const result = await linkTicket(new GitRepository(root), args.ticket, policy.commit.ticketPattern, args.branch);
  const replaced = result.replaced ? ` (was ${result.replaced})` : '';
  io.stdout(`Linked ${result.branch} to ${result.ticket}${replaced}.\n`);
  return EXIT.ok;
}
