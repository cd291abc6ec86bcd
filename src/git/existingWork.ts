/**
 * The branch facts Start Change weighs before it makes a branch: every
 * local and remote-tracking branch, and the ticket recorded on each local
 * one (`branch.<name>.changeTicket`), read in two git calls.
 */
import type { BranchFacts } from '../core/existingWork';
import { TICKET_KEY } from '../core/ports';
import { gitCall, openGit } from './git';

export async function readBranchFacts(root: string): Promise<BranchFacts[]> {
  const git = openGit(root);
  const [refs, config] = await Promise.all([
    gitCall('List branches', () => git.raw(['for-each-ref', '--format=%(refname)', 'refs/heads', 'refs/remotes'])),
    // Exit 1 without output when no branch has a ticket: simple-git resolves with ''.
    gitCall('Read branch tickets', () => git.raw(['config', '-z', '--get-regexp', `^branch\\..*\\.${TICKET_KEY.toLowerCase()}$`])),
  ]);
  const tickets = new Map<string, string>();
  for (const entry of config.split('\0')) {
    const nl = entry.indexOf('\n');
    if (nl < 0) continue;
    const key = entry.slice(0, nl);
    const branch = key.slice('branch.'.length, key.length - TICKET_KEY.length - 1);
    tickets.set(branch, entry.slice(nl + 1).trim());
  }
  const facts: BranchFacts[] = [];
  for (const ref of refs.split('\n').map((l) => l.trim()).filter(Boolean)) {
    if (ref.startsWith('refs/heads/')) {
      const name = ref.slice('refs/heads/'.length);
      const linkedTicket = tickets.get(name);
      facts.push({ name, local: true, ...(linkedTicket ? { linkedTicket } : {}) });
    } else if (ref.startsWith('refs/remotes/')) {
      const short = ref.slice('refs/remotes/'.length);
      const slash = short.indexOf('/');
      if (slash > 0 && !short.endsWith('/HEAD')) facts.push({ name: short.slice(slash + 1), local: false });
    }
  }
  return facts;
}
