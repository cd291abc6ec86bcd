import { strict as assert } from 'node:assert';
import { MAX_POLICY_BYTES, MAX_POLICY_PROBLEMS, isPolicyInvalid, parsePolicy, parsePolicyValue } from '../../../../src/core/policy/parsePolicy';
import { defaultPolicy } from '../../../../src/core/policy/schema';

// A policy file is untrusted input: these are the shapes an attacker (or an
// unlucky editor) produces. Each bad key falls back alone and is reported once.

const REPRO = '{"review":{"requiredApprovals":3},"tests":{"conventions":[{"id":"x","sources":["**/*.ts"]}]}}';
const GOOD_CONVENTION = { id: 'ts', sources: ['src/**/*.ts'], tests: ['test/{path}/{name}.test.ts'], fallback: false };

describe('policy/parsePolicy on hostile input', () => {
  describe('one bad entry', () => {
    it('keeps every other key: a convention without tests is dropped, requiredApprovals stays 3', () => {
      const { policy, problems } = parsePolicy(REPRO);
      assert.equal(policy.review.requiredApprovals, 3);
      assert.deepEqual(policy.tests.conventions, []);
      assert.equal(problems.length, 1, problems.map((p) => p.message).join('\n'));
      assert.deepEqual(problems[0]!.path, ['tests', 'conventions', 0, 'tests']);
      assert.match(problems[0]!.message, /"tests\.conventions\.0\.tests".*missing.*The entry "tests\.conventions\.0" is ignored/);
      assert.equal(REPRO.slice(problems[0]!.offset, problems[0]!.offset + problems[0]!.length), '{"id":"x","sources":["**/*.ts"]}');
      assert.equal(problems[0]!.column, REPRO.indexOf('{"id"') + 1);
    });

    it('drops only the bad entries of a list and keeps the good ones in order', () => {
      const text = JSON.stringify({
        tests: {
          conventions: [GOOD_CONVENTION, { id: 'bad', sources: [''], tests: ['x'] }, { ...GOOD_CONVENTION, id: 'second' }],
          exempt: ['docs/**', '', 'gen/**'],
        },
      });
      const { policy, problems } = parsePolicy(text);
      assert.deepEqual(policy.tests.conventions.map((c) => c.id), ['ts', 'second']);
      assert.deepEqual(policy.tests.exempt, ['docs/**', 'gen/**']);
      assert.deepEqual(problems.map((p) => p.path), [['tests', 'conventions', 1, 'sources', 0], ['tests', 'exempt', 1]]);
    });

    it('falls back only the bad key inside an entry that has a default', () => {
      const text = JSON.stringify({ tests: { conventions: [{ ...GOOD_CONVENTION, fallback: 'yes' }] }, review: { requiredApprovals: 2 } });
      const { policy, problems } = parsePolicy(text);
      assert.deepEqual(policy.tests.conventions, [GOOD_CONVENTION]);
      assert.equal(policy.review.requiredApprovals, 2);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!.message, /The default is used instead/);
    });

    it('reports each of many bad entries exactly once, in file order', () => {
      const entries = Array.from({ length: 60 }, () => '{"id":"x","sources":["**/*.ts"]}').join(',\n');
      const text = `{"review":{"requiredApprovals":3},"tests":{"conventions":[\n${entries}\n]},"branch":{"base":""}}`;
      const { policy, problems } = parsePolicy(text);
      assert.equal(policy.review.requiredApprovals, 3);
      assert.equal(policy.branch.base, 'main');
      assert.equal(problems.length, 61);
      assert.equal(new Set(problems.map((p) => JSON.stringify(p.path))).size, 61);
      assert.deepEqual(problems.map((p) => p.line), [...Array.from({ length: 60 }, (_, i) => i + 2), 62]);
    });

    it('lists at most MAX_POLICY_PROBLEMS problems and says how many more there are', () => {
      const n = MAX_POLICY_PROBLEMS + 5;
      const text = JSON.stringify({ tests: { exempt: Array.from({ length: n }, () => '') } });
      const { problems } = parsePolicy(text);
      assert.equal(problems.length, MAX_POLICY_PROBLEMS + 1);
      assert.match(problems[MAX_POLICY_PROBLEMS]!.message, /^5 more problems not listed/);
    });
  });

  describe('telling a gate the policy is invalid', () => {
    it('is valid for an empty and a clean policy, invalid with any problem', () => {
      assert.equal(isPolicyInvalid(parsePolicy('{}')), false);
      assert.equal(isPolicyInvalid(parsePolicy('{ "review": { "requiredApprovals": 2 } }')), false);
      assert.equal(isPolicyInvalid(parsePolicy(REPRO)), true);
      assert.equal(isPolicyInvalid(parsePolicy('{')), true);
    });
  });

  describe('size and nesting', () => {
    it('refuses a file over 1 MB with one clear problem', () => {
      const text = `{"$schema":"${'a'.repeat(MAX_POLICY_BYTES)}"}`;
      const { policy, problems } = parsePolicy(text);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!.message, /larger than 1048576 bytes \(1 MB\)/);
      assert.deepEqual(policy, defaultPolicy());
    });

    it('counts the limit in UTF-8 bytes, and accepts a file just under it', () => {
      const under = `{"$schema":"${'a'.repeat(MAX_POLICY_BYTES - 20)}"}`;
      assert.deepEqual(parsePolicy(under).problems, []);
      const wide = `{"$schema":"${'é'.repeat(MAX_POLICY_BYTES / 2)}"}`; // 2 bytes each: over the limit
      assert.ok(wide.length < MAX_POLICY_BYTES);
      assert.match(parsePolicy(wide).problems[0]!.message, /larger than/);
    });

    it('reports 100,000 nested lists as a problem instead of overflowing the stack', () => {
      const depth = 100_000;
      const text = `{"tests":{"exempt":${'['.repeat(depth)}${']'.repeat(depth)}},"review":{"requiredApprovals":2}}`;
      const { policy, problems } = parsePolicy(text);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!.message, /nests deeper than 32 levels/);
      assert.equal(problems[0]!.column, 1 + text.indexOf('[') + 30, 'at the first bracket past the limit');
      assert.deepEqual(policy, defaultPolicy());
    });

    it('is not fooled by mismatched closes, which the parser skips while staying nested', () => {
      const text = `{"tests":${'[},'.repeat(50_000)}`;
      const { policy, problems } = parsePolicy(text);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!.message, /nests deeper than 32 levels/);
      assert.deepEqual(policy, defaultPolicy());
    });

    it('does not count brackets inside strings or comments as nesting', () => {
      const text = `// ${'['.repeat(100)}\n{"$schema":"${'{'.repeat(1000)}","review":{"requiredApprovals":2}}`;
      const { policy, problems } = parsePolicy(text);
      assert.deepEqual(problems, []);
      assert.equal(policy.review.requiredApprovals, 2);
    });

    it('reports a deeply nested settings value instead of overflowing the stack', () => {
      let value: unknown = [];
      for (let i = 0; i < 100_000; i++) value = [value];
      const { problems } = parsePolicyValue({ tests: { exempt: value } });
      assert.equal(problems.length, 1);
      assert.match(problems[0]!.message, /nests deeper/);
    });
  });

  describe('byte order mark', () => {
    it('accepts a UTF-8 BOM and keeps offsets in the given text', () => {
      const text = '\uFEFF{\n  "review": { "requiredApprovals": 3 },\n  "commit": { "subjectMaxLength": "x" }\n}';
      const { policy, problems } = parsePolicy(text);
      assert.equal(policy.review.requiredApprovals, 3);
      assert.equal(problems.length, 1);
      assert.equal(text.slice(problems[0]!.offset, problems[0]!.offset + problems[0]!.length), '"subjectMaxLength"');
      assert.equal(problems[0]!.line, 3);
    });

    it('does not count the BOM as a column of the first line', () => {
      const { problems } = parsePolicy('\uFEFF{"commit":1}');
      assert.equal(problems[0]!.column, 2, 'the key "commit" is the second visible character');
    });
  });

  describe('__proto__, constructor and prototype', () => {
    it('reports __proto__ as an unknown key instead of reading values through it', () => {
      const { policy, problems } = parsePolicy('{"review":{"__proto__":{"requiredApprovals":0}}}');
      assert.equal(policy.review.requiredApprovals, 1, 'the default, not the 0 hidden in __proto__');
      assert.deepEqual(problems.map((p) => p.path), [['review', '__proto__']]);
      assert.match(problems[0]!.message, /Unknown key "__proto__" in "review"/);
    });

    it('reports top-level __proto__, constructor and prototype, each at its key', () => {
      const text = '{"__proto__":{"review":{"requiredApprovals":0}},"constructor":{},"review":{"prototype":0}}';
      const { policy, problems } = parsePolicy(text);
      assert.equal(policy.review.requiredApprovals, 1);
      assert.deepEqual(problems.map((p) => p.path), [['__proto__'], ['constructor'], ['review', 'prototype']]);
      for (const p of problems) assert.equal(text.slice(p.offset, p.offset + p.length), `"${p.path[p.path.length - 1]}"`);
    });

    it('pollutes no prototype, and the policy has ordinary objects', () => {
      const { policy } = parsePolicy('{"__proto__":{"polluted":1},"commit":{"__proto__":{"polluted":2}},"tests":{"conventions":[{"__proto__":{"polluted":3}}]}}');
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.getPrototypeOf(policy), Object.prototype);
      assert.equal(Object.getPrototypeOf(policy.commit), Object.prototype);
      assert.equal((policy.commit as unknown as Record<string, unknown>).polluted, undefined);
    });

    it('treats an own __proto__ key of a settings value as unknown too', () => {
      const value = JSON.parse('{"review":{"__proto__":{"requiredApprovals":0}}}') as unknown;
      const { policy, problems } = parsePolicyValue(value);
      assert.equal(policy.review.requiredApprovals, 1);
      assert.deepEqual(problems.map((p) => p.path), [['review', '__proto__']]);
    });
  });

  it('shows a hostile key in a message escaped and cut short', () => {
    const long = 'k'.repeat(10_000);
    const text = JSON.stringify({ review: { '\u001b[2J\u202eevil': 1, [long]: 2 } });
    const { problems } = parsePolicy(text);
    assert.equal(problems.length, 2);
    assert.match(problems[0]!.message, /^Unknown key "\\u001b\[2J\\u202eevil" in "review"/);
    for (const p of problems) assert.doesNotMatch(p.message, /[\u0000-\u001f\u202e]/);
    assert.ok(problems[1]!.message.length < 120, problems[1]!.message);
  });

  it('reports a duplicate key, where the value that applies is hidden from a reader', () => {
    const text = '{"review":{\n"requiredApprovals":3,\n"requiredApprovals":0}}';
    const { policy, problems } = parsePolicy(text);
    assert.equal(policy.review.requiredApprovals, 0, 'the last one applies, as in JSON.parse');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 3);
    assert.match(problems[0]!.message, /Duplicate key "requiredApprovals"/);
    assert.equal(isPolicyInvalid({ problems }), true);
  });
});
