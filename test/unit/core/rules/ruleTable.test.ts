import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { buildEvidenceDocument } from '../../../../src/core/evidence/document';
import { auditView } from '../../../../src/core/evidence/findings';
import type { ChangeEvidence } from '../../../../src/core/evidence/schema';
import { defaultPolicy } from '../../../../src/core/policy/schema';
import { preflightView } from '../../../../src/core/pullRequest';
import { gateFacts, gateView } from '../../../../src/core/readiness';
import { countApprovals } from '../../../../src/core/rules/approvals';
import { evaluateRules } from '../../../../src/core/rules/evaluate';
import { notApplicable, type PolicyRule } from '../../../../src/core/rules/rule';
import { RULES, ruleById } from '../../../../src/core/rules/ruleTable';
import { readySnapshot } from '../changeSnapshotFixture';

type Change = Omit<ChangeEvidence, 'findings'>;
const HEAD = 'b'.repeat(40);

function prChange(pr: Partial<NonNullable<Change['pullRequest']>> = {}, over: Partial<Change> = {}): Change {
  return {
    kind: 'pull-request', label: 'PR #7', ticketId: '#3',
    ticket: { id: '#3', title: 'Retry', url: null, state: 'open', approved: true, approvedBy: 'cto', approvedAt: '2026-01-01T09:00:00Z', labelEvents: [] },
    branch: { head: 'feature/3-retry', base: 'main' },
    commits: [{ sha: HEAD, author: 'dev', date: '2026-01-02T10:00:00Z', message: 'Add retry\n', lint: [] }],
    tests: { sources: [{ path: 'src/a.ts', verdict: 'covered', tests: ['src/a.test.ts'] }], changedTests: ['src/a.test.ts'] },
    pullRequest: {
      number: 7, url: 'https://github.test/o/r/pull/7', title: 'Retry (#3)', author: 'dev', body: 'Feature #3: retry failed uploads.', state: 'merged',
      createdAt: '2026-01-02T10:00:00Z', headRef: 'feature/3-retry', baseRef: 'main', headSha: HEAD, lastCommitAt: null,
      requestedReviewers: [], reviews: [{ reviewer: 'rev', state: 'APPROVED', submittedAt: '2026-01-02T11:00:00Z', commitId: HEAD }],
      approvals: { counted: 1, required: 1, approvers: ['rev'] }, checks: [], ...pr,
    },
    merge: { mergedBy: 'dev', mergedAt: '2026-01-02T12:00:00Z', mergeCommitSha: null },
    ticketBackLink: { present: true, url: null, at: null },
    ...over,
  };
}

const findingPolicy = { requiredApprovals: 1, allowSelfApproval: false, requireTests: true };
const ruleIds = RULES.map((r) => r.id);

describe('core/rules rule table', () => {
  it('has unique, kebab-case ids, one file per rule, each found by its id', () => {
    assert.equal(new Set(ruleIds).size, ruleIds.length);
    for (const id of ruleIds) {
      assert.match(id, /^[a-z]+(-[a-z]+)*$/);
      assert.equal(ruleById(id)?.id, id);
    }
    const support = new Set(['approvals.ts', 'evaluate.ts', 'facts.ts', 'rule.ts', 'ruleTable.ts', 'text.ts']);
    const ruleFiles = readdirSync('src/core/rules').filter((f) => !support.has(f)).sort();
    const camel = (id: string): string => id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    assert.deepEqual(ruleFiles, ruleIds.map((id) => `${camel(id)}.ts`).sort());
  });

  it('declares every moment of every rule: a check, or why it does not apply', () => {
    for (const rule of RULES) {
      for (const moment of ['preflight', 'gate', 'audit'] as const) {
        const check = rule[moment];
        assert.ok(typeof check === 'function' || check.notApplicable.length > 10, `${rule.id} at ${moment}`);
      }
      assert.ok(rule.reads.length > 0, rule.id);
    }
  });

  it('pre-flight, gate and findings each evaluate every rule of the table', () => {
    const policy = defaultPolicy();
    const preflight = preflightView({ policy, branch: 'feature/3-x', ticketId: '#3', ticket: undefined, commits: [], lint: () => [], tests: undefined, behindBase: 0 });
    assert.deepEqual(preflight.evaluated, ruleIds);
    assert.deepEqual(gateView(readySnapshot()).evaluated, ruleIds);
    assert.deepEqual(auditView(prChange(), findingPolicy).evaluated, ruleIds);
  });

  it('every blocker and warning of the gate comes from a rule of the table, tagged with its id', () => {
    const s = readySnapshot();
    s.ticket = {};
    s.branch.unpushed = 2;
    s.branch.behind = 3;
    const evaluation = evaluateRules(gateFacts(s), 'gate');
    assert.deepEqual(evaluation.outcomes.map((o) => o.ruleId), ['up-to-date', 'pushed', 'ticket-linked']);
    const readiness = gateView(s).readiness;
    assert.deepEqual(readiness.blockers, evaluation.outcomes.filter((o) => o.severity === 'blocker').map((o) => o.message));
    assert.deepEqual(readiness.warnings, evaluation.outcomes.filter((o) => o.severity === 'warning').map((o) => o.message));
  });

  it('a rule added to the table is evaluated at all three moments', () => {
    const planted: PolicyRule = {
      id: 'planted-rule', description: 'test', reads: ['branch'],
      preflight: () => [{ item: 'branch', severity: 'warning', message: 'planted' }],
      gate: () => [{ severity: 'blocker', message: 'planted' }],
      audit: notApplicable('planted for the test only'),
    };
    const table = [...RULES, planted];
    const facts = gateFacts(readySnapshot());
    for (const moment of ['preflight', 'gate', 'audit'] as const) {
      assert.deepEqual(evaluateRules(facts, moment, table).evaluated, [...ruleIds, 'planted-rule']);
    }
    assert.deepEqual(evaluateRules(facts, 'gate', table).outcomes.map((o) => o.ruleId), ['planted-rule']);
    assert.deepEqual(evaluateRules(facts, 'audit', table).notApplicable.at(-1), { ruleId: 'planted-rule', why: 'planted for the test only' });
  });
});

