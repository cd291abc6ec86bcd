import assert from 'node:assert/strict';
import { parsePolicy } from '../../../src/core/policy/parsePolicy';
import { defaultPolicy } from '../../../src/core/policy/schema';
import { POLICY_SCHEMA_URL, initialPolicyText } from '../../../src/extension/policy/initialPolicy';

describe('a new policy file', () => {
  it('is valid, references the schema and spells out the defaults', () => {
    const text = initialPolicyText();
    const { policy, problems } = parsePolicy(text);
    assert.deepEqual(problems, []);
    assert.equal(policy.$schema, POLICY_SCHEMA_URL);
    const { $schema: _schema, ...rest } = policy;
    assert.deepEqual(rest, defaultPolicy());
    assert.match(text, /"subjectMaxLength": 72/);
    assert.ok(text.endsWith('}\n'));
  });
});
