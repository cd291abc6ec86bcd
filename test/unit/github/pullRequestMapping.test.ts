import { strict as assert } from 'node:assert';
import { checkRunState, statusCheckState } from '../../../src/github/commitChecks';
import { pullRequestState, toChangedFile } from '../../../src/github/pullRequestReads';

describe('GitHub payloads as the sidebar and the evidence read them', () => {
  it('names the state of a pull request: merged before closed, draft only while open', () => {
    assert.equal(pullRequestState({ state: 'closed', merged_at: '2026-01-05T09:00:00Z', draft: false }), 'merged');
    assert.equal(pullRequestState({ state: 'closed', merged_at: null, draft: true }), 'closed');
    assert.equal(pullRequestState({ state: 'open', merged_at: null, draft: true }), 'draft');
    assert.equal(pullRequestState({ state: 'open', merged_at: null }), 'open');
  });

  it('passes a commit status only on success', () => {
    assert.deepEqual(['success', 'pending', 'failure', 'error'].map(statusCheckState), ['passed', 'pending', 'failed', 'failed']);
  });

  it('passes a completed check run on success, neutral or skipped', () => {
    const completed = (conclusion: string | null) => checkRunState({ status: 'completed', conclusion });
    assert.deepEqual(['success', 'neutral', 'skipped', 'failure', 'cancelled', 'timed_out', null].map(completed), ['passed', 'passed', 'passed', 'failed', 'failed', 'failed', 'failed']);
    assert.equal(checkRunState({ status: 'in_progress', conclusion: null }), 'pending');
  });

  it('maps GitHub file statuses to the test check', () => {
    assert.deepEqual(['removed', 'added', 'renamed', 'modified', 'changed', 'copied'].map((status) => toChangedFile({ path: 'a.ts', status }).status), ['deleted', 'added', 'renamed', 'modified', 'modified', 'modified']);
  });
});
