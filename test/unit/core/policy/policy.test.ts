import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { policyJsonSchema } from '../../../../src/core/policy/jsonSchema';
import { parsePolicy, parsePolicyValue } from '../../../../src/core/policy/parsePolicy';
import { defaultPolicy } from '../../../../src/core/policy/schema';
import { applyOverrides } from '../../../../src/core/policy/effectivePolicy';

describe('policy', () => {
  it('the committed JSON Schema is the one generated from the zod schema (no drift)', () => {
    const committed = JSON.parse(readFileSync('schemas/change-control.schema.json', 'utf8'));
    assert.deepEqual(committed, policyJsonSchema(), 'run `npm run gen:schema` and commit the result');
  });

  it('the manifest contributes that schema for .github/change-control.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation, [
      { fileMatch: '.github/change-control.json', url: './schemas/change-control.schema.json' },
    ]);
  });

  it('applies defaults when keys are absent', () => {
    const { policy, problems } = parsePolicy('{}');
    assert.deepEqual(problems, []);
    assert.deepEqual(policy, defaultPolicy());
    assert.equal(policy.commit.subjectMaxLength, 72);
    assert.equal(policy.branch.base, 'main');
    assert.equal(policy.tracker.approvalLabel, 'Approved');
    assert.equal(policy.review.requiredApprovals, 1);
  });

  it('keeps valid values and locates a wrong type at its key', () => {
    const text = '{\n  "commit": { "subjectMaxLength": "50" },\n  "review": { "requiredApprovals": 2 }\n}';
    const { policy, problems } = parsePolicy(text);
    assert.equal(policy.review.requiredApprovals, 2);
    assert.equal(policy.commit.subjectMaxLength, 72, 'bad value falls back to the default');
    assert.equal(problems.length, 1);
    const [p] = problems;
    assert.deepEqual(p!.path, ['commit', 'subjectMaxLength']);
    assert.equal(text.slice(p!.offset, p!.offset + p!.length), '"subjectMaxLength"');
    assert.equal(p!.line, 2);
    assert.match(p!.message, /expected number/);
  });

  it('reports an unknown key where it stands, and ignores it', () => {
    const text = '{ "commit": { "subjectMaxLenght": 50 } }';
    const { policy, problems } = parsePolicy(text);
    assert.equal(policy.commit.subjectMaxLength, 72);
    assert.equal(problems.length, 1);
    assert.equal(text.slice(problems[0]!.offset, problems[0]!.offset + problems[0]!.length), '"subjectMaxLenght"');
    assert.match(problems[0]!.message, /Unknown key "subjectMaxLenght" in "commit"/);
  });

  it('reports bad JSON with a position and falls back to defaults', () => {
    const { policy, problems } = parsePolicy('{ "commit": { "subjectMaxLength": 50, } ');
    assert.ok(problems.length >= 1);
    assert.match(problems[0]!.message, /JSON syntax error/);
    assert.equal(problems[0]!.line, 1);
    assert.deepEqual(policy, defaultPolicy());
  });

  it('rejects an invalid regular expression as the ticket pattern', () => {
    const { policy, problems } = parsePolicy('{ "commit": { "ticketPattern": "([A-Z" } }');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /valid regular expression/);
    assert.equal(policy.commit.ticketPattern, defaultPolicy().commit.ticketPattern);
  });

  it('rejects a non-object document', () => {
    assert.match(parsePolicy('[1]').problems[0]!.message, /JSON object/);
    assert.match(parsePolicyValue(42).problems[0]!.message, /JSON object/);
  });

  it('settings only tighten the policy', () => {
    const base = defaultPolicy();
    const tighter = applyOverrides(base, { subjectMaxLength: 50, requireTicket: true, requiredApprovals: 2 });
    assert.equal(tighter.policy.commit.subjectMaxLength, 50);
    assert.equal(tighter.policy.commit.requireTicket, true);
    assert.equal(tighter.policy.review.requiredApprovals, 2);
    assert.deepEqual(tighter.ignored, []);
    const looser = applyOverrides(base, { subjectMaxLength: 100, presentTense: false, requiredApprovals: 0 });
    assert.equal(looser.policy.commit.subjectMaxLength, 72);
    assert.equal(looser.policy.commit.presentTense, true);
    assert.equal(looser.policy.review.requiredApprovals, 1);
    assert.equal(looser.ignored.length, 3);
  });
});
