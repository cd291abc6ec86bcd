import { strict as assert } from 'node:assert';
import { ChangeControlError, isChangeControlError } from '../../../src/core/errors';
import { linkTicket } from '../../../src/core/linkTicket';
import { defaultPolicy } from '../../../src/core/policy/schema';
import type { RepoSnapshot, StartQuestion } from '../../../src/core/startChange';
import type { StartChangeGit, StartChangeLock } from '../../../src/core/ports';
import { startChange } from '../../../src/app/startChangeRunner';

/** An in-memory repository that records every call. */
class FakeGit implements StartChangeGit {
  calls: string[] = [];
  config = new Map<string, string>();
  fetchError: Error | undefined;
  createError: Error | undefined;
  state: RepoSnapshot = {
    branch: 'main',
    headCommit: 'c0ffee0000',
    operations: [],
    changes: { staged: [], unstaged: [], untracked: [], conflicted: [] },
    remotes: ['origin'],
    localBranches: ['main'],
    remoteBranches: ['origin/main'],
    remoteHeads: {},
  };
  locked = false;
  /** Set to make something else switch HEAD while the run works. */
  hijackTo: string | undefined;
  async lock(): Promise<StartChangeLock> {
    if (this.locked) throw new ChangeControlError('git.operationInProgress', 'Another Start Change is running in this repository; nothing was changed.');
    this.locked = true;
    this.calls.push('lock');
    return { notes: [], release: async () => void ((this.locked = false), this.calls.push('release')) };
  }
  async snapshot(): Promise<RepoSnapshot> {
    this.calls.push('snapshot');
    return structuredClone(this.state);
  }
  async currentBranch(): Promise<string | undefined> {
    return this.hijackTo ?? this.state.branch;
  }
  async fetch(remote: string): Promise<void> {
    this.calls.push(`fetch ${remote}`);
    if (this.fetchError) throw this.fetchError;
  }
  async createBranch(name: string, startPoint: string): Promise<void> {
    this.calls.push(`create ${name} ${startPoint}`);
    if (this.createError) throw this.createError;
    this.state.localBranches.push(name);
    this.state.branch = name;
  }
  async switchBranch(name: string): Promise<void> {
    this.calls.push(`switch ${name}`);
    this.state.branch = name;
  }
  async getBranchConfig(branch: string, key: string): Promise<string | undefined> {
    return this.config.get(`${branch}.${key}`);
  }
  async setBranchConfig(branch: string, key: string, value: string): Promise<void> {
    this.calls.push(`config ${branch}.${key}=${value}`);
    this.config.set(`${branch}.${key}`, value);
  }
}

const input = { ticket: '#12', description: 'Audit export', kind: 'feature' as const };
const yes = async (): Promise<boolean> => true;

