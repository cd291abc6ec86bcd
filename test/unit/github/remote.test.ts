import assert from 'node:assert/strict';
import { apiBaseUrlForHost, parseRemoteUrl } from '../../../src/github/remote';

describe('parseRemoteUrl', () => {
  const table: [string, { host: string; owner: string; repo: string; apiBaseUrl: string } | undefined][] = [
    ['https://github.com/acme/api.git', { host: 'github.com', owner: 'acme', repo: 'api', apiBaseUrl: 'https://api.github.com' }],
    ['https://github.com/acme/api', { host: 'github.com', owner: 'acme', repo: 'api', apiBaseUrl: 'https://api.github.com' }],
    ['https://github.com/acme/api/', { host: 'github.com', owner: 'acme', repo: 'api', apiBaseUrl: 'https://api.github.com' }],
    ['https://user:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/api.git', { host: 'github.com', owner: 'acme', repo: 'api', apiBaseUrl: 'https://api.github.com' }],
    ['https://x-access-token@github.com/acme/api.git', { host: 'github.com', owner: 'acme', repo: 'api', apiBaseUrl: 'https://api.github.com' }],
    ['git@github.com:acme/api.git', { host: 'github.com', owner: 'acme', repo: 'api', apiBaseUrl: 'https://api.github.com' }],
    ['git@github.com:acme/api', { host: 'github.com', owner: 'acme', repo: 'api', apiBaseUrl: 'https://api.github.com' }],
    ['ssh://git@github.com/acme/api.git', { host: 'github.com', owner: 'acme', repo: 'api', apiBaseUrl: 'https://api.github.com' }],
    ['ssh://git@ssh.github.com:443/acme/api.git', { host: 'github.com', owner: 'acme', repo: 'api', apiBaseUrl: 'https://api.github.com' }],
    ['ssh://git@ghe.example.com:2222/team/svc.git', { host: 'ghe.example.com', owner: 'team', repo: 'svc', apiBaseUrl: 'https://ghe.example.com/api/v3' }],
    ['https://ghe.example.com/team/svc.git', { host: 'ghe.example.com', owner: 'team', repo: 'svc', apiBaseUrl: 'https://ghe.example.com/api/v3' }],
    ['git@ghe.example.com:team/svc.git', { host: 'ghe.example.com', owner: 'team', repo: 'svc', apiBaseUrl: 'https://ghe.example.com/api/v3' }],
    ['https://octo.ghe.com/team/svc.git', { host: 'octo.ghe.com', owner: 'team', repo: 'svc', apiBaseUrl: 'https://api.octo.ghe.com' }],
    ['git@octo.ghe.com:team/svc.git', { host: 'octo.ghe.com', owner: 'team', repo: 'svc', apiBaseUrl: 'https://api.octo.ghe.com' }],
    ['https://GitHub.com/Acme/My.Repo.git', { host: 'github.com', owner: 'Acme', repo: 'My.Repo', apiBaseUrl: 'https://api.github.com' }],
    ['http://127.0.0.1:8080/acme/api.git', { host: '127.0.0.1:8080', owner: 'acme', repo: 'api', apiBaseUrl: 'http://127.0.0.1:8080/api/v3' }],
    ['https://github.com/acme', undefined],
    ['https://github.com/acme/api/tree/main', undefined],
    ['/srv/git/api.git', undefined],
    ['file:///srv/git/acme/api.git', undefined],
    ['not a url', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of table) {
    it(`parses ${JSON.stringify(input)}`, () => {
      const got = parseRemoteUrl(input);
      if (expected === undefined) return assert.equal(got, undefined);
      assert.ok(got);
      assert.deepEqual({ host: got.host, owner: got.owner, repo: got.repo, apiBaseUrl: got.apiBaseUrl }, expected);
    });
  }

  it('never keeps credentials from the remote', () => {
    const got = parseRemoteUrl('https://user:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/api.git');
    assert.ok(got);
    assert.doesNotMatch(JSON.stringify(got), /ghp_|user:/);
  });
});

describe('apiBaseUrlForHost', () => {
  const table: [string, string][] = [
    ['github.com', 'https://api.github.com'],
    ['GITHUB.COM', 'https://api.github.com'],
    ['acme.ghe.com', 'https://api.acme.ghe.com'],
    ['api.acme.ghe.com', 'https://api.acme.ghe.com'],
    ['github.acme.internal', 'https://github.acme.internal/api/v3'],
  ];
  for (const [host, expected] of table) {
    it(`maps ${host} to ${expected}`, () => assert.equal(apiBaseUrlForHost(host), expected));
  }
});
