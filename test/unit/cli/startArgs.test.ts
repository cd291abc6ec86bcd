import { strict as assert } from 'node:assert';
import { parseLinkTicketArgs } from '../../../src/cli/commands/linkTicket';
import { flagAsker, parseStartArgs } from '../../../src/cli/commands/start';
import { isChangeControlError } from '../../../src/core/errors';

describe('start and link-ticket arguments', () => {
  it('reads every flag of start, in either --flag value or --flag=value form', () => {
    const args = parseStartArgs(['--ticket', '#1', '--description=Fix it', '--defect', '--carry-changes', '--switch-existing', '--local-base', '--base', 'develop', '--remote=upstream']);
    assert.deepEqual(args.input, { ticket: '#1', description: 'Fix it', kind: 'defect', base: 'develop', remote: 'upstream' });
    assert.deepEqual([...args.yes].sort(), ['carryChanges', 'localBase', 'switchExisting']);
  });

  it('defaults to a feature and answers nothing', () => {
    const args = parseStartArgs(['--ticket', 'ABC-1', '--description', 'x']);
    assert.equal(args.input.kind, 'feature');
    assert.equal(args.yes.size, 0);
  });

  const bad: [string[], RegExp][] = [
    [['--description', 'x'], /--ticket is required/],
    [['--ticket', '#1'], /--description is required/],
    [['--ticket', '#1', '--description', '  '], /--description is required/],
    [['--ticket', '--description', 'x'], /--ticket needs a value/],
    [['--ticket', '#1', '--description', 'x', '--force'], /unknown option "--force"/],
    [['--ticket', '#1', '--description', 'x', '--defect=yes'], /--defect takes no value/],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${argv.join(' ')} as a usage error`, () => {
      assert.throws(() => parseStartArgs(argv), (err: unknown) => isChangeControlError(err, 'usage') && message.test(err.message));
    });
  }

  it('answers a question only when its flag was given, else names the flag', async () => {
    const question = { id: 'carryChanges' as const, message: 'You have uncommitted changes in 1 file.', confirm: 'Carry' };
    assert.equal(await flagAsker(new Set(['carryChanges']))(question), true);
    await assert.rejects(flagAsker(new Set())(question), (err: unknown) => isChangeControlError(err, 'usage') && /Nothing was changed.*--carry-changes/.test(err.message));
  });

  it('reads link-ticket arguments', () => {
    assert.deepEqual(parseLinkTicketArgs(['#5']), { ticket: '#5' });
    assert.deepEqual(parseLinkTicketArgs(['#5', '--branch', 'topic']), { ticket: '#5', branch: 'topic' });
    assert.throws(() => parseLinkTicketArgs([]), /give the ticket ID/);
    assert.throws(() => parseLinkTicketArgs(['#1', '#2']), /only one ticket ID/);
  });
});