describe('startChange runner', () => {
  it('fetches, creates from the remote base and records ticket and kind', async () => {
    const git = new FakeGit();
    const result = await startChange(git, yes, input, defaultPolicy());
    assert.deepEqual(git.calls, [
      'lock',
      'snapshot',
      'fetch origin',
      'snapshot',
      'create feature/12-audit-export origin/main',
      'config feature/12-audit-export.changeTicket=#12',
      'config feature/12-audit-export.changeKind=feature',
      'release',
    ]);
    assert.equal(result.created, true);
    assert.equal(result.startPoint, 'origin/main');
  });

  it('turns a failed fetch into the local-base question', async () => {
    const git = new FakeGit();
    git.fetchError = new ChangeControlError('git.fetchFailed', 'The remote could not be reached.');
    const asked: StartQuestion[] = [];
    const result = await startChange(git, async (q) => (asked.push(q), true), input, defaultPolicy());
    assert.deepEqual(asked.map((q) => q.id), ['localBase']);
    assert.match(asked[0]?.detail ?? '', /could not be reached/);
    assert.equal(result.startPoint, 'main');
  });

  it('never puts credentials from a failed fetch into the question', async () => {
    const git = new FakeGit();
    git.fetchError = new Error("fatal: unable to access 'https://alice:ghp_abcdefghijklmnopqrstuvwxyz0123456789@example.com/r.git/'");
    const asked: StartQuestion[] = [];
    await startChange(git, async (q) => (asked.push(q), true), input, defaultPolicy());
    assert.doesNotMatch(asked[0]?.detail ?? '', /ghp_|alice:/);
    assert.match(asked[0]?.detail ?? '', /REDACTED/);
  });

  it('lets a cancelled fetch stop everything', async () => {
    const git = new FakeGit();
    git.fetchError = new ChangeControlError('cancelled', 'Fetching origin was cancelled.');
    await assert.rejects(startChange(git, yes, input, defaultPolicy()), (err) => isChangeControlError(err, 'cancelled'));
    assert.ok(!git.calls.some((c) => c.startsWith('create') || c.startsWith('config')));
  });

  it('throws the refusal and runs nothing when the user says no', async () => {
    const git = new FakeGit();
    git.state.changes.unstaged.push('a.ts');
    await assert.rejects(startChange(git, async () => false, input, defaultPolicy()), (err) => isChangeControlError(err, 'cancelled'));
    assert.deepEqual(git.calls, ['lock', 'snapshot', 'release'], 'the lock is released on a refusal too');
  });

  it("explains git's refusal to overwrite uncommitted changes and records nothing", async () => {
    const git = new FakeGit();
    git.state.changes.unstaged.push('shared.txt');
    git.createError = new ChangeControlError('git.dirtyWorkTree', 'Uncommitted changes are in the way.');
    await assert.rejects(startChange(git, yes, input, defaultPolicy()), (err: unknown) => {
      assert.ok(isChangeControlError(err, 'git.dirtyWorkTree'));
      assert.match(err.message, /conflict with feature\/12-audit-export \(from origin\/main\).*nothing was changed/);
      assert.match(err.hint ?? '', /Commit or stash/);
      return true;
    });
    assert.ok(!git.calls.some((c) => c.startsWith('config')));
  });

  it('keeps a different ticket already linked to an existing branch, and says so', async () => {
    const git = new FakeGit();
    git.state.localBranches.push('feature/12-audit-export');
    git.config.set('feature/12-audit-export.changeTicket', '#99');
    const result = await startChange(git, yes, input, defaultPolicy());
    assert.equal(git.config.get('feature/12-audit-export.changeTicket'), '#99');
    assert.match(result.notes.join(' '), /linked to ticket #99, not #12/);
    assert.ok(!git.calls.includes('fetch origin'), 'switching to an existing branch needs no fetch');
  });
});

describe('startChange runner, concurrent runs', () => {
  it('refuses, changing nothing, while another run holds the lock', async () => {
    const git = new FakeGit();
    const first = await git.lock();
    await assert.rejects(startChange(git, yes, input, defaultPolicy()), (err: unknown) => isChangeControlError(err, 'git.operationInProgress') && /Another Start Change/.test(err.message));
    assert.deepEqual(git.calls, ['lock']);
    await first.release();
    assert.equal((await startChange(git, yes, input, defaultPolicy())).created, true);
    assert.equal(git.locked, false);
  });

  it('says so, instead of "switched to it", when something else moved HEAD meanwhile', async () => {
    const git = new FakeGit();
    git.hijackTo = 'feature/99-other';
    await assert.rejects(startChange(git, yes, input, defaultPolicy()), (err: unknown) => {
      assert.ok(isChangeControlError(err, 'git.operationInProgress'));
      assert.match(err.message, /feature\/12-audit-export was created from origin\/main, but something else switched the repository to feature\/99-other meanwhile/);
      return true;
    });
    assert.equal(git.locked, false, 'released after the failure');
  });

  it('passes on what the lock has to say (a stale lock replaced)', async () => {
    const git = new FakeGit();
    git.lock = async () => ({ notes: ['A Start Change lock from process 1 was left behind (its process 1 has ended); it was replaced.'], release: async () => undefined });
    const result = await startChange(git, yes, input, defaultPolicy());
    assert.match(result.notes[0] ?? '', /left behind/);
  });
});

describe('linkTicket', () => {
  it('records the normalised ticket for the current branch and reports the one it replaced', async () => {
    const git = new FakeGit();
    git.config.set('main.changeTicket', '#1');
    assert.deepEqual(await linkTicket(git, 'abc-5', defaultPolicy().commit.ticketPattern), { branch: 'main', ticket: 'ABC-5', replaced: '#1' });
    assert.equal(git.config.get('main.changeTicket'), 'ABC-5');
  });

  it('refuses an invalid ID, a detached HEAD and an unknown branch without writing', async () => {
    const git = new FakeGit();
    const pattern = defaultPolicy().commit.ticketPattern;
    await assert.rejects(linkTicket(git, 'nope', pattern), (err) => isChangeControlError(err, 'ticket.invalidId'));
    await assert.rejects(linkTicket(git, '#1', pattern, 'missing'), /no local branch named "missing"/);
    git.state.branch = undefined;
    await assert.rejects(linkTicket(git, '#1', pattern), (err) => isChangeControlError(err, 'git.detachedHead'));
    assert.equal(git.config.size, 0);
  });
});
