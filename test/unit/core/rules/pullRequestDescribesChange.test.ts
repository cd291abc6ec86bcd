import { strict as assert } from 'node:assert';
import { pullRequestBody } from '../../../../src/core/pullRequest';
import { gateView } from '../../../../src/core/readiness';
import { missingFromBody } from '../../../../src/core/rules/pullRequestDescribesChange';
import { prOf, readySnapshot } from '../changeSnapshotFixture';

const written = pullRequestBody({ ticket: undefined, ticketId: '#12', kind: 'Defect', description: 'Retry the upload when the network drops.', testsSummary: 'Changed source files: 1.' });
const empty = pullRequestBody({ ticket: undefined, ticketId: '#12', kind: 'Feature', description: '', testsSummary: 'Changed source files: 1.' });

describe('core/rules pull-request-describes-change', () => {
  const cases: [string, string, string[]][] = [
    ['the body Open Pull Request writes', written, []],
    ['the template with its placeholder only', empty, ['a description']],
    ['ticket edited away (hidden marker does not count)', written.replace('**Change ticket:** #12', '**Change ticket:**'), ['the ticket #12']],
    ['kind edited away', written.replace('**Type:** Defect', ''), ['the kind (feature or defect)']],
    ['a hand-written body', 'Feature for #12: exports the audit log as CSV.', []],
    ['#1 is not #12', 'Feature #1: exports the audit log.', ['the ticket #12']],
    ['an empty body', '', ['the ticket #12', 'the kind (feature or defect)', 'a description']],
  ];
  for (const [name, body, want] of cases) it(name, () => assert.deepEqual(missingFromBody(body, '#12'), want));

  it('blocks the gate of an open pull request until the body describes the change', () => {
    const s = readySnapshot();
    prOf(s).pr.body = empty;
    assert.deepEqual(gateView(s).readiness.blockers, ['pull request description lacks a description']);
    prOf(s).pr.body = written;
    assert.deepEqual(gateView(s).readiness.blockers, []);
    prOf(s).pr.state = 'merged';
    prOf(s).pr.body = '';
    assert.ok(!gateView(s).readiness.blockers.some((b) => b.includes('description')), 'a merged pull request is not gated');
  });
});
