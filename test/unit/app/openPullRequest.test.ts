import { strict as assert } from 'node:assert';
import type { Octokit } from '@octokit/rest';
import { preparePullRequest, type PrepareOptions } from '../../../src/app/openPullRequest';
import { defaultPolicy } from '../../../src/core/policy/schema';
import type { Ticket, TicketProvider } from '../../../src/core/ports';
import { FakeGitPort } from './fakeGitPort';

/** A ticket tracker that answers from a table and records each lookup. */
function tickets(table: Record<string, Ticket>): TicketProvider & { asked: string[] } {
  const asked: string[] = [];
  return { name: 'fake', asked, listOpen: async () => Object.values(table), get: async (id) => (asked.push(id), table[id]) };
}

const TICKET: Ticket = { id: '#12', title: 'Add the parser', state: 'open', assignees: [], labels: ['approved'], approved: true };

function options(git: FakeGitPort, tracker: TicketProvider): PrepareOptions {
  // No request reaches GitHub: the git port and the tracker are fakes.
  return { root: '/nowhere', remote: 'origin', repo: { owner: 'acme', repo: 'app' }, policy: defaultPolicy(), octokit: {} as Octokit, lint: () => [], git, tickets: tracker };
}

describe('Open Pull Request pre-flight (fake git port and tracker)', () => {
  it('has no blocker for an approved ticket, linted commits and covered tests, and changes nothing', async () => {
    const git = new FakeGitPort();
    git.config.set('feature/12-add-x.changeTicket', '#12');
    git.commits = [{ sha: 'a1', parents: 1, subject: 'Add the parser', message: 'Add the parser\n\nRefs #12\n' }];
    const tracker = tickets({ '#12': TICKET });
    const prepared = await preparePullRequest(options(git, tracker));
    assert.deepEqual(prepared.preflight.blockers, []);
    assert.equal(prepared.ticketId, '#12');
    assert.deepEqual(tracker.asked, ['#12']);
    assert.deepEqual(prepared.ticketRef, { owner: 'acme', repo: 'app', number: 12 });
    assert.deepEqual(git.calls, ['baseState origin main', 'log origin/main..HEAD', 'readChange']);
  });

  it('blocks an unapproved ticket and a source without tests, and leaves merges out of the commits', async () => {
    const git = new FakeGitPort();
    git.config.set('feature/12-add-x.changeTicket', '#12');
    git.commits = [
      { sha: 'a1', parents: 1, subject: 'Add the parser', message: 'Add the parser\n' },
      { sha: 'm1', parents: 2, subject: 'Merge main', message: 'Merge main\n' },
    ];
    git.change = { ...git.change, changes: [{ path: 'src/parser.ts', status: 'added' }], tree: ['src/parser.ts'] };
    const prepared = await preparePullRequest(options(git, tickets({ '#12': { ...TICKET, approved: false, labels: [] } })));
    assert.deepEqual(prepared.preflight.blockers.map((b) => b.id).sort(), ['approval', 'tests']);
    assert.deepEqual(prepared.commits.map((c) => c.sha), ['a1']);
  });

  it('takes the ticket from the commits when the branch has none recorded', async () => {
    const git = new FakeGitPort();
    git.commits = [{ sha: 'a1', parents: 1, subject: 'Add the parser', message: 'Add the parser\n\nRefs #12\n' }];
    const tracker = tickets({ '#12': TICKET });
    const prepared = await preparePullRequest(options(git, tracker));
    assert.equal(prepared.ticketId, '#12');
    assert.deepEqual(tracker.asked, ['#12']);
  });

  it('blocks a detached HEAD without reading commits, and warns when the test check cannot run', async () => {
    const git = new FakeGitPort();
    git.branch = undefined;
    git.changeError = new Error('git is gone');
    const prepared = await preparePullRequest(options(git, tickets({})));
    assert.ok(prepared.preflight.blockers.some((b) => b.id === 'branch'), JSON.stringify(prepared.preflight));
    assert.ok(prepared.preflight.warnings.some((w) => w.id === 'tests' && /did not run/.test(w.message)));
    assert.ok(!git.calls.some((c) => c.startsWith('log ')));
  });
});
