import { strict as assert } from 'node:assert';
import { judgeRelease, listedDeviations, readReleaseMarker, releaseMarker, releaseSummary, type ReleaseTicketFacts } from '../../../src/core/release';
import { known } from '../../../src/core/rules/facts';

const approvedBy = (login: string, at: string, isApprover = true) => known({ login, at, app: null, isApprover });
const ticket = (over: Partial<ReleaseTicketFacts> = {}): ReleaseTicketFacts => ({
  number: 45, url: 'u', body: '| PR #6 | `stale-approval` | x |\n| a \\| b | `no-ticket` | y |', lastEditedAt: '2026-01-01T10:00:00Z',
  approvalLabelPresent: true, approver: approvedBy('cto', '2026-01-01T11:00:00Z'), ...over,
});
const deviations = [{ change: 'PR #6', finding: 'stale-approval', title: 't' }, { change: 'a | b', finding: 'no-ticket', title: 't' }];

describe('core release: the release ticket and the release gate', () => {
  it('reads back its marker and the deviation rows it wrote (escaped pipes too)', () => {
    assert.deepEqual(readReleaseMarker(`${releaseMarker('v1.4.0', 'v1.3.0', 'abc')}\nrest`), { version: 'v1.4.0', from: 'v1.3.0', to: 'abc' });
    assert.equal(readReleaseMarker('no marker'), undefined);
    assert.deepEqual([...listedDeviations(ticket().body)], ['PR #6 stale-approval', 'a | b no-ticket']);
  });

  it('passes only an approver after the last edit with every deviation listed', () => {
    assert.equal(judgeRelease('v1', ticket(), deviations, 'Approved').ok, true);
    assert.match(judgeRelease('v1', undefined, [], 'Approved').missing[0]!, /No release ticket for v1/);
    assert.match(judgeRelease('v1', ticket({ approvalLabelPresent: false }), deviations, 'Approved').missing[0]!, /is not approved/);
    assert.match(judgeRelease('v1', ticket({ approver: approvedBy('intern', '2026-01-01T11:00:00Z', false) }), deviations, 'Approved').missing[0]!, /not an approver/);
    assert.match(judgeRelease('v1', ticket({ approver: approvedBy('cto', '2026-01-01T09:00:00Z') }), deviations, 'Approved').missing[0]!, /before its last edit/);
    assert.match(judgeRelease('v1', ticket({ approver: { state: 'unknown', reason: 'no read:org' } }), deviations, 'Approved').missing[0]!, /could not be checked \(no read:org\)/);
    const unlisted = judgeRelease('v1', ticket(), [...deviations, { change: 'abc123', finding: 'direct-push-to-base', title: 't' }], 'Approved');
    assert.equal(unlisted.ok, false);
    assert.match(unlisted.missing[0]!, /does not list 1 deviation of the range: abc123 direct-push-to-base/);
  });
});

describe('core release: the Release section line', () => {
  const verdict = (ok: boolean) => ({ ok, missing: ok ? [] : ['x'], proven: [] });
  it('names the changes, the deviations, the ticket state and the next step', () => {
    const base = { version: 'v1.4.0', from: 'v1.3.0', changes: 12, deviations: 1 };
    assert.deepEqual(releaseSummary({ ...base, ticket: { number: 45, verdict: verdict(false), unlisted: false } }), {
      label: 'v1.4.0: 12 changes since v1.3.0, 1 deviation, release ticket #45 awaiting approval', next: 'openTicket', nextTitle: 'Open Release Ticket',
    });
    assert.equal(releaseSummary(base).next, 'prepare');
    assert.equal(releaseSummary({ ...base, ticket: { number: 45, verdict: verdict(false), unlisted: true } }).label, 'v1.4.0: 12 changes since v1.3.0, 1 deviation, release ticket #45 out of date');
    assert.equal(releaseSummary({ ...base, changes: 1, deviations: 0, ticket: { number: 45, verdict: verdict(true), unlisted: false } }).label, 'v1.4.0: 1 change since v1.3.0, 0 deviations, release ticket #45 approved');
  });
});
