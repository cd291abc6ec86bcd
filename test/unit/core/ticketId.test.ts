import { strict as assert } from 'node:assert';
import { DEFAULT_TICKET_PATTERN } from '../../../src/core/policy/schema';
import { normaliseTicketId, ticketForBranch, validateTicketId } from '../../../src/core/ticketId';

describe('ticketId', () => {
  const valid: [string, string][] = [
    ['#123', '#123'],
    ['  #123 ', '#123'],
    ['123', '#123'],
    ['owner/repo#45', 'owner/repo#45'],
    ['my.org/my-repo_2#7', 'my.org/my-repo_2#7'],
    ['ABC-123', 'ABC-123'],
    ['abc-123', 'ABC-123'],
    ['A1-9', 'A1-9'],
  ];
  for (const [input, expected] of valid) {
    it(`accepts ${JSON.stringify(input)} as ${expected}`, () => {
      assert.deepEqual(normaliseTicketId(input, DEFAULT_TICKET_PATTERN), { ok: true, id: expected });
    });
  }

  const invalid = ['', '   ', '#', '#12a', 'A-1', 'ABC_123', 'ABC-', 'owner/#1', 'fix #123', '#123 extra', '../#1', '#١٢٣'];
  for (const input of invalid) {
    it(`rejects ${JSON.stringify(input)} with a message naming the expected form`, () => {
      const result = normaliseTicketId(input, DEFAULT_TICKET_PATTERN);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.message, /#123|ABC-123|Enter a change ticket/);
    });
  }

  it('anchors a custom pattern so that a ticket inside other text does not pass', () => {
    assert.equal(validateTicketId('CHG0001234', 'CHG[0-9]{7}'), undefined);
    assert.match(validateTicketId('xCHG0001234', 'CHG[0-9]{7}') ?? '', /matching \/CHG\[0-9\]\{7\}\//);
    assert.match(validateTicketId('CHG0001234|x', 'CHG[0-9]{7}|x') ?? '', /not a change ticket ID/);
  });

  it('does not turn a bare number into #N when the policy has no # form', () => {
    assert.equal(normaliseTicketId('123', '[A-Z]+-[0-9]+').ok, false);
  });

  const branchForms: [string, string][] = [
    ['#123', '123'],
    ['owner/repo#45', 'repo-45'],
    ['ABC-123', 'ABC-123'],
    ['CHG 0001/x', 'CHG-0001-x'],
    ['Ünïcode..ID', 'Unicode.ID'],
    ['-#-weird-', 'weird'],
  ];
  for (const [id, expected] of branchForms) {
    it(`puts ${id} into a branch name as ${expected}`, () => {
      assert.equal(ticketForBranch(id), expected);
    });
  }
});
