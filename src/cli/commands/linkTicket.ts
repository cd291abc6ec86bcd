/**
 * `change-control link-ticket ID [--branch NAME]`: records the change
 * ticket of a branch (git config `branch.<name>.changeTicket`), for
 * branches not made by `start`.
 */
import { ChangeControlError } from '../../core/errors';
import { linkTicket } from '../../core/linkTicket';
import { loadPolicyFor, requireWorkTree } from '../context';
import { GitRepository } from '../../git/gitRepository';
import { EXIT, type CliCommand, type CliIo } from '../io';

const USAGE = 'change-control link-ticket ID [--branch NAME]';

export function parseLinkTicketArgs(args: readonly string[]): { ticket: string; branch?: string } {
  let ticket: string | undefined;
  let branch: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--branch' || arg.startsWith('--branch=')) {
      branch = arg.includes('=') ? arg.slice('--branch='.length) : args[++i];
      if (!branch) throw usage('--branch needs a value.');
    } else if (arg.startsWith('--')) throw usage(`unknown argument "${arg}".`);
    else if (ticket === undefined) ticket = arg;
    else throw usage(`only one ticket ID, not also "${arg}".`);
  }
  if (!ticket) throw usage('give the ticket ID (e.g. "#123").');
  return branch ? { ticket, branch } : { ticket };
}

export const linkTicketCommand: CliCommand = {
  name: 'link-ticket',
  summary: 'Record the change ticket of the current branch (or --branch NAME)',
  usage: USAGE,
  run: (args, io) => runLink(parseLinkTicketArgs(args), io),
};

async function runLink(args: { ticket: string; branch?: string }, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'link-ticket');
  const { policy } = await loadPolicyFor(io, root, 'link-ticket');
  const result = await linkTicket(new GitRepository(root), args.ticket, policy.commit.ticketPattern, args.branch);
  const replaced = result.replaced ? ` (was ${result.replaced})` : '';
  io.stdout(`Linked ${result.branch} to ${result.ticket}${replaced}.\n`);
  return EXIT.ok;
}

function usage(reason: string): ChangeControlError {
  return new ChangeControlError('usage', `${reason}\nusage: ${USAGE}`);
}
