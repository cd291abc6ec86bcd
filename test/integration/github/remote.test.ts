import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChangeControlError } from '../../../src/core/errors';
import { readGitHubRemote } from '../../../src/github/remote';

describe('readGitHubRemote', function () {
  this.timeout(20_000);
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cc-remote-'));
    execFileSync('git', ['init', '-q', root]);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads origin by default, without the credentials in its URL', async () => {
    execFileSync('git', ['-C', root, 'remote', 'add', 'origin', 'https://me:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/api.git']);
    const repo = await readGitHubRemote(root);
    assert.deepEqual(repo, { host: 'github.com', owner: 'acme', repo: 'api', apiBaseUrl: 'https://api.github.com', webUrl: 'https://github.com/acme/api' });
  });

  it('reads the remote the setting names (an Enterprise host)', async () => {
    execFileSync('git', ['-C', root, 'remote', 'add', 'origin', 'git@github.com:fork/api.git']);
    execFileSync('git', ['-C', root, 'remote', 'add', 'upstream', 'ssh://git@ghe.example.com:2222/team/api.git']);
    const repo = await readGitHubRemote(root, { remoteName: 'upstream' });
    assert.equal(repo.apiBaseUrl, 'https://ghe.example.com/api/v3');
    assert.equal(`${repo.owner}/${repo.repo}`, 'team/api');
  });

  it('says which remotes exist when the named one is missing', async () => {
    execFileSync('git', ['-C', root, 'remote', 'add', 'origin', 'git@github.com:acme/api.git']);
    await assert.rejects(readGitHubRemote(root, { remoteName: 'upstream' }), (err: unknown) =>
      err instanceof ChangeControlError && err.code === 'git.noRemote' && /no remote named "upstream"/.test(err.message) && /origin/.test(err.hint ?? ''));
  });

  it('refuses a remote that is not a GitHub repository', async () => {
    execFileSync('git', ['-C', root, 'remote', 'add', 'origin', '/srv/git/api.git']);
    await assert.rejects(readGitHubRemote(root), (err: unknown) => err instanceof ChangeControlError && err.code === 'github.noRepository');
  });
});
