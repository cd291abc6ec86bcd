import assert from 'node:assert/strict';
import { lintMessage } from '../../../../src/core/commitMessage/lint';
import { describeWithheld, withoutRepositoryPatterns } from '../../../../src/core/patterns/restrictedPolicy';
import { parsePolicy } from '../../../../src/core/policy/parsePolicy';
import { DEFAULT_TICKET_PATTERN, defaultPolicy } from '../../../../src/core/policy/schema';

describe('policy in Restricted Mode', () => {
  it('withholds the repository ticket pattern and globs, keeping every other key', () => {
    const { policy } = parsePolicy(
      JSON.stringify({
        commit: { requireTicket: true, ticketPattern: '([\\s\\S]+)+Z', subjectMaxLength: 50 },
        tests: { exempt: ['docs/**'], testGlobs: ['qa/**'], otherGlobs: ['gen/**'], conventions: [{ id: 'x', sources: ['**/*.ts'], tests: ['{dir}/{name}.t.ts'] }] },
      }),
    );
    const restricted = withoutRepositoryPatterns(policy);
    assert.deepEqual(restricted.withheld, ['commit.ticketPattern', 'tests.conventions', 'tests.testGlobs', 'tests.otherGlobs', 'tests.exempt']);
    assert.equal(restricted.policy.commit.ticketPattern, DEFAULT_TICKET_PATTERN);
    assert.equal(restricted.policy.commit.requireTicket, true);
    assert.equal(restricted.policy.commit.subjectMaxLength, 50);
    assert.deepEqual([restricted.policy.tests.exempt, restricted.policy.tests.conventions], [[], []]);
    assert.equal(policy.commit.ticketPattern, '([\\s\\S]+)+Z', 'the input is not changed');
    assert.match(describeWithheld(restricted.withheld) ?? '', /^Restricted Mode: the repository's commit\.ticketPattern, .* are not run; the defaults apply/);
  });

  it('withholds nothing from a policy without patterns', () => {
    const restricted = withoutRepositoryPatterns(defaultPolicy());
    assert.deepEqual(restricted.withheld, []);
    assert.equal(describeWithheld(restricted.withheld), undefined);
  });

  it('says on the ticket-reference finding that the default pattern applied', () => {
    const policy = { ...defaultPolicy(), commit: { ...defaultPolicy().commit, requireTicket: true } };
    const [plain] = lintMessage('Add x\n', { policy }).filter((f) => f.ruleId === 'ticket-reference');
    const [noted] = lintMessage('Add x\n', { policy, ticketPatternWithheld: true }).filter((f) => f.ruleId === 'ticket-reference');
    assert.doesNotMatch(plain?.message ?? '', /Restricted Mode/);
    assert.match(noted?.message ?? '', /Restricted Mode: the default ticket pattern applies/);
  });
});
