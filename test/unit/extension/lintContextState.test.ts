import assert from 'node:assert/strict';
import type { Logger } from '../../../src/core/ports';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { LintContextState, type LintContextRead } from '../../../src/extension/repository/lintContextState';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** A reader whose reads the test resolves by hand, in any order. */
function manualReader(): { reader: () => Promise<LintContextRead>; resolve: (i: number, ticket: string) => void; count: () => number } {
  const pending: ((read: LintContextRead) => void)[] = [];
  return {
    reader: () => new Promise<LintContextRead>((resolve) => pending.push(resolve)),
    resolve: (i, ticket) => pending[i]!({ policy: defaultPolicy(), commentSetting: '#', branchTicket: ticket }),
    count: () => pending.length,
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('a repository\'s lint context', () => {
  it('keeps the newest read when an older, slower one ends last', async () => {
    const reads = manualReader();
    let loaded = 0;
    const state = new LintContextState('/repo', { logger: quiet, isTrusted: () => true, overrides: () => ({}) }, () => loaded++, reads.reader);
    state.contextFor('Add x');      // first use: read 0 starts
    const newer = state.refresh();  // read 1 starts (the branch was switched)
    assert.equal(reads.count(), 2);
    reads.resolve(1, '#2');
    await newer;
    assert.equal(state.contextFor('Add x').branchTicket, '#2');
    reads.resolve(0, '#1');         // the old read ends last
    await tick();
    assert.equal(state.contextFor('Add x').branchTicket, '#2');
    assert.equal(loaded, 1, 'the stale read neither applies nor announces a change');
  });

  it('reads nothing until the context is first used, and applies overrides at once', () => {
    const reads = manualReader();
    let overrides = {};
    const state = new LintContextState('/repo', { logger: quiet, isTrusted: () => true, overrides: () => overrides }, () => undefined, reads.reader);
    void state.refresh();
    assert.equal(reads.count(), 0);
    overrides = { subjectMaxLength: 50 };
    state.applyOverrides();
    assert.equal(state.contextFor('Add x').policy.commit.subjectMaxLength, 50);
    assert.equal(reads.count(), 1);
  });

  it('never reads for documents outside any repository', () => {
    const reads = manualReader();
    const state = new LintContextState(undefined, { logger: quiet, isTrusted: () => true, overrides: () => ({}) }, () => undefined, reads.reader);
    assert.equal(state.contextFor('Add x').policy.commit.subjectMaxLength, defaultPolicy().commit.subjectMaxLength);
    assert.equal(reads.count(), 0);
  });
});
