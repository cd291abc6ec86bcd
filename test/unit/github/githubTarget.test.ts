import { strict as assert } from 'node:assert';
import { isChangeControlError } from '../../../src/core/errors';
import { editorHostConfig, isLoopbackHost, resolveGitHubTarget, type GitHubHostConfig } from '../../../src/github/githubTarget';

const NONE: GitHubHostConfig = { apiUrl: '', tokenFrom: 'environment' };
const NOT_GITHUB = /this remote is not on GitHub: the GitHub features are off/i;

function target(remote: string, config: Partial<GitHubHostConfig> = {}): { baseUrl: string; provider: string; webUrl: string } {
  const t = resolveGitHubTarget(remote, 'origin', { ...NONE, ...config });
  return { baseUrl: t.baseUrl, provider: t.provider, webUrl: t.webUrl };
}

function refusal(remote: string, config: Partial<GitHubHostConfig> = {}): { code: string; message: string } {
  try {
    resolveGitHubTarget(remote, 'origin', { ...NONE, ...config });
  } catch (err) {
    assert.ok(isChangeControlError(err), String(err));
    return { code: err.code, message: err.message };
  }
  assert.fail(`${remote} was accepted`);
}

describe('github/githubTarget resolveGitHubTarget: where a token may go', () => {
  it('sends the github.com token to api.github.com only, for every github.com spelling', () => {
    for (const remote of ['https://github.com/acme/app.git', 'git@github.com:acme/app.git', 'ssh://git@ssh.github.com:443/acme/app.git', 'https://www.github.com/acme/app', 'https://x:ghp_secret@GitHub.com/acme/app.git']) {
      assert.deepEqual(target(remote), { baseUrl: 'https://api.github.com', provider: 'github', webUrl: 'https://github.com/acme/app' }, remote);
    }
  });

  it('treats every host nobody configured as not GitHub: GitLab, Bitbucket, an http listener, GHES or ghe.com guesses', () => {
    for (const remote of [
      'https://gitlab.com/acme/app.git', 'git@bitbucket.org:acme/app.git', 'http://127.0.0.1:8123/acme/app.git',
      'https://ghe.acme.com/team/app.git', 'git@octo.ghe.com:team/app.git', 'https://api.github.com.evil.example/acme/app',
      'https://github.com.evil.example/acme/app.git', 'https://gitlab.com/group/sub/app.git',
    ]) {
      const r = refusal(remote);
      assert.equal(r.code, 'github.noRepository', remote);
      assert.match(r.message, NOT_GITHUB, remote);
    }
  });

  it('names the host in the refusal, and never a control character a remote may carry', () => {
    assert.match(refusal('https://gitlab.com/acme/app.git').message, /remote "origin" is on gitlab\.com/);
    assert.doesNotMatch(refusal('evil\u001b[31m@host:acme/app.git').message, /\u001b/);
  });

  it('uses a configured API URL for github.com remotes and for remotes on its host only', () => {
    const ghes = { apiUrl: 'https://ghe.acme.com/api/v3/' };
    assert.deepEqual(target('git@ghe.acme.com:team/app.git', ghes), { baseUrl: 'https://ghe.acme.com/api/v3', provider: 'github', webUrl: 'https://ghe.acme.com/team/app' });
    assert.deepEqual(target('https://GHE.acme.com/team/app', ghes).baseUrl, 'https://ghe.acme.com/api/v3');
    assert.equal(target('https://github.com/acme/app.git', ghes).baseUrl, 'https://ghe.acme.com/api/v3');
    assert.match(refusal('https://ghe.other.com/team/app.git', ghes).message, NOT_GITHUB);
    assert.match(refusal('https://gitlab.com/team/app.git', ghes).message, NOT_GITHUB);
  });

  it('maps *.ghe.com to https://api.HOST only when it is configured', () => {
    assert.equal(target('git@octo.ghe.com:team/app.git', { apiUrl: 'https://api.octo.ghe.com' }).baseUrl, 'https://api.octo.ghe.com');
    assert.equal(target('git@octo.ghe.com:team/app.git', { enterpriseUri: 'https://octo.ghe.com', tokenFrom: 'editor' }).baseUrl, 'https://api.octo.ghe.com');
    assert.match(refusal('git@octo.ghe.com:team/app.git', { apiUrl: 'https://api.other.ghe.com' }).message, NOT_GITHUB);
  });

  it('tells a loopback listener from another port on the same address', () => {
    const fake = { apiUrl: 'http://127.0.0.1:9000' };
    assert.equal(target('http://127.0.0.1:9000/acme/app.git', fake).baseUrl, 'http://127.0.0.1:9000');
    assert.match(refusal('http://127.0.0.1:9001/acme/app.git', fake).message, NOT_GITHUB);
    assert.equal(target('https://github.com/acme/app.git', fake).baseUrl, 'http://127.0.0.1:9000', 'the test double serves github.com remotes');
  });

  it('accepts plain http only to loopback addresses', () => {
    for (const apiUrl of ['http://ghe.acme.com/api/v3', 'http://10.0.0.5/api/v3', 'http://127.0.0.1.evil.example/api/v3', 'ftp://ghe.acme.com/']) {
      const r = refusal('https://github.com/acme/app.git', { apiUrl });
      assert.equal(r.code, 'usage', apiUrl);
    }
    assert.match(refusal('https://github.com/acme/app.git', { apiUrl: 'http://ghe.acme.com/api/v3' }).message, /plain http.*only to this machine/);
    assert.equal(refusal('git@ghe.acme.com:t/a.git', { enterpriseUri: 'http://ghe.acme.com', tokenFrom: 'editor' }).code, 'usage');
    for (const apiUrl of ['http://localhost:3000', 'http://127.1.2.3:8080/api/v3', 'http://[::1]:8080']) {
      assert.equal(target('https://github.com/acme/app.git', { apiUrl }).baseUrl.startsWith('http://'), true, apiUrl);
    }
  });

  it('serves the github-enterprise.uri host with the github-enterprise sign-in (editor)', () => {
    const editor: Partial<GitHubHostConfig> = { enterpriseUri: 'ghe.acme.com', tokenFrom: 'editor' };
    assert.deepEqual(target('git@ghe.acme.com:team/app.git', editor), { baseUrl: 'https://ghe.acme.com/api/v3', provider: 'github-enterprise', webUrl: 'https://ghe.acme.com/team/app' });
    assert.equal(target('https://github.com/team/app.git', editor).provider, 'github');
    assert.match(refusal('git@ghe.other.com:team/app.git', editor).message, NOT_GITHUB);
    assert.equal(refusal('git@ghe.acme.com:team/app.git', { enterpriseUri: 'http://[bad', tokenFrom: 'editor' }).code, 'usage');
    assert.equal(target('git@ghe.acme.com:team/app.git', { ...editor, apiUrl: 'https://ghe.acme.com/api/v3' }).provider, 'github-enterprise');
  });

  it('never sends the editor github.com sign-in to a configured non-github.com host', () => {
    const r = refusal('https://github.com/acme/app.git', { apiUrl: 'https://ghe.acme.com/api/v3', tokenFrom: 'editor' });
    assert.equal(r.code, 'usage');
    assert.match(r.message, /ghe\.acme\.com/);
    assert.equal(target('https://github.com/acme/app.git', { apiUrl: 'http://127.0.0.1:9000', tokenFrom: 'editor' }).provider, 'github');
  });
});

