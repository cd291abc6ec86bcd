import { strict as assert } from 'node:assert';
import { defaultPolicy, type Policy } from '../../../src/core/policy/schema';
import type { Ticket } from '../../../src/core/ports';
import { judgeTicket } from '../../../src/core/ticketChoice';

describe('judgeTicket', () => {
  const ticket = (over: Partial<Ticket> = {}): Ticket => ({ id: '#7', title: 'Fix login', state: 'open', assignees: [], labels: ['Approved'], approved: true, ...over });
  const tracker = (over: Partial<Policy['tracker']> = {}): Policy['tracker'] => ({ ...defaultPolicy().tracker, ...over });
  const where = 'GitHub issues in acme/app';

  it('accepts an open, approved ticket', () => {
    assert.deepEqual(judgeTicket('#7', { kind: 'found', ticket: ticket() }, tracker(), where), { verdict: 'ok' });
  });

  it('refuses a closed ticket, even an approved one', () => {
    const v = judgeTicket('#7', { kind: 'found', ticket: ticket({ state: 'closed' }) }, tracker(), where);
    assert.equal(v.verdict, 'refuse');
    assert.ok(v.verdict === 'refuse' && v.code === 'ticket.closed' && v.message.includes('#7 is closed'));
  });

  it('refuses a ticket the tracker does not know, naming the tracker', () => {
    const v = judgeTicket('#99', { kind: 'notFound' }, tracker(), where);
    assert.ok(v.verdict === 'refuse' && v.code === 'ticket.notFound');
    assert.match(v.message, /#99 does not exist in GitHub issues in acme\/app/);
  });

  it('warns about an unapproved ticket when the policy requires approval, naming the label', () => {
    const v = judgeTicket('#7', { kind: 'found', ticket: ticket({ approved: false, labels: [] }) }, tracker({ approvalLabel: 'CAB-approved' }), where);
    assert.ok(v.verdict === 'warn');
    assert.match(v.message, /#7 is not approved yet \(no "CAB-approved" label\)/);
  });

  it('does not warn about an unapproved ticket when the policy does not require approval', () => {
    const v = judgeTicket('#7', { kind: 'found', ticket: ticket({ approved: false, labels: [] }) }, tracker({ requireApproval: false }), where);
    assert.deepEqual(v, { verdict: 'ok' });
  });

  it('leaves the choice to the user when the tracker could not be asked', () => {
    const v = judgeTicket('#7', { kind: 'failed', reason: 'no network' }, tracker(), where);
    assert.ok(v.verdict === 'warn');
    assert.match(v.message, /Could not check ticket #7 in GitHub issues in acme\/app: no network/);
  });
});
