import { strict as assert } from 'node:assert';
import { linksTo } from '../../../src/app/changeStatus';

describe('ticket back-link detection', () => {
  const repo = { owner: 'acme', repo: 'app' };
  const pr = { number: 34, url: 'https://github.com/acme/app/pull/34' };
  const cases: [string, string, boolean, boolean][] = [
    // text, description, ticket in the same repository, expected
    ['Reviewed in https://github.com/acme/app/pull/34', 'the pull request URL', true, true],
    ['See https://github.com/acme/app/pull/345', 'a longer number (another pull request)', true, false],
    ['Fixed by acme/app#34.', 'owner/repo#N', false, true],
    ['Fixed by #34', '#N in the same repository', true, true],
    ['Fixed by #34', '#N in a ticket of another repository', false, false],
    ['Fixed by #3', 'another number', true, false],
    ['Fixed by other/app#34', 'another repository', true, false],
    ['Colour &#34; entity', 'an HTML entity', true, false],
    ['https://github.example/acme/app/pull/34', 'the PR path on an Enterprise host', false, true],
  ];
  for (const [text, what, same, expected] of cases) {
    it(`${expected ? 'finds' : 'ignores'} ${what}`, () => {
      const ticket = same ? repo : { owner: 'acme', repo: 'tickets' };
      assert.equal(linksTo([text], repo, pr, ticket), expected);
    });
  }

  it('looks in every text (body and comments)', () => {
    assert.equal(linksTo(['', 'nothing', 'PR: #34'], repo, pr, repo), true);
    assert.equal(linksTo([], repo, pr, repo), false);
  });
});
