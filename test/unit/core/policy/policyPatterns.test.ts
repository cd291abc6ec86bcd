import assert from 'node:assert/strict';
import { lintMessage } from '../../../../src/core/commitMessage/lint';
import { parsePolicy } from '../../../../src/core/policy/parsePolicy';
import { DEFAULT_TICKET_PATTERN } from '../../../../src/core/policy/schema';
import { checkTests } from '../../../../src/core/testMatching/checkTests';

function policyText(commit: object, tests: object = {}): string {
  return `{\n  "commit": ${JSON.stringify(commit)},\n  "tests": ${JSON.stringify(tests)}\n}`;
}

describe('repository patterns in the policy', () => {
  it('keep a catastrophic ticket pattern, which runs in linear time, and lint quickly with it', () => {
    const { policy, problems } = parsePolicy(policyText({ requireTicket: true, ticketPattern: '([\\s\\S]+)+Z' }));
    assert.deepEqual(problems, []);
    const started = performance.now();
    // V8's backtracking engine took longer than 20 s on this message; the bound only proves no such growth.
    const findings = lintMessage(`Add the retry\n\n${'x'.repeat(50_000)}\n`, { policy });
    assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
    assert.ok(findings.some((f) => f.ruleId === 'ticket-reference'));
  });

  it('refuse a backreference at its key with line and column, and apply the default pattern', () => {
    const text = policyText({ requireTicket: true, ticketPattern: '(A+)+\\1' });
    const { policy, problems } = parsePolicy(text);
    assert.equal(problems.length, 1);
    const [p] = problems;
    assert.deepEqual(p!.path, ['commit', 'ticketPattern']);
    assert.equal(text.slice(p!.offset, p!.offset + p!.length), '"ticketPattern"');
    assert.deepEqual([p!.line, p!.column], [2, 35]);
    assert.match(p!.message, /"commit\.ticketPattern": uses a backreference .*linear time.*The default is used instead/);
    assert.equal(policy.commit.ticketPattern, DEFAULT_TICKET_PATTERN);
    assert.equal(policy.commit.requireTicket, true);
  });

  it('refuse a lookahead with a clear message', () => {
    const { problems } = parsePolicy(policyText({ ticketPattern: '(?=[A-Z])[A-Z]+-\\d+' }));
    assert.match(problems[0]!.message, /lookahead or lookbehind/);
  });

  it('refuse an unsupported glob at its key and keep the other keys', () => {
    const text = policyText({}, { exempt: ['src/{1..9}.ts'], requireTests: false });
    const { policy, problems } = parsePolicy(text);
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0]!.path.slice(0, 2), ['tests', 'exempt']);
    assert.match(problems[0]!.message, /"src\/\{1\.\.9\}\.ts" uses a brace range/);
    assert.deepEqual(policy.tests.exempt, []);
    assert.equal(policy.tests.requireTests, false);
  });

  it('check tests quickly with the hostile exempt glob on a long file name', function () {
    this.timeout(10_000);
    const { policy, problems } = parsePolicy(policyText({}, { exempt: ['src/*a*a*a*a*a*a*a*a*b.ts'] }));
    assert.deepEqual(problems, []);
    const path = `src/${'a'.repeat(20_000)}.ts`;
    const started = performance.now();
    const result = checkTests({ base: 'HEAD', policy: policy.tests, tree: [path], changes: [{ path, status: 'added' }] });
    assert.ok(performance.now() - started < 3000, `took ${Math.round(performance.now() - started)} ms`);
    assert.equal(result.sources[0]?.verdict, 'missing');
  });
});
