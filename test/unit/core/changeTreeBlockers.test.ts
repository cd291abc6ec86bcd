import { strict as assert } from 'node:assert';
import { buildChangeTree, type ChangeTreeNode } from '../../../src/core/changeTree';
import { SIGNED_OUT_REASON } from '../../../src/core/changeTreeBlockers';
import { RULE_FIXES, fixFor, policyQuoteMarkdown } from '../../../src/core/rules/fixes';
import { RULES } from '../../../src/core/rules/ruleTable';
import { finding, prOf, readySnapshot } from './changeSnapshotFixture';

function blockerRows(s: ReturnType<typeof readySnapshot>): ChangeTreeNode[] {
  const top = buildChangeTree(s)[0];
  return (top.children ?? []).filter((c) => c.id.startsWith('readiness/blocker/'));
}

function row(s: ReturnType<typeof readySnapshot>, label: RegExp): ChangeTreeNode {
  const found = blockerRows(s).find((r) => label.test(r.label));
  assert.ok(found, `a blocker matching ${label} among ${blockerRows(s).map((r) => r.label).join(' | ')}`);
  return found;
}

describe('blocker fixes (rules/fixes.ts and the blocker rows)', () => {
  it('declares a fix and a policy quote for every rule of the table, and none for unknown ids', () => {
    assert.deepEqual(Object.keys(RULE_FIXES).sort(), RULES.map((r) => r.id).sort());
    for (const rule of RULES) {
      const fix = fixFor(rule.id);
      assert.ok(fix, rule.id);
      assert.match(fix.policy.where, /^§\d+\.\d+ [A-Z].*, item \d+$/, `${rule.id}: names the section and item`);
      assert.ok(fix.policy.text.length > 20 && fix.policy.text.length < 200, `${rule.id}: a short quote`);
    }
    assert.equal(fixFor('constructor'), undefined);
    assert.equal(fixFor('no-such-rule'), undefined);
  });

  it('gives each blocker row its fix as the click action and quotes the policy in the tooltip', () => {
    const s = readySnapshot();
    s.branch.unpushed = 2;
    s.ticket.details = { ...s.ticket.details!, approved: false };
    const push = row(s, /not pushed/);
    assert.deepEqual(push.action, { kind: 'command', command: 'changeControl.push', args: ['/repo'] });
    assert.equal(push.description, 'Push');
    assert.equal(push.contextValue, 'blocker fix');
    assert.match(push.tooltip ?? '', /Why the policy asks for it/);
    assert.ok(push.tooltip?.includes(policyQuoteMarkdown(RULE_FIXES.pushed.policy)));
    const approval = row(s, /not approved/);
    assert.deepEqual(approval.action, { kind: 'openUrl', url: 'https://github.com/acme/app/issues/12' });
    assert.match(approval.tooltip ?? '', /approved by the Wally CTO/);
    assert.match(approval.tooltip ?? '', /§9\.2 Configuration Management Policies, item 3/);
  });

  it('runs Link Ticket, Open Pull Request and Create Test File for their blockers', () => {
    const s = readySnapshot();
    s.ticket = {};
    s.github = { status: 'ok', repository: 'acme/app' };
    s.tests = { ...s.tests as Extract<typeof s.tests, { counts: unknown }>, sources: [{ path: 'src/a.ts', verdict: 'missing', tests: [], suggestedTest: 'test/a.test.ts' }], counts: { covered: 0, stale: 0, missing: 1, exempt: 0 } };
    assert.deepEqual(row(s, /ticket/).action, { kind: 'command', command: 'changeControl.linkTicket', args: ['/repo'] });
    assert.deepEqual(row(s, /pull request/).action, { kind: 'command', command: 'changeControl.openPullRequest', args: ['/repo'] });
    assert.deepEqual(row(s, /without tests/).action, { kind: 'command', command: 'changeControl.createTestFile', args: ['/repo', 'src/a.ts', 'test/a.test.ts'] });
  });

  it('runs Amend Message on the failing commit and Request Review on missing approvals', () => {
    const s = readySnapshot();
    s.commits[1] = { ...s.commits[1]!, findings: [finding('Use the imperative mood')] };
    prOf(s).reviews = [];
    assert.deepEqual(row(s, /commit/).action, { kind: 'command', command: 'changeControl.amendMessage', args: ['/repo', 'b'.repeat(40)] });
    assert.deepEqual(row(s, /approval/).action, { kind: 'command', command: 'changeControl.requestReview', args: ['/repo'] });
  });

  it('asks for sign-in on the GitHub blockers only when signed out', () => {
    const s = readySnapshot();
    s.github = { status: 'skipped', reason: SIGNED_OUT_REASON };
    s.ticket = { id: '#12', lookup: { status: 'skipped', reason: SIGNED_OUT_REASON } };
    s.branch.unpushed = 1;
    const rows = blockerRows(s);
    assert.ok(rows.length >= 2, rows.map((r) => r.label).join(' | '));
    for (const r of rows) {
      if (/not pushed/.test(r.label)) assert.equal((r.action as { command: string }).command, 'changeControl.push');
      else assert.equal((r.action as { command: string }).command, 'changeControl.signIn', r.label);
    }
  });
});
