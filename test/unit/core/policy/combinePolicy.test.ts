import { strict as assert } from 'node:assert';
import { combinePolicies } from '../../../../src/core/policy/combinePolicy';
import { POLICY_CHANGED_NOTE, governPolicy, policyInvalidError, policySourceLines, type PolicyDocument } from '../../../../src/core/policy/governingPolicy';
import { parsePolicy } from '../../../../src/core/policy/parsePolicy';
import { defaultPolicy, type Policy, type PolicyInput } from '../../../../src/core/policy/schema';

const policy = (input: PolicyInput): Policy => {
  const { policy: p, problems } = parsePolicy(JSON.stringify(input));
  assert.deepEqual(problems, [], 'the test policy is valid');
  return p;
};

const doc = (label: string, text: string | undefined): PolicyDocument =>
  text === undefined ? { label, exists: false, text: '', parsed: { policy: defaultPolicy(), problems: [] } } : { label, exists: true, text, parsed: parsePolicy(text) };

describe('combinePolicies (the base branch governs; a change may only tighten)', () => {
  const base = policy({
    commit: { subjectMaxLength: 60, bodyMaxLineLength: 72, presentTense: true, requireTicket: true, ticketPattern: 'ABC-[0-9]+' },
    branch: { base: 'main', template: '{kind}/{ticket}-{slug}' },
    tests: { exempt: ['src/generated/**', 'scripts/**'], requireTests: true, testGlobs: ['spec/**'], conventions: [{ id: 'x', sources: ['src/**/*.ts'], tests: ['test/{name}.test.ts'] }] },
    tracker: { approvalLabel: 'Approved', requireApproval: true },
    review: { requiredApprovals: 2, defaultReviewers: ['erin'], allowSelfApproval: false },
  });

  it('refuses every loosening: numbers, requirements, permissions, exemptions and unprovable values keep the base', () => {
    const looser = policy({
      commit: { subjectMaxLength: 100, bodyMaxLineLength: 120, presentTense: false, requireTicket: false, ticketPattern: '.*' },
      branch: { base: 'lax', template: '{slug}' },
      tests: { exempt: ['src/generated/**', 'scripts/**', 'src/**'], requireTests: false, testGlobs: ['spec/**', 'src/**'], otherGlobs: ['src/**'], builtInConventions: false, conventions: [] },
      tracker: { repo: 'evil/tracker', approvalLabel: 'anything', requireApproval: false },
      review: { requiredApprovals: 0, defaultReviewers: [], allowSelfApproval: true },
    });
    const { policy: combined, ignored } = combinePolicies(base, looser);
    assert.deepEqual(combined, base, 'nothing of the looser policy applies');
    for (const key of ['commit.subjectMaxLength', 'commit.presentTense', 'commit.ticketPattern', 'branch.base', 'tests.exempt', 'tests.requireTests', 'tests.testGlobs',
      'tests.otherGlobs', 'tests.builtInConventions', 'tests.conventions', 'tracker.repo', 'tracker.approvalLabel', 'tracker.requireApproval', 'review.requiredApprovals', 'review.allowSelfApproval']) {
      assert.ok(ignored.some((i) => i.startsWith(key)), `says ${key} was not applied: ${ignored.join(' | ')}`);
    }
    assert.ok(ignored.includes('review.requiredApprovals 0 is fewer than the base policy\'s 2'));
  });

  it('applies every tightening: lower limits, more approvals, requirements on, fewer exemptions, more reviewers', () => {
    const tighter = policy({
      ...base,
      commit: { ...base.commit, subjectMaxLength: 50 },
      tests: { ...base.tests, exempt: ['scripts/**'] },
      review: { requiredApprovals: 3, defaultReviewers: ['frank'], allowSelfApproval: false },
    });
    const { policy: combined, ignored } = combinePolicies(base, tighter);
    assert.equal(combined.commit.subjectMaxLength, 50);
    assert.equal(combined.review.requiredApprovals, 3);
    assert.deepEqual(combined.tests.exempt, ['scripts/**']);
    assert.deepEqual(combined.review.defaultReviewers, ['erin', 'frank']);
    assert.deepEqual(ignored, []);
    const lax = combinePolicies(defaultPolicy(), policy({ commit: { requireTicket: true }, tests: { requireTests: true }, tracker: { requireApproval: true } }));
    assert.equal(lax.policy.commit.requireTicket, true, 'a requirement switched on applies at once');
  });

  it('is never looser than the base, whatever the change (each key checked on a grid of values)', () => {
    for (const approvals of [0, 1, 2, 5]) {
      for (const self of [true, false]) {
        for (const subject of [20, 60, 200]) {
          const local = policy({ ...base, commit: { ...base.commit, subjectMaxLength: subject }, review: { ...base.review, requiredApprovals: approvals, allowSelfApproval: self } });
          const c = combinePolicies(base, local).policy;
          assert.ok(c.review.requiredApprovals >= base.review.requiredApprovals);
          assert.ok(c.commit.subjectMaxLength <= base.commit.subjectMaxLength);
          assert.equal(c.review.allowSelfApproval, false);
        }
      }
    }
  });
});

