import { strict as assert } from 'node:assert';
import { Octokit } from '@octokit/rest';
import {
  GitHubTicketProvider,
  formatTicketId,
  issueToTicket,
  labelNames,
  parseTicketId,
  sortMineFirst,
  ticketMatches,
  trackerRepo,
} from '../../../src/tickets/githubTicketProvider';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { isChangeControlError } from '../../../src/core/errors';

const code = { owner: 'acme', repo: 'app' };

function issue(number: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { number, title: `Issue ${number}`, html_url: `https://github.com/acme/app/issues/${number}`, state: 'open', assignees: [], labels: [], ...extra };
}

/** A real Octokit whose fetch answers from a table, recording every URL. */
function stubOctokit(routes: Record<string, { status: number; body: unknown }>, seen: string[]): Octokit {
  const fetch = async (url: string | URL): Promise<Response> => {
    const u = new URL(String(url));
    seen.push(`${u.pathname}${u.search}`);
    const route = routes[u.pathname] ?? { status: 404, body: { message: 'Not Found' } };
    return new Response(JSON.stringify(route.body), { status: route.status, headers: { 'content-type': 'application/json' } });
  };
  return new Octokit({ baseUrl: 'http://127.0.0.1:9', request: { fetch }, log: { debug() {}, info() {}, warn() {}, error() {} } });
}

describe('tickets/githubTicketProvider', () => {
  it('parses short, long and URL ticket IDs against the tracker', () => {
    assert.deepEqual(parseTicketId('#12', code), { ...code, number: 12 });
    assert.deepEqual(parseTicketId(' 7 ', code), { ...code, number: 7 });
    assert.deepEqual(parseTicketId('acme/tracker#3', code), { owner: 'acme', repo: 'tracker', number: 3 });
    assert.deepEqual(parseTicketId('https://ghe.example.com/acme/tracker/issues/9', code), { owner: 'acme', repo: 'tracker', number: 9 });
    assert.equal(parseTicketId('ABC-12', code), undefined);
  });

  it('names tickets of the code repository #N and others owner/repo#N', () => {
    assert.equal(formatTicketId({ owner: 'ACME', repo: 'App', number: 4 }, code), '#4');
    assert.equal(formatTicketId({ owner: 'acme', repo: 'tracker', number: 4 }, code), 'acme/tracker#4');
    assert.deepEqual(trackerRepo(code, { ...defaultPolicy().tracker, repo: 'acme/tracker' }), { owner: 'acme', repo: 'tracker' });
  });

  it('reads labels given as strings or objects, and approval case-insensitively', () => {
    assert.deepEqual(labelNames(['a', { name: 'b' }, { name: null }, { name: '' }]), ['a', 'b']);
    const t = issueToTicket(issue(5, { labels: [{ name: 'APPROVED' }, 'bug'], assignees: [{ login: 'ana' }, null] }) as never, code, code, 'Approved');
    assert.equal(t.approved, true);
    assert.deepEqual(t.labels, ['APPROVED', 'bug']);
    assert.deepEqual(t.assignees, ['ana']);
    const single = issueToTicket(issue(6, { assignees: null, assignee: { login: 'bo' }, state: 'closed' }) as never, code, code, 'Approved');
    assert.deepEqual([single.assignees, single.state, single.approved], [['bo'], 'closed', false]);
  });

  it('searches every word in ID, title, labels and assignees; sorts mine first', () => {
    const a = issueToTicket(issue(1, { title: 'Export audit log', labels: ['Approved'] }) as never, code, code, 'Approved');
    const b = issueToTicket(issue(2, { title: 'Fix login', assignees: [{ login: 'Ana' }] }) as never, code, code, 'Approved');
    assert.equal(ticketMatches(a, 'audit approved'), true);
    assert.equal(ticketMatches(a, 'audit login'), false);
    assert.equal(ticketMatches(b, '#2'), true);
    assert.deepEqual(sortMineFirst([a, b], 'ana').map((t) => t.id), ['#2', '#1']);
    assert.deepEqual(sortMineFirst([a, b], undefined).map((t) => t.id), ['#1', '#2']);
  });

  it('lists open issues of the tracker without pull requests, mine first, in one request', async () => {
    const seen: string[] = [];
    const octokit = stubOctokit({
      '/repos/acme/tracker/issues': {
        status: 200,
        body: [issue(1), issue(2, { pull_request: { url: 'x' } }), issue(3, { assignees: [{ login: 'me' }], labels: [{ name: 'approved' }] })],
      },
    }, seen);
    const provider = new GitHubTicketProvider({ octokit, codeRepo: code, tracker: { ...defaultPolicy().tracker, repo: 'acme/tracker' }, currentLogin: async () => 'me' });
    assert.equal(provider.name, 'GitHub issues in acme/tracker');
    const tickets = await provider.listOpen();
    assert.deepEqual(tickets.map((t) => [t.id, t.approved]), [['acme/tracker#3', true], ['acme/tracker#1', false]]);
    assert.equal(seen.length, 1);
    assert.match(seen[0]!, /state=open/);
    assert.deepEqual((await provider.listOpen({ search: 'issue 1' })).map((t) => t.id), ['acme/tracker#1']);
  });

  it('keeps listing when the login cannot be read', async () => {
    const octokit = stubOctokit({ '/repos/acme/app/issues': { status: 200, body: [issue(1)] } }, []);
    const provider = new GitHubTicketProvider({ octokit, codeRepo: code, tracker: defaultPolicy().tracker, currentLogin: async () => { throw new Error('offline'); } });
    assert.deepEqual((await provider.listOpen()).map((t) => t.id), ['#1']);
  });

  it('gets one ticket; a missing issue or a pull request is undefined; other errors propagate', async () => {
    const octokit = stubOctokit({
      '/repos/acme/app/issues/12': { status: 200, body: issue(12, { labels: ['Approved'] }) },
      '/repos/acme/app/issues/13': { status: 200, body: issue(13, { pull_request: {} }) },
      '/repos/acme/app/issues/14': { status: 403, body: { message: 'Resource not accessible by integration' } },
    }, []);
    const provider = new GitHubTicketProvider({ octokit, codeRepo: code, tracker: defaultPolicy().tracker });
    assert.deepEqual(await provider.get('#12'), {
      id: '#12', title: 'Issue 12', url: 'https://github.com/acme/app/issues/12', state: 'open', assignees: [], labels: ['Approved'], approved: true,
    });
    assert.equal(await provider.get('13'), undefined);
    assert.equal(await provider.get('#99'), undefined);
    await assert.rejects(provider.get('#14'), (err: { status?: number }) => err.status === 403);
    await assert.rejects(provider.get('ABC-1'), (err) => isChangeControlError(err, 'ticket.invalidId'));
  });
});
