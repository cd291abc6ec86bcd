import { strict as assert } from 'node:assert';
import { buildChangeTree, renderChangeTreeText } from '../../../../src/core/changeTree';
import { auditView } from '../../../../src/core/evidence/findings';
import type { ChangeEvidence } from '../../../../src/core/evidence/schema';
import { combinePolicies } from '../../../../src/core/policy/combinePolicy';
import { PolicySchema } from '../../../../src/core/policy/schema';
import { gateView } from '../../../../src/core/readiness';
import { isLgtm } from '../../../../src/core/rules/approvals';
import { prOf, readySnapshot, review } from '../changeSnapshotFixture';

const HEAD = 'a'.repeat(40);
const OLD = 'c'.repeat(40);

describe('core/rules required-approvals: review.signOff', () => {
  const cases: [string, boolean][] = [
    ['LGTM', true], ['lgtm', true], ['Looks good to me!', true], ['Thanks.\nLGTM\n', true], ['  looks GOOD to me. ', true],
    ['LGTM, but fix the typo', false], ['not lgtm', false], ['', false], ['looks good', false],
  ];
  for (const [body, want] of cases) it(`${JSON.stringify(body)} ${want ? 'is' : 'is not'} an LGTM sign-off`, () => assert.equal(isLgtm(body), want));

  function lgtmSnapshot(signOff: 'approval' | 'approval-or-lgtm') {
    const s = readySnapshot();
    s.policy.review.signOff = signOff;
    const pr = prOf(s);
    pr.reviews = [];
    pr.comments = [{ id: 9, author: 'erin', body: 'LGTM', createdAt: '2026-11-23T10:07:00Z' }];
    return s;
  }

  it('an LGTM comment counts only with "approval-or-lgtm", and the view says which kind', () => {
    assert.deepEqual(gateView(lgtmSnapshot('approval')).readiness.blockers, ['needs 1 more approval']);
    const s = lgtmSnapshot('approval-or-lgtm');
    const { readiness } = gateView(s);
    assert.deepEqual(readiness.blockers, []);
    assert.deepEqual(readiness.approvals?.reviewers.map((r) => [r.login, r.signOff, r.countsAsApproval]), [['erin', 'lgtm', true]]);
    assert.match(renderChangeTreeText(buildChangeTree(s, readiness)), /erin — signed off: LGTM/);
  });

  it('a later "changes requested" overrides an LGTM', () => {
    const s = lgtmSnapshot('approval-or-lgtm');
    prOf(s).reviews = [review(2, 'erin', 'CHANGES_REQUESTED', 9)];
    assert.deepEqual(gateView(s).readiness.blockers, ['needs 1 more approval', 'changes requested by erin']);
  });

  it('an approving review shows as an approval', () => {
    const s = readySnapshot();
    s.policy.review.signOff = 'approval-or-lgtm';
    assert.equal(gateView(s).readiness.approvals?.reviewers[0]?.signOff, 'approval');
  });
});