describe('github/githubTarget editorHostConfig: which settings count', () => {
  it('ignores workspace and folder values, which a repository can ship in .vscode/settings.json', () => {
    const hostile = { workspaceValue: 'http://127.0.0.1:9999', workspaceFolderValue: 'https://evil.example/api/v3' };
    const config = editorHostConfig({ apiUrl: hostile, enterpriseUri: { workspaceValue: 'evil.example' } });
    assert.deepEqual(config, { apiUrl: '', apiUrlSource: 'CHANGE_CONTROL_GITHUB_API_URL', enterpriseUri: '', tokenFrom: 'editor' });
    assert.match(refusal('https://evil.example/acme/app.git', config).message, NOT_GITHUB);
    assert.match(refusal('http://127.0.0.1:9999/acme/app.git', config).message, NOT_GITHUB);
  });

  it('takes the user/machine level, then the environment', () => {
    assert.deepEqual(editorHostConfig({ apiUrl: { globalValue: ' https://ghe.acme.com/api/v3 ', workspaceValue: 'https://evil.example' }, enterpriseUri: { globalValue: 'ghe.acme.com' }, envApiUrl: 'http://127.0.0.1:1' }),
      { apiUrl: 'https://ghe.acme.com/api/v3', apiUrlSource: 'changeControl.github.apiUrl', enterpriseUri: 'ghe.acme.com', tokenFrom: 'editor' });
    assert.equal(editorHostConfig({ apiUrl: { defaultValue: '' }, envApiUrl: 'http://127.0.0.1:1' }).apiUrl, 'http://127.0.0.1:1');
    assert.equal(editorHostConfig({ apiUrl: { globalValue: 42 } }).apiUrl, '', 'a non-string value names no host');
  });
});

describe('github/githubTarget isLoopbackHost', () => {
  const table: [string, boolean][] = [
    ['127.0.0.1', true], ['127.255.0.9', true], ['localhost', true], ['LOCALHOST', true], ['[::1]', true], ['::1', true],
    ['128.0.0.1', false], ['127.0.0.1.nip.io', false], ['localhost.evil.example', false], ['10.0.0.1', false], ['[::2]', false], ['0.0.0.0', false],
  ];
  for (const [host, expected] of table) it(`${host} → ${expected}`, () => assert.equal(isLoopbackHost(host), expected));
});