describe('core/rules decisions', () => {
  it('counts approvals once: the gate and the evidence agree on the same reviews', () => {
    const reviews = [
      { reviewer: 'erin', state: 'APPROVED' as const, submittedAt: '1', commitId: HEAD },
      { reviewer: 'erin', state: 'COMMENTED' as const, submittedAt: '2', commitId: HEAD },
      { reviewer: 'dev', state: 'APPROVED' as const, submittedAt: '3', commitId: HEAD },
      { reviewer: 'finn', state: 'APPROVED' as const, submittedAt: '4', commitId: 'a'.repeat(40) },
      { reviewer: 'gus', state: 'APPROVED' as const, submittedAt: '5', commitId: null },
    ];
    const count = countApprovals(reviews, { author: 'DEV', allowSelfApproval: false, headSha: HEAD });
    assert.deepEqual(count.approvals.map((r) => r.reviewer), ['erin', 'finn', 'gus']);
    assert.deepEqual(count.selfApprovals.map((r) => r.reviewer), ['dev']);
    assert.deepEqual(count.stale.map((r) => r.reviewer), ['finn']);
    assert.deepEqual(count.onHead.map((r) => r.reviewer), ['erin']);
  });

  it('an approval whose commit GitHub did not report is not an approval of the merged head', () => {
    const change = prChange({ reviews: [{ reviewer: 'rev', state: 'APPROVED', submittedAt: '2026-01-02T11:00:00Z', commitId: null }] });
    assert.deepEqual(auditView(change, findingPolicy).findings.map((f) => f.id), ['merged-without-required-approvals']);
  });

  it('self-approval is a finding only when the policy forbids it', () => {
    const reviews = [{ reviewer: 'dev', state: 'APPROVED' as const, submittedAt: '2026-01-02T11:00:00Z', commitId: HEAD }];
    assert.deepEqual(auditView(prChange({ reviews }), findingPolicy).findings.map((f) => f.id), ['self-approval', 'merged-without-required-approvals']);
    assert.deepEqual(auditView(prChange({ reviews }), { ...findingPolicy, allowSelfApproval: true }).findings, []);
  });

  it('an unapproved ticket is a finding only when the policy requires approval', () => {
    const change = prChange({}, { ticket: { ...prChange().ticket!, approved: false, approvedBy: null, approvedAt: null } });
    assert.deepEqual(auditView(change, findingPolicy).findings.map((f) => f.id), ['ticket-never-approved']);
    assert.deepEqual(auditView(change, { ...findingPolicy, requireApproval: false }).findings, []);
  });

  it('says "not verifiable" when the tests of a pull request could not be matched, and the document carries it', () => {
    const change = prChange({}, { tests: null });
    assert.deepEqual(auditView(change, findingPolicy).notVerifiable, [{ rule: 'tests-match', reason: 'tests could not be matched: the head commit was not available locally' }]);
    const doc = buildEvidenceDocument({
      generatedAt: new Date('2026-02-01T00:00:00Z'), generatorVersion: '0', repository: { owner: 'o', repo: 'r', url: 'https://github.test/o/r' },
      scope: { kind: 'pull-request', number: 7 },
      policy: { requiredApprovals: 1, approvalLabel: 'Approved', baseBranch: 'main', allowSelfApproval: false, requireTests: true },
      changes: [change, prChange()],
    });
    assert.deepEqual(doc.changes.map((c) => c.notVerifiable), [[{ rule: 'tests-match', reason: 'tests could not be matched: the head commit was not available locally' }], undefined]);
  });

  it('the pre-flight no longer adds "no commits" on the base branch or a detached HEAD', () => {
    const policy = defaultPolicy();
    const base = { policy, ticketId: '#3', ticket: undefined, commits: [], lint: () => [], tests: undefined, behindBase: 0, ticketLookupError: 'offline' };
    assert.deepEqual(preflightView({ ...base, branch: 'main' }).preflight.blockers.map((b) => b.id), ['branch', 'ticket']);
    assert.deepEqual(preflightView({ ...base, branch: undefined }).preflight.blockers.map((b) => b.id), ['branch', 'ticket']);
    assert.deepEqual(preflightView({ ...base, branch: 'feature/3-x' }).preflight.blockers.map((b) => b.id), ['ticket', 'commits']);
  });
});
