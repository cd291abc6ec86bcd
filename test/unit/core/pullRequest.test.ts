import { strict as assert } from 'node:assert';
import {
  backLinkComment,
  backLinkMarker,
  bodyMarker,
  changeKind,
  describeCommits,
  evaluatePreflight,
  isBackLinkComment,
  pickTemplate,
  pullRequestBody,
  pullRequestTitle,
  summarizeTests,
  type CommitProblem,
  type PreflightInput,
} from '../../../src/core/pullRequest';
import { defaultPolicy, type Policy } from '../../../src/core/policy/schema';
import type { Ticket } from '../../../src/core/ports';
import type { TestCheckResult } from '../../../src/core/testMatching/types';

const ticket: Ticket = { id: '#12', title: 'Export audit log', url: 'https://github.com/o/r/issues/12', state: 'open', assignees: ['ana'], labels: ['Approved'], approved: true };

function tests(overrides: Partial<TestCheckResult> = {}): TestCheckResult {
  return {
    base: 'origin/main',
    sources: [{ path: 'src/a.ts', verdict: 'covered', tests: ['test/a.test.ts'] }],
    changedTests: ['test/a.test.ts'],
    changedOther: [],
    counts: { covered: 1, stale: 0, missing: 0, exempt: 0 },
    ...overrides,
  };
}

function input(overrides: Partial<PreflightInput> = {}, policy: Policy = defaultPolicy()): PreflightInput {
  return {
    policy,
    branch: 'feature/12-export-audit-log',
    ticketId: '#12',
    ticket,
    commits: [{ sha: 'abcdef0123', message: 'Add audit log export\n\nAuditors need the log as CSV.\n' }],
    lint: () => [],
    tests: tests(),
    behindBase: 0,
    ...overrides,
  };
}

const ids = (items: { id: string }[]): string[] => items.map((i) => i.id);

