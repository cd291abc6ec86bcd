import { strict as assert } from 'node:assert';
import { preflightReport } from '../../../src/core/preflightReport';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { evaluatePreflight } from '../../../src/core/pullRequest';

describe('preflightReport', () => {
  const ticket = { id: '#1', title: 'Export the audit log', state: 'open' as const, assignees: [], labels: ['Approved'], approved: true };
  const input = {
    policy: defaultPolicy(), branch: 'feature/1-export-the-audit-log', ticketId: '#1', ticket,
    commits: [{ sha: 'a'.repeat(40), message: 'Add the export\n\nAuditors need it.', parents: 1 }], lint: () => [],
    tests: undefined, behindBase: 0,
  };

  it('lists what passed next to the same blockers and warnings as the pre-flight', () => {
    const report = preflightReport(input);
    const preflight = evaluatePreflight(input);
    assert.deepEqual(report.blockers, preflight.blockers.map((b) => b.message));
    assert.deepEqual(report.warnings, preflight.warnings.map((w) => w.message));
    const passed = report.passed.map((p) => p.ruleId);
    assert.ok(passed.includes('ticket-approved'), passed.join(', '));
    assert.ok(passed.includes('feature-branch'), passed.join(', '));
    assert.ok(report.passed.every((p) => p.description.length > 0));
  });

  it('does not count a rule that spoke as passed', () => {
    const report = preflightReport({ ...input, ticket: { ...ticket, approved: false, labels: [] } });
    assert.ok(report.blockers.length + report.warnings.length > 0);
    assert.ok(!report.passed.some((p) => p.ruleId === 'ticket-approved'));
  });
});
