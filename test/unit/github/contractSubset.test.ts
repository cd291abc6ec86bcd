import assert from 'node:assert/strict';
import subset from '../../github-fake/openapi/api.github.com.subset.json';
import { ROUTES } from '../../github-fake/routes';
import { ContractValidator } from '../../github-fake/contract';

describe('fake GitHub contract subset', () => {
  const spec = subset as unknown as { info: Record<string, string>; paths: Record<string, Record<string, unknown>> };
  const operations = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));

  it('notes the pinned @octokit/openapi version it came from', () => {
    assert.match(spec.info['x-extracted-from'] ?? '', /^@octokit\/openapi@\d+\.\d+\.\d+ /);
  });

  it('has a handler for every extracted operation and no handler outside the contract', () => {
    assert.deepEqual([...operations].sort(), Object.keys(ROUTES).sort());
  });

  it('matches branch names with slashes in multi-segment parameters only', () => {
    const v = new ContractValidator();
    assert.deepEqual(v.match('GET', '/repos/acme/api/commits/feature/x/y/check-runs')?.params, { owner: 'acme', repo: 'api', ref: 'feature/x/y' });
    assert.equal(v.match('GET', '/repos/acme/api/pulls/1/reviews')?.template, '/repos/{owner}/{repo}/pulls/{pull_number}/reviews');
    assert.equal(v.match('GET', '/repos/acme/team/api'), undefined);
  });
});