describe('core/pullRequest evaluatePreflight', () => {
  it('passes a clean change with no blockers and no warnings', () => {
    const result = evaluatePreflight(input());
    assert.deepEqual(result, { blockers: [], warnings: [] });
  });

  it('blocks on the base branch and on a detached HEAD', () => {
    assert.deepEqual(ids(evaluatePreflight(input({ branch: 'main' })).blockers), ['branch']);
    const detached = evaluatePreflight(input({ branch: undefined }));
    assert.match(detached.blockers[0]!.message, /detached/);
  });

  it('blocks without a ticket, with an unknown ticket and with a closed ticket', () => {
    assert.match(evaluatePreflight(input({ ticketId: undefined, ticket: undefined })).blockers[0]!.message, /No change ticket/);
    assert.match(evaluatePreflight(input({ ticket: undefined })).blockers[0]!.message, /#12 was not found/);
    assert.match(evaluatePreflight(input({ ticket: undefined, ticketLookupError: 'offline' })).blockers[0]!.message, /could not be checked: offline/);
    assert.match(evaluatePreflight(input({ ticket: { ...ticket, state: 'closed' } })).blockers[0]!.message, /closed/);
  });

  it('blocks an unapproved ticket when the policy requires approval, else warns', () => {
    const unapproved = { ...ticket, approved: false, labels: [] };
    const strict = evaluatePreflight(input({ ticket: unapproved }));
    assert.deepEqual(ids(strict.blockers), ['approval']);
    assert.match(strict.blockers[0]!.message, /"Approved" label/);
    const lenient = defaultPolicy();
    lenient.tracker.requireApproval = false;
    const relaxed = evaluatePreflight(input({ ticket: unapproved }, lenient));
    assert.deepEqual(ids(relaxed.blockers), []);
    assert.deepEqual(ids(relaxed.warnings), ['approval']);
  });

  it('blocks commits with lint errors and warns on lint warnings', () => {
    const lint = (m: string): CommitProblem[] => (m.startsWith('Added') ? [{ severity: 'error', message: 'Use the imperative "Add"' }] : m.startsWith('Fix') ? [{ severity: 'warning', message: 'Subject is long' }] : []);
    const result = evaluatePreflight(input({ lint, commits: [{ sha: '1111111aaa', message: 'Added export' }, { sha: '2222222bbb', message: 'Fix typo' }] }));
    assert.equal(result.blockers.length, 1);
    assert.match(result.blockers[0]!.message, /1111111 "Added export": Use the imperative "Add"/);
    assert.match(result.warnings[0]!.message, /2222222 "Fix typo": Subject is long/);
  });

  it('blocks an empty branch', () => {
    assert.match(evaluatePreflight(input({ commits: [] })).blockers[0]!.message, /no commits/);
  });

  it('blocks sources without tests when the policy requires tests, warns on stale ones', () => {
    const missing = tests({ sources: [{ path: 'src/b.ts', verdict: 'missing', tests: [] }, { path: 'src/c.ts', verdict: 'stale', tests: ['test/c.test.ts'] }] });
    const result = evaluatePreflight(input({ tests: missing }));
    assert.match(result.blockers[0]!.message, /No tests for src\/b\.ts/);
    assert.match(result.warnings[0]!.message, /not changed for src\/c\.ts/);
    const lenient = defaultPolicy();
    lenient.tests.requireTests = false;
    assert.deepEqual(ids(evaluatePreflight(input({ tests: missing }, lenient)).warnings), ['tests', 'tests']);
    assert.deepEqual(ids(evaluatePreflight(input({ tests: undefined })).warnings), ['tests']);
  });

  it('warns when the branch is behind the base or it cannot tell', () => {
    assert.match(evaluatePreflight(input({ behindBase: 3 })).warnings[0]!.message, /3 commits behind main/);
    assert.match(evaluatePreflight(input({ behindBase: undefined, behindBaseNote: 'fetch failed' })).warnings[0]!.message, /fetch failed/);
  });
});

describe('core/pullRequest title, body and markers', () => {
  it('titles the pull request after the ticket, with its ID once', () => {
    assert.equal(pullRequestTitle(ticket, '#12', []), 'Export audit log (#12)');
    assert.equal(pullRequestTitle({ ...ticket, title: 'Export (#12)' }, '#12', []), 'Export (#12)');
    assert.equal(pullRequestTitle(undefined, 'o/t#3', [{ sha: 'a', message: 'Add x\n\nbody' }]), 'Add x (o/t#3)');
  });

  it('tells features from defects by branch, then by labels', () => {
    assert.equal(changeKind('defect/12-x', undefined), 'Defect');
    assert.equal(changeKind('feature/12-x', { ...ticket, labels: ['bug'] }), 'Feature');
    assert.equal(changeKind('12-x', { ...ticket, labels: ['Bug'] }), 'Defect');
    assert.equal(changeKind(undefined, undefined), 'Feature');
  });

  it('describes one commit by subject and body, several by subjects', () => {
    assert.equal(describeCommits([{ sha: 'a', message: 'Add export\r\n\r\nWhy it matters.\r\n\r\nRefs: #12\r\n' }]), 'Add export\n\nWhy it matters.');
    assert.equal(describeCommits([{ sha: 'a', message: 'Add a' }, { sha: 'b', message: 'Fix b\n\nmore' }]), '- Add a\n- Fix b');
  });

  it('summarises the tests check', () => {
    const text = summarizeTests(tests({ sources: [{ path: 'src/b.ts', verdict: 'missing', tests: [] }], counts: { covered: 0, stale: 0, missing: 1, exempt: 0 } }));
    assert.match(text, /1 without tests/);
    assert.match(text, /Without tests: src\/b\.ts/);
    assert.match(summarizeTests(undefined), /did not run/);
  });

  it('builds our body with the ticket link, kind, description, tests, checklist and marker', () => {
    const body = pullRequestBody({ ticket, ticketId: '#12', kind: 'Feature', description: 'Add export', testsSummary: 'All covered.' });
    assert.match(body, /\*\*Change ticket:\*\* \[#12\]\(https:\/\/github\.com\/o\/r\/issues\/12\) — Export audit log/);
    assert.match(body, /\*\*Type:\*\* Feature/);
    assert.match(body, /## Description\n\nAdd export/);
    assert.match(body, /## Tests\n\nAll covered\./);
    assert.match(body, /- \[ \] Tests cover the change/);
    assert.ok(body.includes(bodyMarker('#12')));
  });

  it("uses the repository's template instead of our checklist", () => {
    const body = pullRequestBody({ ticket, ticketId: '#12', kind: 'Defect', description: '', testsSummary: 't', template: '## Team checklist\n- [ ] Security reviewed\n' });
    assert.match(body, /## Team checklist\n- \[ \] Security reviewed/);
    assert.doesNotMatch(body, /Reviewer checklist/);
    assert.match(body, /_Describe the change\._/);
  });

  it('picks the template GitHub would, case-insensitively, and offers folder alternatives', () => {
    assert.deepEqual(pickTemplate(['README.md', '.github/PULL_REQUEST_TEMPLATE.md', 'docs/pull_request_template.md']), { path: '.github/PULL_REQUEST_TEMPLATE.md', alternatives: [] });
    assert.deepEqual(pickTemplate(['docs/pull_request_template.md']), { path: 'docs/pull_request_template.md', alternatives: [] });
    assert.deepEqual(pickTemplate(['.github/PULL_REQUEST_TEMPLATE/feature.md', '.github/PULL_REQUEST_TEMPLATE/bug.md', '.github/PULL_REQUEST_TEMPLATE/x/y.md']), {
      path: '.github/PULL_REQUEST_TEMPLATE/bug.md',
      alternatives: ['.github/PULL_REQUEST_TEMPLATE/feature.md'],
    });
    assert.equal(pickTemplate(['src/a.ts']), undefined);
  });

  it('recognises its own back-link comment and no other', () => {
    const url = 'https://github.com/o/r/pull/4';
    const comment = backLinkComment({ number: 4, url, title: 'Export (#12)' });
    assert.ok(comment.includes(backLinkMarker(url)));
    assert.equal(isBackLinkComment(comment, url), true);
    assert.equal(isBackLinkComment(comment, 'https://github.com/o/r/pull/40'), false);
    assert.equal(isBackLinkComment(`See ${url}`, url), false);
    assert.equal(isBackLinkComment(null, url), false);
  });
});
