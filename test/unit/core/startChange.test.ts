import { strict as assert } from 'node:assert';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { planStartChange, type RepoSnapshot, type StartState, type StartStep } from '../../../src/core/startChange';

function snapshot(over: Partial<RepoSnapshot> = {}): RepoSnapshot {
  return {
    branch: 'main',
    headCommit: 'a'.repeat(40),
    operations: [],
    changes: { staged: [], unstaged: [], untracked: [], conflicted: [] },
    remotes: ['origin'],
    localBranches: ['main'],
    remoteBranches: ['origin/main'],
    remoteHeads: {},
    ...over,
  };
}

function state(over: Partial<StartState> = {}): StartState {
  return {
    input: { ticket: '#123', description: 'Fix login timeout', kind: 'feature' },
    policy: defaultPolicy(),
    snapshot: snapshot(),
    fetch: { status: 'done' },
    answers: {},
    ...over,
  };
}

function expectType<T extends StartStep['type']>(step: StartStep, type: T): Extract<StartStep, { type: T }> {
  assert.equal(step.type, type, JSON.stringify(step));
  return step as Extract<StartStep, { type: T }>;
}

describe('planStartChange', () => {
  it('fetches first, then branches from the remote base with the template name', () => {
    const fetch = expectType(planStartChange(state({ fetch: { status: 'pending' } })), 'fetch');
    assert.equal(fetch.remote, 'origin');
    const create = expectType(planStartChange(state()), 'create');
    assert.deepEqual(create, { type: 'create', branch: 'feature/123-fix-login-timeout', startPoint: 'origin/main', ticket: '#123', kind: 'feature', notes: [] });
  });

  it('names a defect branch defect/… and normalises the ticket', () => {
    const create = expectType(planStartChange(state({ input: { ticket: 'abc-7', description: 'Crash', kind: 'defect' } })), 'create');
    assert.equal(create.branch, 'defect/ABC-7-crash');
    assert.equal(create.ticket, 'ABC-7');
  });

  it('refuses an invalid ticket before anything else', () => {
    const step = expectType(planStartChange(state({ input: { ticket: 'fix it', description: 'x', kind: 'feature' }, fetch: { status: 'pending' } })), 'refuse');
    assert.equal(step.code, 'ticket.invalidId');
  });

  it('refuses an empty description', () => {
    assert.equal(expectType(planStartChange(state({ input: { ticket: '#1', description: '  ', kind: 'feature' } })), 'refuse').code, 'usage');
  });

  const ops: [RepoSnapshot['operations'][number], string, RegExp][] = [
    ['merge', 'git.mergeInProgress', /git merge --abort/],
    ['rebase', 'git.rebaseInProgress', /git rebase --continue.*git rebase --abort/],
    ['cherry-pick', 'git.operationInProgress', /git cherry-pick --abort/],
    ['revert', 'git.operationInProgress', /git revert --abort/],
    ['bisect', 'git.operationInProgress', /git bisect reset/],
  ];
  for (const [op, code, how] of ops) {
    it(`refuses mid-${op} and says how to finish or abort`, () => {
      const step = expectType(planStartChange(state({ snapshot: snapshot({ operations: [op] }) })), 'refuse');
      assert.equal(step.code, code);
      assert.match(step.message, how);
      assert.match(step.message, /Nothing was changed/);
    });
  }

  it('refuses unresolved conflicts without an operation in progress', () => {
    const step = expectType(planStartChange(state({ snapshot: snapshot({ changes: { staged: [], unstaged: [], untracked: [], conflicted: ['a.txt'] } }) })), 'refuse');
    assert.equal(step.code, 'git.dirtyWorkTree');
    assert.match(step.message, /a\.txt has unresolved conflicts/);
  });

  describe('uncommitted changes', () => {
    const dirty = snapshot({ changes: { staged: ['s.ts'], unstaged: ['u.ts', 's.ts'], untracked: ['n.ts'], conflicted: [] } });
    it('asks to carry them, counting each file once', () => {
      const step = expectType(planStartChange(state({ snapshot: dirty, fetch: { status: 'pending' } })), 'ask');
      assert.equal(step.question.id, 'carryChanges');
      assert.equal(step.question.confirm, 'Carry Changes to New Branch');
      assert.match(step.question.message, /3 files/);
    });
    it('stops and changes nothing when the user declines', () => {
      const step = expectType(planStartChange(state({ snapshot: dirty, answers: { carryChanges: false } })), 'refuse');
      assert.equal(step.code, 'cancelled');
      assert.match(step.message, /nothing was changed/);
    });
    it('creates the branch when the user agrees', () => {
      expectType(planStartChange(state({ snapshot: dirty, answers: { carryChanges: true } })), 'create');
    });
  });

  describe('existing branch', () => {
    const existing = snapshot({ localBranches: ['main', 'feature/123-fix-login-timeout'] });
    it('offers to switch to it', () => {
      const step = expectType(planStartChange(state({ snapshot: existing, fetch: { status: 'pending' } })), 'ask');
      assert.equal(step.question.id, 'switchExisting');
      assert.equal(step.question.confirm, 'Switch to Existing Branch');
    });
    it('switches when the user agrees, without fetching', () => {
      const step = expectType(planStartChange(state({ snapshot: existing, fetch: { status: 'pending' }, answers: { switchExisting: true } })), 'switch');
      assert.equal(step.alreadyCurrent, false);
      assert.equal(step.branch, 'feature/123-fix-login-timeout');
    });
    it('still asks about uncommitted changes before switching', () => {
      const dirty = { ...existing, changes: { staged: [], unstaged: ['x'], untracked: [], conflicted: [] } };
      const step = expectType(planStartChange(state({ snapshot: dirty, answers: { switchExisting: true } })), 'ask');
      assert.equal(step.question.id, 'carryChanges');
    });
    it('refuses when the user declines', () => {
      assert.equal(expectType(planStartChange(state({ snapshot: existing, answers: { switchExisting: false } })), 'refuse').code, 'cancelled');
    });
    it('only records the ticket when already on it', () => {
      const step = expectType(planStartChange(state({ snapshot: { ...existing, branch: 'feature/123-fix-login-timeout' } })), 'switch');
      assert.equal(step.alreadyCurrent, true);
    });
  });

  describe('base branch', () => {
    it('falls back to master on the remote and says so', () => {
      const step = expectType(planStartChange(state({ snapshot: snapshot({ remoteBranches: ['origin/master'], localBranches: ['master'] }) })), 'create');
      assert.equal(step.startPoint, 'origin/master');
      assert.match(step.notes.join(' '), /no main on origin; the branch starts from origin\/master/);
    });
    it("falls back to the remote's HEAD", () => {
      const step = expectType(planStartChange(state({ snapshot: snapshot({ remoteBranches: ['origin/trunk'], remoteHeads: { origin: 'trunk' } }) })), 'create');
      assert.equal(step.startPoint, 'origin/trunk');
      assert.match(step.notes.join(' '), /origin\/trunk instead/);
    });
    it("uses the policy's base", () => {
      const policy = defaultPolicy();
      policy.branch.base = 'release/2.0';
      const step = expectType(planStartChange(state({ policy, snapshot: snapshot({ remoteBranches: ['origin/main', 'origin/release/2.0'] }) })), 'create');
      assert.equal(step.startPoint, 'origin/release/2.0');
    });
    it('does not fall back from an explicit --base', () => {
      const step = expectType(planStartChange(state({ input: { ticket: '#1', description: 'x', kind: 'feature', base: 'develop' } })), 'refuse');
      assert.equal(step.code, 'git.baseNotFound');
      assert.match(step.message, /no branch "develop"/);
    });
    it('refuses when the remote has no base at all', () => {
      const step = expectType(planStartChange(state({ snapshot: snapshot({ remoteBranches: ['origin/other'] }) })), 'refuse');
      assert.match(step.message, /"main" or "master".*branch\.base/);
    });
    it('notes a detached HEAD and still branches from the remote base', () => {
      const step = expectType(planStartChange(state({ snapshot: snapshot({ branch: undefined, headCommit: 'abcdef1234' }) })), 'create');
      assert.equal(step.startPoint, 'origin/main');
      assert.match(step.notes.join(' '), /detached at abcdef1/);
    });
    it('branches from the remote base in a repository without commits', () => {
      const step = expectType(planStartChange(state({ snapshot: snapshot({ headCommit: undefined, localBranches: [] }) })), 'create');
      assert.equal(step.startPoint, 'origin/main');
    });
  });

  describe('remotes', () => {
    it('works locally without a remote, and warns', () => {
      const step = expectType(planStartChange(state({ fetch: { status: 'pending' }, snapshot: snapshot({ remotes: [], remoteBranches: [] }) })), 'create');
      assert.equal(step.startPoint, 'main');
      assert.match(step.notes.join(' '), /no remote/);
    });
    it('prefers origin, else the only remote', () => {
      assert.equal(expectType(planStartChange(state({ fetch: { status: 'pending' }, snapshot: snapshot({ remotes: ['upstream', 'origin'] }) })), 'fetch').remote, 'origin');
      assert.equal(expectType(planStartChange(state({ fetch: { status: 'pending' }, snapshot: snapshot({ remotes: ['upstream'] }) })), 'fetch').remote, 'upstream');
    });
    it('uses the preferred remote when it exists, else falls back', () => {
      const input = { ticket: '#1', description: 'x', kind: 'feature' as const, preferRemote: 'upstream' };
      assert.equal(expectType(planStartChange(state({ input, fetch: { status: 'pending' }, snapshot: snapshot({ remotes: ['origin', 'upstream'] }) })), 'fetch').remote, 'upstream');
      assert.equal(expectType(planStartChange(state({ input, fetch: { status: 'pending' } })), 'fetch').remote, 'origin');
    });
    it('refuses an unknown --remote and lists the known ones', () => {
      const step = expectType(planStartChange(state({ input: { ticket: '#1', description: 'x', kind: 'feature', remote: 'nope' } })), 'refuse');
      assert.equal(step.code, 'git.noRemote');
      assert.match(step.message, /Remotes: origin/);
    });
    it('asks before branching from the local base when the fetch failed', () => {
      const failed = { status: 'failed' as const, message: 'The remote could not be reached.' };
      const question = expectType(planStartChange(state({ fetch: failed })), 'ask').question;
      assert.equal(question.id, 'localBase');
      assert.equal(question.confirm, 'Branch from Local main');
      const step = expectType(planStartChange(state({ fetch: failed, answers: { localBase: true } })), 'create');
      assert.equal(step.startPoint, 'main');
      assert.match(step.notes.join(' '), /Could not fetch from origin/);
      assert.equal(expectType(planStartChange(state({ fetch: failed, answers: { localBase: false } })), 'refuse').code, 'cancelled');
    });
    it('offers the last fetched base when there is no local one', () => {
      const failed = { status: 'failed' as const, message: 'offline' };
      const question = expectType(planStartChange(state({ fetch: failed, snapshot: snapshot({ localBranches: [] }) })), 'ask').question;
      assert.equal(question.confirm, 'Branch from Last Fetched origin/main');
    });
    it('refuses when the fetch failed and there is no base at all', () => {
      const step = expectType(planStartChange(state({ fetch: { status: 'failed', message: 'offline' }, snapshot: snapshot({ localBranches: [], remoteBranches: [] }) })), 'refuse');
      assert.equal(step.code, 'git.fetchFailed');
    });
    it('notes a branch of the same name on the remote', () => {
      const step = expectType(planStartChange(state({ snapshot: snapshot({ remoteBranches: ['origin/main', 'origin/feature/123-fix-login-timeout'] }) })), 'create');
      assert.match(step.notes.join(' '), /already exists on origin/);
    });
  });
});
