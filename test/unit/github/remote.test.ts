import assert from 'node:assert/strict';
import { apiBaseUrlForHost, parseRemoteUrl } from '../../../src/github/remote';

describe('parseRemoteUrl', () => {
  const table: [string, { host: string; owner: string; repo: string; protocol: string } | undefined][] = [
    ['https://github.com/acme/api.git', { host: 'github.com', owner: 'acme', repo: 'api', protocol: 'https:' }],
    ['https://github.com/acme/api', { host: 'github.com', owner: 'acme', repo: 'api', protocol: 'https:' }],
    ['https://github.com/acme/api/', { host: 'github.com', owner: 'acme', repo: 'api', protocol: 'https:' }],
    ['https://user:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/api.git', { host: 'github.com', owner: 'acme', repo: 'api', protocol: 'https:' }],
    ['https://x-access-token@github.com/acme/api.git', { host: 'github.com', owner: 'acme', repo: 'api', protocol: 'https:' }],
    ['git@github.com:acme/api.git', { host: 'github.com', owner: 'acme', repo: 'api', protocol: 'ssh:' }],
    ['git@github.com:acme/api', { host: 'github.com', owner: 'acme', repo: 'api', protocol: 'ssh:' }],
    ['ssh://git@github.com/acme/api.git', { host: 'github.com', owner: 'acme', repo: 'api', protocol: 'ssh:' }],
    ['ssh://git@ssh.github.com:443/acme/api.git', { host: 'github.com', owner: 'acme', repo: 'api', protocol: 'ssh:' }],
    ['ssh://git@ghe.example.com:2222/team/svc.git', { host: 'ghe.example.com', owner: 'team', repo: 'svc', protocol: 'ssh:' }],
    ['https://ghe.example.com/team/svc.git', { host: 'ghe.example.com', owner: 'team', repo: 'svc', protocol: 'https:' }],
    ['git@ghe.example.com:team/svc.git', { host: 'ghe.example.com', owner: 'team', repo: 'svc', protocol: 'ssh:' }],
    ['https://octo.ghe.com/team/svc.git', { host: 'octo.ghe.com', owner: 'team', repo: 'svc', protocol: 'https:' }],
    ['git@octo.ghe.com:team/svc.git', { host: 'octo.ghe.com', owner: 'team', repo: 'svc', protocol: 'ssh:' }],
    ['https://GitHub.com/Acme/My.Repo.git', { host: 'github.com', owner: 'Acme', repo: 'My.Repo', protocol: 'https:' }],
    ['http://127.0.0.1:8080/acme/api.git', { host: '127.0.0.1:8080', owner: 'acme', repo: 'api', protocol: 'http:' }],
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
      assert.deepEqual({ host: got.host, owner: got.owner, repo: got.repo, protocol: got.protocol }, expected);
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
