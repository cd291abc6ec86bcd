import { strict as assert } from 'node:assert';
import { branchNamesTicket, descriptionFromTicket, existingWorkFor, kindFromLabels, ticketNamedBy } from '../../../src/core/existingWork';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { planStartChange, type RepoSnapshot, type StartState, type StartStep } from '../../../src/core/startChange';

const PATTERN = defaultPolicy().commit.ticketPattern;

function snapshot(over: Partial<RepoSnapshot> = {}): RepoSnapshot {
  return {
    branch: 'main', headCommit: 'a'.repeat(40), operations: [], changes: { staged: [], unstaged: [], untracked: [], conflicted: [] },
    remotes: ['origin'], localBranches: ['main'], remoteBranches: ['origin/main'], remoteHeads: {}, ...over,
  };
}

function state(over: Partial<StartState> = {}): StartState {
  return { input: { ticket: '#2', description: '', kind: 'feature', existing: 'feature/2-reminders' }, policy: defaultPolicy(), snapshot: snapshot(), fetch: { status: 'pending' }, answers: {}, ...over };
}

function expectType<T extends StartStep['type']>(step: StartStep, type: T): Extract<StartStep, { type: T }> {
  assert.equal(step.type, type, JSON.stringify(step));
  return step as Extract<StartStep, { type: T }>;
}

describe('core/existingWork', () => {
  it('finds a ticket in a branch name only at the start of a segment', () => {
    assert.equal(branchNamesTicket('feature/2-reminders', '#2'), true);
    assert.equal(branchNamesTicket('feature/12-reminders', '#2'), false);
    assert.equal(branchNamesTicket('release/2.0', '#2'), false);
    assert.equal(branchNamesTicket('defect/ABC-7_fix', 'ABC-7'), true);
  });

  it('lists the branches linked to or named after the ticket, with their pull requests, linked first', () => {
    const work = existingWorkFor('#2', [
      { name: 'main', local: true },
      { name: 'feature/2-reminders', local: true },
      { name: 'feature/9-other', local: true, linkedTicket: '#2' },
      { name: 'feature/2-linked-elsewhere', local: true, linkedTicket: '#5' },
      { name: 'feature/2-reminders', local: false },
    ], [{ number: 7, url: 'https://x/pull/7', head: 'feature/2-reminders' }, { number: 8, url: 'https://x/pull/8', head: 'feature/2-remote-only' }], 'main');
    assert.deepEqual(work.map((w) => [w.branch, w.local, w.because, w.pullRequest?.number]), [
      ['feature/9-other', true, 'linked', undefined],
      ['feature/2-reminders', true, 'named', 7],
      ['feature/2-remote-only', false, 'named', 8],
    ]);
  });

  it('reads the ticket a branch names from its name, else from its commits', () => {
    assert.equal(ticketNamedBy('feature/2-reminders', [], PATTERN), '#2');
    assert.equal(ticketNamedBy('feature/reminders', ['Add reminders\n\nRefs: #14'], PATTERN), '#14');
    assert.equal(ticketNamedBy('feature/reminders', ['Add reminders'], PATTERN), undefined);
  });

  it('suggests the kind from labels and the description from the title', () => {
    assert.equal(kindFromLabels(['Approved', 'bug']), 'defect');
    assert.equal(kindFromLabels(['enhancement']), 'feature');
    assert.equal(kindFromLabels(['Approved']), undefined);
    assert.equal(descriptionFromTicket({ title: '[UI] #4: Send text reminders' }), 'Send text reminders');
  });
});

describe('planStartChange with an existing branch', () => {
  it('switches to the local branch without a second question and without making a new one', () => {
    const step = expectType(planStartChange(state({ snapshot: snapshot({ localBranches: ['main', 'feature/2-reminders'] }) })), 'switch');
    assert.equal(step.branch, 'feature/2-reminders');
  });

  it('asks before carrying uncommitted changes, and stops when told no', () => {
    const dirty = snapshot({ localBranches: ['main', 'feature/2-reminders'], changes: { staged: [], unstaged: ['a.ts'], untracked: [], conflicted: [] } });
    expectType(planStartChange(state({ snapshot: dirty })), 'ask');
    assert.match(expectType(planStartChange(state({ snapshot: dirty, answers: { carryChanges: false } })), 'refuse').message, /nothing was changed/);
  });

  it('fetches, then makes a tracking local copy of a branch only on the remote', () => {
    expectType(planStartChange(state()), 'fetch');
    const step = expectType(planStartChange(state({ fetch: { status: 'done' }, snapshot: snapshot({ remoteBranches: ['origin/main', 'origin/feature/2-reminders'] }) })), 'create');
    assert.equal(step.startPoint, 'origin/feature/2-reminders');
    assert.deepEqual(step.upstream, { remote: 'origin', branch: 'feature/2-reminders' });
    assert.match(expectType(planStartChange(state({ fetch: { status: 'done' } })), 'refuse').message, /origin has no branch feature\/2-reminders/);
  });
});
