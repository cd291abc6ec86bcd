import { strict as assert } from 'node:assert';
import { assessReadiness, readinessLine, reviewerStates } from '../../../src/core/readiness';
import { check, finding, prOf, readySnapshot, review } from './changeSnapshotFixture';

describe('assessReadiness', () => {
  it('finds a change that meets every rule ready', () => {
    const r = assessReadiness(readySnapshot());
    assert.deepEqual(r.blockers, []);
    assert.equal(r.ready, true);
    assert.equal(readinessLine(r), 'Ready to merge');
  });

  describe('approvals', () => {
    const cases: { name: string; reviews: ReturnType<typeof review>[]; required: number; approvals: number; blockers: string[] }[] = [
      { name: 'a later CHANGES_REQUESTED overrides an earlier APPROVED', required: 1, approvals: 0,
        reviews: [review(1, 'erin', 'APPROVED', 1), review(2, 'erin', 'CHANGES_REQUESTED', 2)],
        blockers: ['needs 1 more approval', 'changes requested by erin'] },
      { name: 'a later APPROVED overrides an earlier CHANGES_REQUESTED', required: 1, approvals: 1,
        reviews: [review(1, 'erin', 'CHANGES_REQUESTED', 1), review(2, 'erin', 'APPROVED', 2)], blockers: [] },
      { name: 'order follows submission time, not list order', required: 1, approvals: 0,
        reviews: [review(9, 'erin', 'CHANGES_REQUESTED', 7), review(3, 'erin', 'APPROVED', 2)],
        blockers: ['needs 1 more approval', 'changes requested by erin'] },
      { name: 'a later COMMENTED does not override an approval', required: 1, approvals: 1,
        reviews: [review(1, 'erin', 'APPROVED', 1), review(2, 'erin', 'COMMENTED', 2)], blockers: [] },
      { name: 'a dismissed review does not count', required: 1, approvals: 0,
        reviews: [review(1, 'erin', 'DISMISSED', 1)], blockers: ['needs 1 more approval'] },
      { name: 'a dismissal after an approval clears it', required: 1, approvals: 0,
        reviews: [review(1, 'erin', 'APPROVED', 1), review(2, 'erin', 'DISMISSED', 3)], blockers: ['needs 1 more approval'] },
      { name: "the author's own approval does not count", required: 1, approvals: 0,
        reviews: [review(1, 'dana', 'APPROVED', 1)], blockers: ['needs 1 more approval'] },
      { name: 'author login compares case-insensitively', required: 1, approvals: 0,
        reviews: [review(1, 'DANA', 'APPROVED', 1)], blockers: ['needs 1 more approval'] },
      { name: 'a pending (draft) review does not count', required: 1, approvals: 0,
        reviews: [{ id: 1, author: 'erin', state: 'PENDING' }], blockers: ['needs 1 more approval'] },
      { name: 'two approvals from one reviewer count once', required: 2, approvals: 1,
        reviews: [review(1, 'erin', 'APPROVED', 1), review(2, 'Erin', 'APPROVED', 2)], blockers: ['needs 1 more approval'] },
      { name: 'zero required approvals: no reviews is fine', required: 0, approvals: 0, reviews: [], blockers: [] },
      { name: 'zero required but changes requested still blocks', required: 0, approvals: 0,
        reviews: [review(1, 'erin', 'CHANGES_REQUESTED', 1)], blockers: ['changes requested by erin'] },
      { name: 'two required, none given', required: 2, approvals: 0, reviews: [], blockers: ['needs 2 more approvals'] },
      { name: 'two required, two given', required: 2, approvals: 2,
        reviews: [review(1, 'erin', 'APPROVED', 1), review(2, 'finn', 'COMMENTED', 2), review(3, 'finn', 'APPROVED', 3)], blockers: [] },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const s = readySnapshot();
        s.policy.review.requiredApprovals = c.required;
        prOf(s).reviews = c.reviews;
        const r = assessReadiness(s);
        assert.equal(r.approvals?.approvals, c.approvals);
        assert.equal(r.approvals?.required, c.required);
        assert.deepEqual(r.blockers, c.blockers);
        assert.equal(r.ready, c.blockers.length === 0);
      });
    }

    it('counts self-approval when the policy allows it', () => {
      const s = readySnapshot();
      s.policy.review.allowSelfApproval = true;
      prOf(s).reviews = [review(1, 'dana', 'APPROVED', 1)];
      assert.equal(assessReadiness(s).ready, true);
    });

    it('lists requested reviewers as pending, and a re-requested approver keeps the approval', () => {
      const s = readySnapshot();
      prOf(s).requestedReviewers = ['erin', 'acme/security'];
      const states = reviewerStates(prOf(s), false);
      assert.deepEqual(states.map((r) => [r.login, r.state, r.requested, r.countsAsApproval]), [
        ['erin', 'APPROVED', true, true],
        ['acme/security', 'REQUESTED', true, false],
      ]);
    });

    it('shows a reviewer who only commented as COMMENTED', () => {
      const s = readySnapshot();
      prOf(s).reviews = [review(1, 'gus', 'COMMENTED', 1)];
      assert.deepEqual(reviewerStates(prOf(s), false).map((r) => r.state), ['COMMENTED']);
    });
  });

  describe('checks', () => {
    it('blocks on failing and pending checks, counting each', () => {
      const s = readySnapshot();
      prOf(s).checks = [check('build', 'failed'), check('e2e', 'failed'), check('ci/lint', 'pending', 'status'), check('unit', 'passed')];
      const r = assessReadiness(s);
      assert.deepEqual(r.blockers, ['2 checks failing', '1 check pending']);
      assert.deepEqual(r.checks, { passed: 1, failed: 2, pending: 1 });
    });

    it('accepts a pull request with no checks at all', () => {
      const s = readySnapshot();
      prOf(s).checks = [];
      assert.equal(assessReadiness(s).ready, true);
    });
  });

  describe('ticket', () => {
    it('blocks without a change ticket', () => {
      const s = readySnapshot();
      s.ticket = {};
      assert.deepEqual(assessReadiness(s).blockers, ['no change ticket']);
    });

    it('blocks an unapproved ticket', () => {
      const s = readySnapshot();
      s.ticket.details = { ...s.ticket.details!, approved: false, labels: [] };
      assert.deepEqual(assessReadiness(s).blockers, ['ticket not approved']);
    });

    it('lets an unapproved ticket pass when the policy does not require approval', () => {
      const s = readySnapshot();
      s.policy.tracker.requireApproval = false;
      s.ticket.details = { ...s.ticket.details!, approved: false };
      assert.equal(assessReadiness(s).ready, true);
    });

    it('blocks a ticket that does not exist', () => {
      const s = readySnapshot();
      s.ticket = { id: '#99', lookup: { status: 'notFound', reason: 'no such issue' } };
      assert.deepEqual(assessReadiness(s).blockers, ['ticket #99 not found']);
    });

    it('fails closed when the ticket could not be looked up', () => {
      const s = readySnapshot();
      s.ticket = { id: '#12', lookup: { status: 'skipped', reason: 'no GitHub token' } };
      assert.deepEqual(assessReadiness(s).blockers, ['ticket approval not checked (no GitHub token)']);
    });

    it('blocks when the ticket does not link back to the pull request', () => {
      const s = readySnapshot();
      prOf(s).ticketBackLink = false;
      assert.deepEqual(assessReadiness(s).blockers, ['ticket does not link to the pull request']);
    });

    it('blocks a closed ticket until the pull request is merged (as the pre-flight does)', () => {
      const s = readySnapshot();
      s.ticket.details = { ...s.ticket.details!, state: 'closed' };
      const r = assessReadiness(s);
      assert.equal(r.ready, false);
      assert.deepEqual(r.blockers, ['ticket is closed']);
      assert.deepEqual(r.warnings, []);
      prOf(s).pr.state = 'merged';
      assert.deepEqual(assessReadiness(s).blockers, []);
      s.github = { status: 'error', reason: 'GitHub API rate limit reached' };
      assert.deepEqual(assessReadiness(s).blockers, ['ticket is closed', 'pull request not checked (GitHub API rate limit reached)']);
    });

    it('fails closed on an unread ticket even when approval is not required', () => {
      const s = readySnapshot();
      s.policy.tracker.requireApproval = false;
      s.ticket = { id: '#12', lookup: { status: 'error', reason: 'tracker down' } };
      assert.deepEqual(assessReadiness(s).blockers, ['ticket #12 not checked (tracker down)']);
    });
  });

  describe('pull request', () => {
    it('blocks with no pull request yet', () => {
      const s = readySnapshot();
      s.github = { status: 'ok', repository: 'acme/app' };
      assert.deepEqual(assessReadiness(s).blockers, ['no pull request yet']);
    });

    it('blocks a draft and a closed pull request, not a merged one', () => {
      const s = readySnapshot();
      prOf(s).pr.state = 'draft';
      assert.deepEqual(assessReadiness(s).blockers, ['pull request #34 is a draft']);
      prOf(s).pr.state = 'closed';
      assert.deepEqual(assessReadiness(s).blockers, ['pull request #34 is closed without merging']);
      prOf(s).pr.state = 'merged';
      assert.deepEqual(assessReadiness(s).blockers, []);
    });

    it('fails closed when GitHub was skipped or failed', () => {
      const s = readySnapshot();
      s.github = { status: 'skipped', reason: 'no GitHub token' };
      assert.deepEqual(assessReadiness(s).blockers, ['pull request not checked (no GitHub token)']);
      s.github = { status: 'error', reason: 'GitHub API rate limit reached' };
      assert.equal(assessReadiness(s).ready, false);
    });
  });

  describe('tests, commits, branch', () => {
    it('counts source files without tests', () => {
      const s = readySnapshot();
      s.tests = { base: 'origin/main', changedTests: [], changedOther: [], counts: { covered: 0, stale: 1, missing: 2, exempt: 0 },
        sources: [{ path: 'a.ts', verdict: 'missing', tests: [] }, { path: 'b.ts', verdict: 'missing', tests: [] }, { path: 'c.ts', verdict: 'stale', tests: ['c.test.ts'] }] };
      const r = assessReadiness(s);
      assert.deepEqual(r.blockers, ['2 source files without tests']);
      assert.deepEqual(r.warnings, ['1 source file whose tests did not change']);
    });

    it('only warns about missing tests when the policy does not require them', () => {
      const s = readySnapshot();
      s.policy.tests.requireTests = false;
      s.tests = { base: 'origin/main', changedTests: [], changedOther: [], counts: { covered: 0, stale: 0, missing: 1, exempt: 0 },
        sources: [{ path: 'a.ts', verdict: 'missing', tests: [] }] };
      const r = assessReadiness(s);
      assert.equal(r.ready, true);
      assert.deepEqual(r.warnings, ['1 source file without tests']);
    });

    it('blocks failing commit messages but not warnings', () => {
      const s = readySnapshot();
      s.commits[0].findings = [finding('Use the imperative: “Add”, not “Added”.')];
      s.commits[1].findings = [finding('Consider a body.', 'warning')];
      assert.deepEqual(assessReadiness(s).blockers, ['1 commit message breaks the policy']);
    });

    it('blocks unpushed commits and a branch with no commits', () => {
      const s = readySnapshot();
      s.branch.unpushed = 3;
      assert.deepEqual(assessReadiness(s).blockers, ['3 commits not pushed']);
      s.branch.unpushed = 0;
      s.commits = [];
      assert.deepEqual(assessReadiness(s).blockers, ['no commits on the branch yet']);
    });

    it('blocks work on the base branch and on a detached HEAD', () => {
      const s = readySnapshot();
      s.branch.name = 'main';
      assert.deepEqual(assessReadiness(s).blockers, ['on the base branch main: start a change on a feature branch']);
      s.branch.name = undefined;
      assert.deepEqual(assessReadiness(s).blockers, ['detached HEAD: check out a feature branch']);
    });

    it('warns when the branch is behind its remote base', () => {
      const s = readySnapshot();
      s.branch.behind = 4;
      const r = assessReadiness(s);
      assert.equal(r.ready, true);
      assert.deepEqual(r.warnings, ['branch is 4 commits behind origin/main']);
    });

    it('lists every blocker in a fixed order', () => {
      const s = readySnapshot();
      s.ticket = {};
      s.branch.unpushed = 1;
      prOf(s).reviews = [];
      prOf(s).checks = [check('build', 'failed')];
      assert.equal(readinessLine(assessReadiness(s)), 'Blocked: 1 commit not pushed, no change ticket, needs 1 more approval, 1 check failing');
    });
  });
});
