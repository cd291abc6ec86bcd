import { strict as assert } from 'node:assert';
import { readGitHubChangeStatus } from '../../../src/app/changeStatus';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { FakeGitHub } from './fakeOctokit';
import { pullRequestRoutes } from './pullRequestFixture';

const repo = { owner: 'acme', repo: 'app' };
const branchPulls = (gh: Record<string, unknown>): Record<string, unknown> => ({ ...gh, 'GET /repos/acme/app/pulls': [(gh['GET /repos/acme/app/pulls/34'] as object)] });

describe('Read Change Status use case (fake GitHub)', () => {
  it('finds the branch pull request with its reviews and checks, and the ticket that links back to it', async () => {
    const gh = new FakeGitHub(branchPulls(pullRequestRoutes({ checkRuns: [{ name: 'ci', status: 'completed', conclusion: 'success', html_url: 'https://ci/1' }] })));
    const status = await readGitHubChangeStatus({ octokit: gh.octokit, repo, branch: 'feature/12-add-parser', ticketId: '#12', policy: defaultPolicy() });
    assert.equal(status.github.status, 'ok');
    const section = status.github.status === 'ok' ? status.github.pullRequest : undefined;
    assert.equal(section?.pr.number, 34);
    assert.deepEqual(section?.reviews.map((r) => [r.author, r.state]), [['rev', 'APPROVED']]);
    assert.deepEqual(section?.checks.map((c) => [c.name, c.state, c.source]), [['ci', 'passed', 'checkRun']]);
    assert.equal(section?.ticketBackLink, true);
    assert.equal(status.ticket.details?.approved, true);
  });

  it('says the ticket is not found, and still reads the pull request, when the issue is missing', async () => {
    const routes = branchPulls(pullRequestRoutes());
    delete routes['GET /repos/acme/app/issues/12'];
    const status = await readGitHubChangeStatus({ octokit: new FakeGitHub(routes).octokit, repo, branch: 'feature/12-add-parser', ticketId: '#12', policy: defaultPolicy() });
    assert.equal(status.ticket.lookup?.status, 'notFound');
    assert.equal(status.github.status, 'ok');
  });

  it('turns a GitHub failure into an error section, never a throw, and skips a ticket that is no GitHub issue', async () => {
    const status = await readGitHubChangeStatus({ octokit: new FakeGitHub({}).octokit, repo, branch: 'feature/x', ticketId: 'ABC-1', policy: defaultPolicy() });
    assert.equal(status.github.status, 'error');
    assert.equal(status.ticket.lookup?.status, 'skipped');
  });

  it('asks nothing about a pull request when there is no branch', async () => {
    const gh = new FakeGitHub({});
    const status = await readGitHubChangeStatus({ octokit: gh.octokit, repo, branch: undefined, ticketId: undefined, policy: defaultPolicy() });
    assert.deepEqual(status, { github: { status: 'ok', repository: 'acme/app' }, ticket: {} });
    assert.deepEqual(gh.asked, []);
  });
});