describe('core/rules required-approvals: review.requireApprovalOfLatestCommit', () => {
  function staleSnapshot(require: boolean) {
    const s = readySnapshot();
    s.policy.review.requireApprovalOfLatestCommit = require;
    prOf(s).reviews = [{ ...review(1, 'erin', 'APPROVED', 5), commitId: OLD }];
    return s;
  }

  it('off: an approval of an earlier commit counts', () => {
    assert.deepEqual(gateView(staleSnapshot(false)).readiness.blockers, []);
  });

  it('on: it does not count, and the view says "approved an earlier commit (abc1234)"', () => {
    const s = staleSnapshot(true);
    const { readiness } = gateView(s);
    assert.deepEqual(readiness.blockers, ['needs 1 more approval (1 approval is of an earlier commit)']);
    assert.match(renderChangeTreeText(buildChangeTree(s, readiness)), /erin — approved an earlier commit \(ccccccc\), does not count/);
    prOf(s).reviews = [{ ...review(1, 'erin', 'APPROVED', 5), commitId: HEAD }];
    assert.deepEqual(gateView(s).readiness.blockers, []);
  });

  type Change = Omit<ChangeEvidence, 'findings'>;
  const change = (reviews: NonNullable<Change['pullRequest']>['reviews']): Change => ({
    kind: 'pull-request', label: 'PR #7', ticketId: null, ticket: null, branch: { head: 'feature/3-x', base: 'main' }, commits: [], tests: null,
    pullRequest: {
      number: 7, url: 'https://github.test/o/r/pull/7', title: 'X', author: 'dev', body: 'Feature #3\n\nAdds retries.', state: 'merged', createdAt: '2026-01-02T10:00:00Z',
      headRef: 'feature/3-x', baseRef: 'main', headSha: HEAD, lastCommitAt: null, requestedReviewers: [], reviews, approvals: { counted: 1, required: 1, approvers: [] }, checks: [],
    },
    merge: { mergedBy: 'dev', mergedAt: '2026-01-02T12:00:00Z', mergeCommitSha: null }, ticketBackLink: { present: false, url: null, at: null },
  });
  const ids = (c: Change, requireApprovalOfLatestCommit: boolean): string[] =>
    auditView(c, { requiredApprovals: 1, allowSelfApproval: false, requireTests: false, requireApprovalOfLatestCommit }).findings.map((f) => f.id).filter((id) => id.includes('approv'));

  it('the evidence\'s stale-approval follows the same rule', () => {
    const stale = change([{ reviewer: 'rev', state: 'APPROVED', submittedAt: '2026-01-02T11:00:00Z', commitId: OLD }]);
    assert.deepEqual(ids(stale, true), ['stale-approval', 'merged-without-required-approvals']);
    assert.deepEqual(ids(stale, false), []);
  });

  it('the evidence notes an LGTM sign-off and what OpenSSF Scorecard counts', () => {
    const c = change([{ reviewer: 'rev', state: 'COMMENTED', submittedAt: '2026-01-02T11:00:00Z', commitId: null, body: 'LGTM', kind: 'comment' }]);
    const audit = auditView(c, { requiredApprovals: 1, allowSelfApproval: false, requireTests: false, requireApprovalOfLatestCommit: false, signOff: 'approval-or-lgtm' });
    assert.deepEqual(audit.findings.map((f) => f.id).filter((id) => id.includes('approv')), []);
    assert.equal(audit.notes.length, 1);
    assert.match(audit.notes[0]!.note, /rev signed off with an LGTM comment at 2026-01-02T11:00:00Z\. OpenSSF Scorecard's Code-Review check does not count LGTM comments/);
    const strict = auditView(c, { requiredApprovals: 1, allowSelfApproval: false, requireTests: false, requireApprovalOfLatestCommit: false });
    assert.deepEqual(strict.findings.map((f) => f.id).filter((id) => id.includes('approv')), ['merged-without-required-approvals']);
  });
});

describe('core/policy tightening of the sign-off keys', () => {
  const p = (raw: unknown) => PolicySchema.parse(raw);

  it('a change may not add approvers: only the base\'s list applies', () => {
    const r = combinePolicies(p({ tracker: { approvers: ['cto'] } }), p({ tracker: { approvers: ['cto', 'dana-dev'] } }));
    assert.deepEqual(r.policy.tracker.approvers, ['cto']);
    assert.match(r.ignored.join('\n'), /tracker\.approvers differs/);
  });

  it('signOff "approval" is stricter than "approval-or-lgtm"; requireApprovalOfLatestCommit on wins', () => {
    const loosened = combinePolicies(p({}), p({ review: { signOff: 'approval-or-lgtm', requireApprovalOfLatestCommit: false } }));
    assert.equal(loosened.policy.review.signOff, 'approval');
    assert.match(loosened.ignored.join('\n'), /review\.signOff "approval-or-lgtm" is looser/);
    const tightened = combinePolicies(p({ review: { signOff: 'approval-or-lgtm' } }), p({ review: { signOff: 'approval', requireApprovalOfLatestCommit: true } }));
    assert.equal(tightened.policy.review.signOff, 'approval');
    assert.equal(tightened.policy.review.requireApprovalOfLatestCommit, true);
    assert.deepEqual(tightened.ignored, []);
    assert.equal(combinePolicies(p({ review: { requireApprovalOfLatestCommit: true } }), p({ review: { requireApprovalOfLatestCommit: false } })).policy.review.requireApprovalOfLatestCommit, true);
  });
});
