import { strict as assert } from 'node:assert';
import { buildChangeTree, renderChangeTreeText } from '../../../../src/core/changeTree';
import { auditView } from '../../../../src/core/evidence/findings';
import type { ChangeEvidence } from '../../../../src/core/evidence/schema';
import { defaultPolicy } from '../../../../src/core/policy/schema';
import { preflightView } from '../../../../src/core/pullRequest';
import { gateView } from '../../../../src/core/readiness';
import { known, unknown } from '../../../../src/core/rules/facts';
import { judgeApprover, type ApprovalLabelEvent } from '../../../../src/core/ticketApprover';
import { readySnapshot } from '../changeSnapshotFixture';

const ev = (action: 'labeled' | 'unlabeled', actor: string, minute: number, extra: Partial<ApprovalLabelEvent> = {}): ApprovalLabelEvent =>
  ({ action, label: 'Approved', actor, at: `2026-11-23T09:${String(minute).padStart(2, '0')}:00Z`, ...extra });

/** A fake team port: `acme/leads` has cto-delegate; `acme/secret` cannot be read. */
const teams = async (org: string, team: string, login: string): Promise<boolean> => {
  if (team === 'secret') throw new Error('Resource not accessible by integration');
  return org === 'acme' && team === 'leads' && login === 'cto-delegate';
};

describe('core/ticketApprover judgeApprover', () => {
  it('judges the actor who applied the label last, logins case-insensitively', async () => {
    const events = [ev('labeled', 'CTO', 1), ev('unlabeled', 'dana-dev', 2), ev('labeled', 'dana-dev', 3)];
    assert.deepEqual(await judgeApprover(events, 'approved', ['cto'], teams), known({ login: 'dana-dev', at: '2026-11-23T09:03:00Z', app: null, isApprover: false }));
    assert.deepEqual(await judgeApprover(events.slice(0, 1), 'Approved', ['cto'], teams), known({ login: 'CTO', at: '2026-11-23T09:01:00Z', app: null, isApprover: true }));
    assert.equal(await judgeApprover(events.slice(0, 2), 'Approved', ['cto'], teams), undefined, 'label removed: nothing to judge');
  });

  it('asks team membership for org/team entries', async () => {
    assert.equal((await judgeApprover([ev('labeled', 'cto-delegate', 1)], 'Approved', ['cto', 'acme/leads'], teams))?.state, 'known');
    const outsider = await judgeApprover([ev('labeled', 'dana-dev', 1)], 'Approved', ['acme/leads'], teams);
    assert.ok(outsider?.state === 'known' && !outsider.value.isApprover);
  });

  it('fails closed, saying why, when a team cannot be read', async () => {
    const r = await judgeApprover([ev('labeled', 'dana-dev', 1)], 'Approved', ['acme/secret'], teams);
    assert.deepEqual(r, unknown('could not read the membership of dana-dev in acme/secret (Resource not accessible by integration); the token needs read:org'));
  });

  it('names an app-applied label as such', async () => {
    const bot = await judgeApprover([ev('labeled', 'triage-bot[bot]', 1, { actorType: 'Bot', app: 'Triage' })], 'Approved', ['cto'], teams);
    assert.ok(bot?.state === 'known');
    assert.equal(bot.value.app, 'Triage');
    const s = readySnapshot();
    s.policy.tracker.approvers = ['cto'];
    s.ticket.approver = { ...bot.value };
    assert.deepEqual(gateView(s).readiness.blockers, ['ticket #12 approved by the app Triage (triage-bot[bot]), who is not an approver']);
  });
});

describe('core/rules ticket-approver', () => {
  function snapshot(approver: NonNullable<ReturnType<typeof readySnapshot>['ticket']['approver']> | undefined) {
    const s = readySnapshot();
    s.policy.tracker.approvers = ['cto'];
    if (approver) s.ticket.approver = approver;
    return s;
  }

  it('gate and view: "ticket #12 approved by dana-dev, who is not an approver"', () => {
    const s = snapshot({ login: 'dana-dev', at: '2026-11-23T09:00:00Z', app: null, isApprover: false });
    const { readiness } = gateView(s);
    assert.deepEqual(readiness.blockers, ['ticket #12 approved by dana-dev, who is not an approver']);
    assert.match(renderChangeTreeText(buildChangeTree(s, readiness)), /Approval — approved by dana-dev, who is not an approver/);
    s.ticket.approver = { login: 'cto', at: '2026-11-23T09:05:00Z', app: null, isApprover: true };
    assert.deepEqual(gateView(s).readiness.blockers, []);
  });

  it('fails closed when the approver could not be read, or was not read', () => {
    assert.deepEqual(gateView(snapshot({ status: 'error', reason: 'GitHub is down' })).readiness.blockers, ['ticket #12 approver not checked: GitHub is down']);
    assert.deepEqual(gateView(snapshot(undefined)).readiness.blockers, ['ticket #12 approver not checked: its label events were not read']);
  });

  it('without approvers, today\'s behaviour stays', () => {
    const s = readySnapshot();
    s.ticket.approver = { login: 'dana-dev', at: '2026-11-23T09:00:00Z', app: null, isApprover: false };
    assert.deepEqual(gateView(s).readiness.blockers, []);
  });

  it('pre-flight blocks a non-approver\'s label', () => {
    const policy = defaultPolicy();
    policy.tracker.approvers = ['cto'];
    const ticket = { id: '#12', title: 'X', state: 'open' as const, assignees: [], labels: ['Approved'], approved: true };
    const r = preflightView({ policy, branch: 'feature/12-x', ticketId: '#12', ticket, commits: [], lint: () => [], tests: undefined, behindBase: 0,
      ticketApprover: known({ login: 'dana-dev', at: '2026-11-23T09:00:00Z', app: null, isApprover: false }) });
    assert.deepEqual(r.preflight.blockers.find((b) => b.id === 'approval')?.message, 'Ticket #12 approved by dana-dev, who is not an approver. Ask an approver to apply the label.');
  });

  it('evidence: ticket-approved-by-non-approver with actor and time, or not verifiable', () => {
    const ticket: NonNullable<ChangeEvidence['ticket']> = {
      id: '#3', title: 'T', url: null, state: 'open', approved: true, approvedBy: 'dana-dev', approvedAt: '2026-01-01T09:00:00Z', labelEvents: [], approvedVia: null, approvedByApprover: false,
    };
    const change: Omit<ChangeEvidence, 'findings'> = {
      kind: 'pull-request', label: 'PR #7', ticketId: '#3', ticket, branch: { head: 'feature/3-x', base: 'main' }, commits: [], tests: null, pullRequest: null, merge: null,
      ticketBackLink: { present: true, url: null, at: null },
    };
    const policy = { requiredApprovals: 0, allowSelfApproval: false, requireTests: false, approvers: ['cto'] };
    const finding = auditView(change, policy).findings.find((f) => f.id === 'ticket-approved-by-non-approver');
    assert.deepEqual(finding?.evidence, ['dana-dev applied the approval label at 2026-01-01T09:00:00Z', 'approvers: cto']);
    const unread = auditView({ ...change, ticket: { ...ticket, approvedByApprover: null, approverUnknown: 'no read:org' } }, policy);
    assert.deepEqual(unread.notVerifiable.filter((n) => n.rule === 'ticket-approver'), [{ rule: 'ticket-approver', reason: 'ticket #3: no read:org' }]);
  });
});
