import { strict as assert } from 'node:assert';
import { planReviewers } from '../../../src/github/pullRequests';
import { formatPreflight, parsePrArgs } from '../../../src/cli/commands/pr';
import { isChangeControlError } from '../../../src/core/errors';

describe('github/pullRequests planReviewers', () => {
  it('skips the author (any case) and those already requested, splits teams, dedupes', () => {
    const plan = planReviewers(['@alice', 'Dev', 'bob', 'acme/security', 'alice', ' ', 'carol'], { author: 'dev', requested: ['Bob'] });
    assert.deepEqual(plan.users, ['alice', 'carol']);
    assert.deepEqual(plan.teams, ['security']);
    assert.deepEqual(plan.skipped, [
      { reviewer: 'Dev', reason: 'is the author and cannot review their own pull request' },
      { reviewer: 'bob', reason: 'was already requested' },
    ]);
  });

  it('plans nothing when everyone is already requested', () => {
    const plan = planReviewers(['acme/security'], { author: undefined, requested: ['acme/security'] });
    assert.deepEqual([plan.users, plan.teams], [[], []]);
  });
});

describe('cli pr arguments and pre-flight output', () => {
  it('parses flags, repeated and comma-separated reviewers, and inline values', () => {
    assert.deepEqual(parsePrArgs(['--draft', '--reviewer', 'a', '--reviewer=b,c', '--description', '-- leading dash ok', '--yes', '--remote=upstream']), {
      draft: true, reviewers: ['a', 'b', 'c'], description: '-- leading dash ok', yes: true, remote: 'upstream',
    });
    assert.deepEqual(parsePrArgs([]), { draft: false, reviewers: [], yes: false, remote: 'origin' });
  });

  it('refuses unknown flags and missing values with the usage', () => {
    for (const args of [['--force'], ['--reviewer'], ['--remote', '--yes'], ['--draft=no']]) {
      assert.throws(() => parsePrArgs(args), (err) => isChangeControlError(err, 'usage') && /usage: change-control pr/.test(err.message), args.join(' '));
    }
  });

  it('prints blockers, warnings or a ready line', () => {
    assert.equal(formatPreflight({ blockers: [], warnings: [] }), 'Pre-flight:\n  ✔ Ready: no blockers, no warnings.\n');
    assert.equal(
      formatPreflight({ blockers: [{ id: 'branch', severity: 'blocker', message: 'On main.' }], warnings: [{ id: 'upToDate', severity: 'warning', message: 'Behind.' }] }),
      'Pre-flight:\n  ✖ On main.\n  ⚠ Behind.\n',
    );
  });
});
