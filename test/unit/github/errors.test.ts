import assert from 'node:assert/strict';
import { RequestError } from '@octokit/request-error';
import { fixedClock } from '../../../src/core/clock';
import { ChangeControlError, type ErrorCode } from '../../../src/core/errors';
import { SecretRegistry } from '../../../src/core/redact';
import { describeReset, isGoneOrMissing, resourceFromUrl, translateGitHubError } from '../../../src/github/errors';

const TOKEN = 'ghp_UnitTestToken0123456789abcdefghijklm';

function httpError(status: number, data: unknown, headers: Record<string, string> = {}, url = 'https://api.github.com/repos/acme/api/pulls'): RequestError {
  return new RequestError(`HTTP ${status}`, status, {
    request: { method: 'GET', url, headers: { authorization: `token ${TOKEN}` } },
    response: { status, url, headers, data },
  });
}

function networkError(code: string): RequestError {
  const cause = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code }) });
  const err = new RequestError(`connect ${code} 127.0.0.1:1`, 500, { request: { method: 'GET', url: 'https://api.github.com/user', headers: {} } });
  err.cause = cause;
  return err;
}

describe('translateGitHubError', () => {
  const clock = fixedClock('2026-01-01T12:00:00Z');
  const resetEpoch = String(Date.parse('2026-01-01T12:30:00Z') / 1000);
  const table: [string, unknown, ErrorCode, RegExp, RegExp?][] = [
    ['401', httpError(401, { message: 'Bad credentials' }), 'github.unauthorized', /credentials/, /Sign in to GitHub/],
    ['403 without permission', httpError(403, { message: 'Resource not accessible by personal access token' }), 'github.forbidden', /Resource not accessible/, /access/],
    ['403 primary rate limit', httpError(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': resetEpoch }), 'github.rateLimited', /resets at .* \(in 30 minutes\)/],
    ['429 primary rate limit', httpError(429, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': resetEpoch }), 'github.rateLimited', /in 30 minutes/],
    ['secondary rate limit', httpError(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '42' }), 'github.rateLimited', /secondary rate limit/, /Wait 42 seconds/],
    ['404 repository', httpError(404, { message: 'Not Found' }, {}, 'https://api.github.com/repos/acme/api'), 'github.notFound', /repository acme\/api/],
    ['404 issue', httpError(404, { message: 'Not Found' }, {}, 'https://api.github.com/repos/acme/api/issues/12'), 'github.notFound', /issue #12 in acme\/api/],
    ['422 PR exists', httpError(422, { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for acme:feature/x.' }] }), 'github.validation', /A pull request already exists/, /existing pull request/],
    ['422 no commits', httpError(422, { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'custom', message: 'No commits between main and feature/x' }] }), 'github.validation', /No commits between main and feature\/x/, /Commit/],
    ['422 reviewer is author', httpError(422, { message: 'Reviews may only be requested from collaborators.', errors: [{ code: 'custom', message: 'Review cannot be requested from pull request author.' }] }), 'github.validation', /Review cannot be requested from pull request author/, /other than the author/],
    ['422 field code', httpError(422, { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }] }), 'github.validation', /Issue title missing_field/],
    ['502', httpError(502, { message: 'Bad Gateway' }), 'github.server', /server error \(502\)/, /githubstatus/],
    ['timeout', Object.assign(new RequestError('The operation was aborted due to timeout', 500, { request: { method: 'GET', url: 'https://api.github.com/user', headers: {} } }), { cause: new DOMException('The operation was aborted due to timeout', 'TimeoutError') }), 'github.timeout', /did not answer in time/],
    ['ECONNREFUSED', networkError('ECONNREFUSED'), 'github.network', /could not be reached \(ECONNREFUSED\)/, /network/],
    ['ENOTFOUND', networkError('ENOTFOUND'), 'github.network', /ENOTFOUND/],
    ['ECONNRESET', networkError('ECONNRESET'), 'github.network', /ECONNRESET/],
    ['cancelled', new DOMException('This operation was aborted', 'AbortError'), 'cancelled', /cancelled/],
  ];
  for (const [name, err, code, message, hint] of table) {
    it(`translates ${name} into ${code}`, () => {
      const secrets = new SecretRegistry();
      secrets.add(TOKEN);
      const out = translateGitHubError(err, { clock, redact: (t) => secrets.redact(t) });
      assert.ok(out instanceof ChangeControlError);
      assert.equal(out.code, code);
      assert.match(out.message, message);
      if (hint) assert.match(out.hint ?? '', hint);
      assert.equal(out.cause, err);
      assert.doesNotMatch(`${out.message} ${out.hint ?? ''} ${JSON.stringify(out.detail ?? {})}`, new RegExp(TOKEN));
    });
  }

  it('scrubs a token GitHub echoes back in its message', () => {
    const secrets = new SecretRegistry();
    secrets.add(TOKEN);
    const out = translateGitHubError(httpError(403, { message: `token ${TOKEN} lacks scope` }), { redact: (t) => secrets.redact(t) });
    assert.doesNotMatch(out.message, new RegExp(TOKEN));
    assert.match(out.message, /\[REDACTED\]/);
  });

  it('returns a ChangeControlError unchanged', () => {
    const original = new ChangeControlError('ticket.notFound', 'x');
    assert.equal(translateGitHubError(original), original);
  });
});

describe('describeReset and resourceFromUrl', () => {
  it('says how many minutes remain', () => {
    assert.match(describeReset(new Date('2026-01-01T12:01:00Z'), new Date('2026-01-01T12:00:00Z')), /\(in 1 minute\)$/);
  });
  it('names pull requests and ignores foreign paths', () => {
    assert.equal(resourceFromUrl('http://127.0.0.1:1/api/v3/repos/a/b/pulls/3?x=1'), 'pull request #3 in a/b');
    assert.equal(resourceFromUrl('https://api.github.com/user'), undefined);
  });
});

describe('isGoneOrMissing', () => {
  it('sees 404 and 410 whether the client hook translated them or not', () => {
    for (const status of [404, 410]) {
      assert.equal(isGoneOrMissing(httpError(status, { message: 'Not Found' })), true, `raw ${status}`);
      assert.equal(isGoneOrMissing(translateGitHubError(httpError(status, { message: 'Not Found' }))), true, `translated ${status}`);
    }
  });

  it('is false for other failures', () => {
    assert.equal(isGoneOrMissing(translateGitHubError(httpError(403, { message: 'Forbidden' }))), false);
    assert.equal(isGoneOrMissing(new ChangeControlError('github.network', 'down')), false);
    assert.equal(isGoneOrMissing(undefined), false);
  });
});
