import assert from 'node:assert/strict';
import { applyFirstFix, context, lintRule } from '../helpers';

const required = context({ requireTicket: true });
const messages = {
  jiraSubject: 'ABC-123: Add the check',
  githubSubject: 'Add the check (#42)',
  crossRepo: 'Add the check\n\nRefs: octo/repo#7\n',
  trailer: 'Add the check\n\nRefs: ABC-9\n',
  none: 'Add the check\n\nNo reference here.\n',
  onlyInComment: 'Add the check\n# ABC-123\n',
};

describe('rule ticket-reference', () => {
  it('is silent unless the policy requires a ticket', () => {
    assert.deepEqual(lintRule('ticket-reference', messages.none), []);
  });

  for (const key of ['jiraSubject', 'githubSubject', 'crossRepo', 'trailer'] as const) {
    it(`accepts ${key}`, () => assert.deepEqual(lintRule('ticket-reference', messages[key], required), []));
  }

  for (const key of ['none', 'onlyInComment'] as const) {
    it(`reports ${key}`, () => {
      const [f] = lintRule('ticket-reference', messages[key], required);
      assert.deepEqual(f!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } });
      assert.equal(f!.fixes.length, 0, 'no fix without a branch ticket');
    });
  }

  it('uses the policy pattern', () => {
    const ctx = context({ requireTicket: true, ticketPattern: 'CHG[0-9]{7}' });
    assert.equal(lintRule('ticket-reference', messages.jiraSubject, ctx).length, 1);
    assert.equal(lintRule('ticket-reference', 'Add x\n\nCHG0012345\n', ctx).length, 0);
  });

  it('prefixes a Jira-style branch ticket', () => {
    const ctx = context({ requireTicket: true }, { branchTicket: 'ABC-123' });
    const fixed = applyFirstFix('ticket-reference', messages.none, ctx);
    assert.equal(fixed, 'ABC-123: Add the check\n\nNo reference here.\n');
    assert.deepEqual(lintRule('ticket-reference', fixed, ctx), []);
    assert.deepEqual(lintRule('present-tense', fixed, ctx), []);
  });

  it('appends a GitHub issue branch ticket', () => {
    const ctx = context({ requireTicket: true }, { branchTicket: '#42' });
    assert.equal(applyFirstFix('ticket-reference', 'Add the check  \n', ctx), 'Add the check (#42)  \n');
  });
});
