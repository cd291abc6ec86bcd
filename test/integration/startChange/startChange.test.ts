import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { isChangeControlError } from '../../../src/core/errors';
import { defaultPolicy } from '../../../src/core/policy/schema';
import type { StartQuestion } from '../../../src/core/startChange';
import { startChange } from '../../../src/app/startChangeRunner';
import { GitRepository } from '../../../src/git/gitRepository';
import { advanceRemote, commitFile, fileHashes, git, makeFixture, repoState, tempDir, type Fixture } from './repos';

async function cli(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { argv, cwd, env: process.env, stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => '' };
  const code = await main(io);
  return { code, out, err };
}

const branchOf = (repo: string): string => git(repo, ['symbolic-ref', '--short', 'HEAD']).trim();
const config = (repo: string, key: string): string => git(repo, ['config', '--get', key], { allowFail: true }).trim();
const tip = (repo: string, ref: string): string => git(repo, ['rev-parse', ref]).trim();

describe('Start Change on real repositories', () => {
  let fx: Fixture;
  beforeEach(() => {
    fx = makeFixture();
  });
  afterEach(() => fx.dispose());

  it('bases the branch on the remote main even when the local main is outdated', async () => {
    const localMain = tip(fx.work, 'main');
    const remoteTip = advanceRemote(fx);
    const r = await cli(fx.work, ['start', '--ticket', '#123', '--description', 'Fix login timeout']);
    assert.equal(r.code, 0, r.err);
    assert.equal(branchOf(fx.work), 'feature/123-fix-login-timeout');
    assert.equal(tip(fx.work, 'HEAD'), remoteTip);
    assert.equal(tip(fx.work, 'main'), localMain, 'the local main is left alone');
    assert.notEqual(localMain, remoteTip);
    assert.equal(config(fx.work, 'branch.feature/123-fix-login-timeout.changeTicket'), '#123');
    assert.equal(config(fx.work, 'branch.feature/123-fix-login-timeout.changeKind'), 'feature');
    assert.equal(config(fx.work, 'branch.feature/123-fix-login-timeout.merge'), '', 'no upstream is set on the new branch');
    assert.match(r.out, /Created feature\/123-fix-login-timeout from origin\/main for #123/);
  });

  it('names a defect branch defect/… with --defect', async () => {
    const r = await cli(fx.work, ['start', '--ticket', 'abc-42', '--description', 'Crash on save', '--defect']);
    assert.equal(r.code, 0, r.err);
    assert.equal(branchOf(fx.work), 'defect/ABC-42-crash-on-save');
    assert.equal(config(fx.work, 'branch.defect/ABC-42-crash-on-save.changeTicket'), 'ABC-42');
    assert.equal(config(fx.work, 'branch.defect/ABC-42-crash-on-save.changeKind'), 'defect');
  });

  it('carries staged, unstaged and untracked changes byte for byte', async () => {
    advanceRemote(fx);
    const binary = randomBytes(4096);
    binary[10] = 0;
    writeFileSync(path.join(fx.work, 'shared.txt'), 'one\ntwo (edited, unstaged)\nthree\r\n');
    writeFileSync(path.join(fx.work, 'README.md'), 'hello\nstaged line\n');
    git(fx.work, ['add', 'README.md']);
    writeFileSync(path.join(fx.work, 'new-staged.txt'), 'brand new\n');
    git(fx.work, ['add', 'new-staged.txt']);
    writeFileSync(path.join(fx.work, 'blob.bin'), binary);
    writeFileSync(path.join(fx.work, 'naïve ünïcode.txt'), 'untracked ✓\n');
    const hashes = fileHashes(fx.work);
    const staged = git(fx.work, ['diff', '--cached', '--binary']);
    const unstaged = git(fx.work, ['diff', '--binary']);

    const refused = await cli(fx.work, ['start', '--ticket', '#5', '--description', 'Carry']);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /--carry-changes/);
    assert.equal(branchOf(fx.work), 'main');

    const r = await cli(fx.work, ['start', '--ticket', '#5', '--description', 'Carry', '--carry-changes']);
    assert.equal(r.code, 0, r.err);
    assert.equal(branchOf(fx.work), 'feature/5-carry');
    assert.equal(tip(fx.work, 'HEAD'), tip(fx.remote, 'main'));
    const after = fileHashes(fx.work);
    delete after['remote-only.txt']; // arrives with the new base
    assert.deepEqual(after, hashes);
    assert.deepEqual(readFileSync(path.join(fx.work, 'blob.bin')), binary);
    assert.equal(git(fx.work, ['diff', '--cached', '--binary']), staged, 'the index is kept');
    assert.equal(git(fx.work, ['diff', '--binary']), unstaged);
    assert.equal(git(fx.work, ['stash', 'list']), '', 'nothing was stashed');
  });

  it('asks each question once through the asker, in order', async () => {
    writeFileSync(path.join(fx.work, 'wip.txt'), 'work in progress\n');
    git(fx.work, ['branch', 'feature/9-again']);
    const asked: StartQuestion[] = [];
    const result = await startChange(new GitRepository(fx.work), async (q) => (asked.push(q), true), { ticket: '#9', description: 'again', kind: 'feature' }, defaultPolicy());
    assert.deepEqual(asked.map((q) => q.id), ['switchExisting', 'carryChanges']);
    assert.equal(result.created, false);
    assert.equal(branchOf(fx.work), 'feature/9-again');
    assert.equal(readFileSync(path.join(fx.work, 'wip.txt'), 'utf8'), 'work in progress\n');
    assert.equal(config(fx.work, 'branch.feature/9-again.changeTicket'), '#9');
  });

  describe('refusals change nothing', () => {
    async function expectRefusal(argv: string[], code: number, message: RegExp): Promise<void> {
      const before = repoState(fx.work);
      const r = await cli(fx.work, argv);
      assert.equal(r.code, code, `${r.out}${r.err}`);
      assert.match(r.err, message);
      assert.deepEqual(repoState(fx.work), before);
    }

    it('mid-merge', async () => {
      commitFile(fx.work, 'shared.txt', 'ours\n', 'Ours');
      git(fx.work, ['switch', '-q', '-c', 'other', 'HEAD~1']);
      commitFile(fx.work, 'shared.txt', 'theirs\n', 'Theirs');
      git(fx.work, ['switch', '-q', 'main']);
      git(fx.work, ['merge', 'other'], { allowFail: true });
      await expectRefusal(['start', '--ticket', '#1', '--description', 'x', '--carry-changes'], 2, /merge is in progress.*git merge --abort/);
    });

    it('mid-rebase', async () => {
      commitFile(fx.work, 'shared.txt', 'ours\n', 'Ours');
      git(fx.work, ['switch', '-q', '-c', 'other', 'HEAD~1']);
      commitFile(fx.work, 'shared.txt', 'theirs\n', 'Theirs');
      git(fx.work, ['rebase', 'main'], { allowFail: true });
      assert.match(git(fx.work, ['status']), /rebas/);
      await expectRefusal(['start', '--ticket', '#1', '--description', 'x', '--carry-changes'], 2, /rebase is in progress.*git rebase --abort/);
    });

    it('mid-cherry-pick', async () => {
      git(fx.work, ['switch', '-q', '-c', 'other']);
      const pick = commitFile(fx.work, 'shared.txt', 'theirs\n', 'Theirs');
      git(fx.work, ['switch', '-q', 'main']);
      commitFile(fx.work, 'shared.txt', 'ours\n', 'Ours');
      git(fx.work, ['cherry-pick', pick], { allowFail: true });
      await expectRefusal(['start', '--ticket', '#1', '--description', 'x', '--carry-changes'], 2, /cherry-pick is in progress.*git cherry-pick --abort/);
    });

    it('mid-bisect', async () => {
      commitFile(fx.work, 'b.txt', 'b\n', 'Second');
      git(fx.work, ['bisect', 'start', 'HEAD', 'HEAD~2']);
      await expectRefusal(['start', '--ticket', '#1', '--description', 'x'], 2, /bisect is in progress.*git bisect reset/);
    });

    it('uncommitted changes that conflict with the remote base', async () => {
      commitFile(fx.seed, 'shared.txt', 'changed remotely\n', 'Remote edit');
      git(fx.seed, ['push', '-q', 'origin', 'main']);
      writeFileSync(path.join(fx.work, 'shared.txt'), 'changed locally\n');
      git(fx.work, ['fetch', '-q', 'origin']); // so that the fetch inside start changes no ref
      await expectRefusal(['start', '--ticket', '#2', '--description', 'x', '--carry-changes'], 2, /conflict with feature\/2-x \(from origin\/main\).*nothing was changed/);
    });

    it('an untracked file that the remote base would overwrite', async () => {
      commitFile(fx.seed, 'notes.txt', 'from the remote\n', 'Add notes');
      git(fx.seed, ['push', '-q', 'origin', 'main']);
      git(fx.work, ['fetch', '-q', 'origin']);
      writeFileSync(path.join(fx.work, 'notes.txt'), 'my own untracked notes\n');
      await expectRefusal(['start', '--ticket', '#2', '--description', 'x', '--carry-changes'], 2, /conflict with feature\/2-x/);
      assert.equal(readFileSync(path.join(fx.work, 'notes.txt'), 'utf8'), 'my own untracked notes\n');
    });

    it('uncommitted changes that would be clobbered by switching to the existing branch', async () => {
      git(fx.work, ['switch', '-q', '-c', 'feature/3-x']);
      commitFile(fx.work, 'shared.txt', 'on the branch\n', 'Branch edit');
      git(fx.work, ['switch', '-q', 'main']);
      writeFileSync(path.join(fx.work, 'shared.txt'), 'dirty on main\n');
      await expectRefusal(['start', '--ticket', '#3', '--description', 'x', '--carry-changes', '--switch-existing'], 2, /conflict with feature\/3-x/);
    });

    it('an existing branch without --switch-existing', async () => {
      git(fx.work, ['branch', 'feature/4-x']);
      await expectRefusal(['start', '--ticket', '#4', '--description', 'x'], 2, /feature\/4-x already exists.*--switch-existing/);
    });

    it('an invalid ticket', async () => {
      await expectRefusal(['start', '--ticket', 'fix-it', '--description', 'x'], 2, /"fix-it" is not a change ticket ID/);
    });

    it('missing required flags', async () => {
      await expectRefusal(['start', '--description', 'x'], 2, /--ticket is required/);
      await expectRefusal(['start', '--ticket', '#1', '--bogus'], 2, /unknown option "--bogus"/);
    });
  });

  it('switches to the existing branch with --switch-existing and keeps its ticket', async () => {
    git(fx.work, ['branch', 'feature/6-x']);
    git(fx.work, ['config', 'branch.feature/6-x.changeTicket', '#6']);
    const r = await cli(fx.work, ['start', '--ticket', '#6', '--description', 'x', '--switch-existing']);
    assert.equal(r.code, 0, r.err);
    assert.equal(branchOf(fx.work), 'feature/6-x');
    assert.match(r.out, /Switched to the existing feature\/6-x/);
  });

  it('branches from a detached HEAD, from the remote base, and says so', async () => {
    const remoteTip = advanceRemote(fx);
    git(fx.work, ['switch', '-q', '--detach', 'HEAD']);
    const r = await cli(fx.work, ['start', '--ticket', '#7', '--description', 'detached']);
    assert.equal(r.code, 0, r.err);
    assert.equal(tip(fx.work, 'HEAD'), remoteTip);
    assert.match(r.err, /HEAD was detached/);
  });

  it('without a remote, branches from the local main and warns', async () => {
    git(fx.work, ['remote', 'remove', 'origin']);
    const localMain = tip(fx.work, 'main');
    const r = await cli(fx.work, ['start', '--ticket', '#8', '--description', 'local']);
    assert.equal(r.code, 0, r.err);
    assert.equal(tip(fx.work, 'HEAD'), localMain);
    assert.match(r.err, /no remote, so the branch starts from the local main/);
  });

  it('when the remote is unreachable, stops without --local-base and proceeds with it', async () => {
    git(fx.work, ['remote', 'set-url', 'origin', path.join(fx.dir, 'missing.git')]);
    const before = repoState(fx.work);
    const stopped = await cli(fx.work, ['start', '--ticket', '#10', '--description', 'offline']);
    assert.equal(stopped.code, 2);
    assert.match(stopped.err, /Could not fetch from origin.*--local-base/);
    assert.deepEqual(repoState(fx.work), before);
    const r = await cli(fx.work, ['start', '--ticket', '#10', '--description', 'offline', '--local-base']);
    assert.equal(r.code, 0, r.err);
    assert.equal(tip(fx.work, 'HEAD'), tip(fx.work, 'main'));
    assert.match(r.err, /starts from the local main, which may be behind origin/);
  });

  it('reports a cancelled fetch as cancelled and changes nothing', async () => {
    const before = repoState(fx.work);
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(new GitRepository(fx.work).fetch('origin', abort.signal), (err) => isChangeControlError(err, 'cancelled'));
    assert.deepEqual(repoState(fx.work), before);
  });

  it('refuses an unknown --remote', async () => {
    const r = await cli(fx.work, ['start', '--ticket', '#11', '--description', 'x', '--remote', 'upstream']);
    assert.equal(r.code, 2, 'an environment error, not a policy finding');
    assert.match(r.err, /no remote named "upstream"/);
  });

  it('links a ticket to the current branch with link-ticket', async () => {
    git(fx.work, ['switch', '-q', '-c', 'my-work']);
    const r = await cli(fx.work, ['link-ticket', 'abc-12']);
    assert.equal(r.code, 0, r.err);
    assert.equal(config(fx.work, 'branch.my-work.changeTicket'), 'ABC-12');
    const again = await cli(fx.work, ['link-ticket', '#13']);
    assert.match(again.out, /Linked my-work to #13 \(was ABC-12\)/);
    assert.equal((await cli(fx.work, ['link-ticket', 'nope'])).code, 2);
    git(fx.work, ['switch', '-q', '--detach']);
    const detached = await cli(fx.work, ['link-ticket', '#1']);
    assert.equal(detached.code, 2);
    assert.match(detached.err, /HEAD is detached/);
  });
});

describe('Start Change with a master-only remote', () => {
  it('falls back to origin/master and says so', async () => {
    const fx = makeFixture('master');
    try {
      const remoteTip = advanceRemote(fx, 'remote-only.txt', 'master');
      const r = await cli(fx.work, ['start', '--ticket', '#20', '--description', 'old default']);
      assert.equal(r.code, 0, r.err);
      assert.equal(tip(fx.work, 'HEAD'), remoteTip);
      assert.match(r.err, /There is no main on origin; the branch starts from origin\/master instead/);
    } finally {
      fx.dispose();
    }
  });

  it('refuses outside a repository', async () => {
    const dir = tempDir();
    try {
      const r = await cli(dir, ['start', '--ticket', '#1', '--description', 'x']);
      assert.equal(r.code, 2);
      assert.match(r.err, /not inside a git work tree/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