describe('governPolicy', () => {
  const mainText = JSON.stringify({ review: { requiredApprovals: 2 } });

  it('notes a change that edits the policy, and lists what it tried to loosen', () => {
    const g = governPolicy({ baseRef: 'origin/main', baseCommit: 'a'.repeat(40), base: doc('origin/main', mainText), local: doc('work', JSON.stringify({ review: { requiredApprovals: 0 } })) });
    assert.equal(g.policy.review.requiredApprovals, 2);
    assert.equal(g.source.changed, true);
    assert.deepEqual(g.source.ignored, ["review.requiredApprovals 0 is fewer than the base policy's 2"]);
    assert.match(policySourceLines(g.source)[0]!, new RegExp(`^${POLICY_CHANGED_NOTE} \\(the policy of origin/main at aaaaaaaaaaaa governs this change\\)$`));
  });

  it('says nothing when the change leaves the policy alone', () => {
    const g = governPolicy({ baseRef: 'origin/main', baseCommit: 'b'.repeat(40), base: doc('origin/main', mainText), local: doc('work', mainText) });
    assert.equal(g.source.changed, false);
    assert.deepEqual(policySourceLines(g.source), []);
    assert.equal(policyInvalidError(g), undefined);
  });

  it('takes the defaults as the base when the base branch has no policy file; the change may only tighten them', () => {
    const looser = governPolicy({ baseRef: 'origin/main', baseCommit: 'c'.repeat(40), base: doc('origin/main', undefined), local: doc('work', JSON.stringify({ review: { requiredApprovals: 0 } })) });
    assert.equal(looser.policy.review.requiredApprovals, defaultPolicy().review.requiredApprovals);
    assert.equal(looser.source.baseHasPolicy, false);
    assert.equal(looser.source.changed, true);
    const tighter = governPolicy({ baseRef: 'origin/main', baseCommit: 'c'.repeat(40), base: doc('origin/main', undefined), local: doc('work', JSON.stringify({ review: { requiredApprovals: 4 } })) });
    assert.equal(tighter.policy.review.requiredApprovals, 4);
  });

  it('keeps the base when the change deletes the policy file', () => {
    const g = governPolicy({ baseRef: 'origin/main', baseCommit: 'd'.repeat(40), base: doc('origin/main', mainText), local: doc('work', undefined) });
    assert.equal(g.policy.review.requiredApprovals, 2);
    assert.equal(g.source.changed, true);
  });

  it('takes the caller\'s word on whether the change edits the policy (a pull request\'s file list)', () => {
    const g = governPolicy({ baseRef: 'main', baseCommit: 'e'.repeat(40), base: doc('main', mainText), local: doc('work', mainText), changed: true });
    assert.equal(g.source.changed, true);
  });

  it('refuses a policy with problems, in either document, naming each problem once', () => {
    const bad = '{"review":{"requiredApprovals":3},"tests":{"conventions":[{"id":"x","sources":["**/*.ts"]}]}}';
    const same = governPolicy({ baseRef: 'origin/main', baseCommit: 'f'.repeat(40), base: doc('origin/main:.github/change-control.json', bad), local: doc('/w/.github/change-control.json', bad) });
    const err = policyInvalidError(same);
    assert.ok(err);
    assert.equal(err.code, 'policy.invalid');
    assert.match(err.message, /^policy invalid/);
    assert.match(err.message, /origin\/main:\.github\/change-control\.json:1:\d+ tests\.conventions/);
    assert.equal(same.problems.length, 1, 'the unchanged working copy does not repeat the base\'s problems');
    const localOnly = governPolicy({ baseRef: 'origin/main', baseCommit: 'f'.repeat(40), base: doc('origin/main', mainText), local: doc('/w/p.json', bad) });
    assert.match(policyInvalidError(localOnly)!.message, /\/w\/p\.json:1:\d+ tests\.conventions/);
  });
});
