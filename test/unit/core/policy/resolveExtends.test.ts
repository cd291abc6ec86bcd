/**
 * Following `extends` with fake readers: the farthest policy sets the base,
 * the nearer one may only tighten it on the keys it sets, a cycle or an
 * over-long chain stops with a located problem at `extends`, an unreadable
 * policy leaves the repository's own with a problem, and each value's
 * origin is recorded. Also the reference syntax and the governing rule.
 */
import { strict as assert } from 'node:assert';
import { parseExtendsRef } from '../../../../src/core/policy/extendsRef';
import { explainPolicy } from '../../../../src/core/policy/explainPolicy';
import { governPolicy } from '../../../../src/core/policy/governingPolicy';
import { parsePolicy } from '../../../../src/core/policy/parsePolicy';
import { resolvePolicyChain, type ExtendsReader } from '../../../../src/core/policy/resolveExtends';

const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

function reader(files: Record<string, unknown>, calls: string[] = []): ExtendsReader {
  return async (ref) => {
    const key = ref.kind === 'repository' ? ref.path : ref.kind === 'npm' ? `npm:${ref.name}@${ref.version}${ref.file ? `/${ref.file}` : ''}` : `${ref.owner}/${ref.repo}/${ref.path}@${ref.ref}`;
    calls.push(key);
    const v = files[key];
    return v === undefined ? { ok: false, reason: `${key} does not exist.` } : { ok: true, label: `file:${key}`, text: typeof v === 'string' ? v : json(v) };
  };
}

const own = (v: unknown) => ({ label: 'repo.json', text: json(v) });

describe('extends: references', () => {
  const table: [string, string | RegExp][] = [
    ['policies/base.json', 'repository'],
    ['./policies/base.json', 'repository'],
    ['npm:@acme/policy@1.2.3', 'npm'],
    ['npm:acme-policy@10.0.0-rc.1', 'npm'],
    ['acme/policies/base.json@v3', 'github'],
    ['npm:@acme/policy', /exact version/],
    ['npm:@acme/policy@^1.2.0', /exact version/],
    ['../outside.json', /must not contain/],
    ['/etc/passwd.json', /relative path/],
    ['policies/base.yaml', /not a \.json file/],
    ['acme/policies/base.json@', /must be a repository path/],
    ['acme/policies/base.json@../x', /not a branch/],
  ];
  for (const [text, want] of table) {
    it(`${text} → ${String(want)}`, () => {
      const r = parseExtendsRef(text);
      if (typeof want === 'string') assert.equal('kind' in r ? r.kind : r.problem, want);
      else assert.match('problem' in r ? r.problem : 'ok', want);
    });
  }

  it('an invalid extends is a located problem of the policy file', () => {
    const text = json({ extends: 'npm:@acme/policy' });
    const parsed = parsePolicy(text);
    assert.equal(parsed.problems.length, 1);
    assert.deepEqual(parsed.problems[0]!.path, ['extends']);
    assert.equal(parsed.problems[0]!.line, 2);
    assert.equal(parsed.policy.extends, undefined);
  });
});

describe('extends: resolution and combine', () => {
  it('the extended policy is the base; the repository tightens only the keys it sets', async () => {
    const r = await resolvePolicyChain(own({ extends: 'org.json', commit: { subjectMaxLength: 60 }, review: { requiredApprovals: 0 } }),
      reader({ 'org.json': { review: { requiredApprovals: 2 }, commit: { requireTicket: true, subjectMaxLength: 50 }, tests: { exempt: ['docs/**'] } } }));
    assert.deepEqual(r.problems, []);
    assert.equal(r.policy.review.requiredApprovals, 2, 'a lower number is refused');
    assert.equal(r.policy.commit.subjectMaxLength, 50, 'a longer limit is refused');
    assert.equal(r.policy.commit.requireTicket, true, 'a key the repository leaves out keeps the extended value');
    assert.deepEqual(r.policy.tests.exempt, ['docs/**'], 'an exemption the repository leaves out stays');
    assert.deepEqual(r.ignored, [
      'repo.json: commit.subjectMaxLength 60 is looser than 50 in org.json, which it extends: 50 applies',
      'repo.json: review.requiredApprovals 0 is fewer than 2 in org.json, which it extends: 2 applies',
    ]);
    assert.equal(r.origins['review.requiredApprovals'], 'file:org.json');
    assert.equal(r.origins['commit.presentTense'], 'default');
    assert.equal(r.policy.extends, 'org.json');
  });

  it('each refused loosening names the value that applies and the policy it extends', async () => {
    const r = await resolvePolicyChain(
      own({ extends: 'org.json', commit: { requireTicket: false, ticketPattern: '^X-\\d+' }, review: { allowSelfApproval: true }, tests: { exempt: ['docs/**', 'scripts/**'] } }),
      reader({ 'org.json': { commit: { requireTicket: true }, review: { allowSelfApproval: false }, tests: { exempt: ['docs/**'] } } }),
    );
    assert.deepEqual(r.ignored, [
      'repo.json: commit.ticketPattern differs from org.json, which it extends: its value applies',
      'repo.json: commit.requireTicket off would loosen org.json, which it extends: on applies',
      'repo.json: tests.exempt adds "scripts/**", which org.json (which it extends) does not list: its list applies',
      'repo.json: review.allowSelfApproval on would loosen org.json, which it extends: off applies',
    ]);
    assert.equal(r.policy.commit.requireTicket, true);
    assert.equal(r.policy.review.allowSelfApproval, false);
    assert.deepEqual(r.policy.tests.exempt, ['docs/**']);
  });

  it('a repository that tightens is the origin of the value', async () => {
    const r = await resolvePolicyChain(own({ extends: 'org.json', review: { requiredApprovals: 3, defaultReviewers: ['bob'] } }), reader({ 'org.json': { review: { requiredApprovals: 2, defaultReviewers: ['alice'] } } }));
    assert.equal(r.policy.review.requiredApprovals, 3);
    assert.equal(r.origins['review.requiredApprovals'], 'repo.json');
    assert.deepEqual(r.policy.review.defaultReviewers, ['alice', 'bob']);
    assert.equal(r.origins['review.defaultReviewers'], 'file:org.json + repo.json');
    const explained = explainPolicy({ policy: r.policy, document: { label: 'repo.json', exists: true, text: '', parsed: r.layers[1]!.parsed }, resolved: r, baseline: r.policy, changeLabel: 'change' });
    assert.equal(explained.find((v) => v.key === 'review.requiredApprovals')!.source, 'repository file repo.json');
    assert.equal(explained.find((v) => v.key === 'review.defaultReviewers')!.source, 'extended policy org.json (file:org.json) + repository file repo.json');
    assert.equal(explained.find((v) => v.key === 'commit.subjectMaxLength')!.source, 'default');
  });

  it('follows a chain; a relative extends inside a package names a file of that package', async () => {
    const calls: string[] = [];
    const r = await resolvePolicyChain(own({ extends: 'npm:@acme/policy@1.2.3' }),
      reader({ 'npm:@acme/policy@1.2.3': { extends: 'strict.json', review: { requiredApprovals: 2 } }, 'npm:@acme/policy@1.2.3/strict.json': { review: { requiredApprovals: 1 }, commit: { requireTicket: true } } }, calls));
    assert.deepEqual(calls, ['npm:@acme/policy@1.2.3', 'npm:@acme/policy@1.2.3/strict.json']);
    assert.equal(r.layers.length, 3);
    assert.equal(r.policy.review.requiredApprovals, 2);
    assert.equal(r.policy.commit.requireTicket, true);
  });

  it('a cycle stops with a problem at the extends key of the file that closes it', async () => {
    const calls: string[] = [];
    const r = await resolvePolicyChain(own({ extends: 'a.json' }), reader({ 'a.json': { extends: 'b.json' }, 'b.json': { extends: 'a.json' } }, calls));
    assert.deepEqual(calls, ['a.json', 'b.json']);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]!.label, 'file:b.json');
    assert.match(r.problems[0]!.problems[0]!.message, /forms a cycle \(repo\.json → a\.json → b\.json → a\.json\)/);
    assert.deepEqual(r.problems[0]!.problems[0]!.path, ['extends']);
  });

  it('a chain longer than the limit stops, reading no more than the limit', async () => {
    const files: Record<string, unknown> = {};
    for (let i = 0; i < 50; i++) files[`p${i}.json`] = { extends: `p${i + 1}.json` };
    const calls: string[] = [];
    const r = await resolvePolicyChain(own({ extends: 'p0.json' }), reader(files, calls), 5);
    assert.equal(calls.length, 5);
    assert.match(r.problems[0]!.problems[0]!.message, /deeper than 5 policies/);
  });

  it('an unreadable policy leaves the repository\'s own, with a located problem at its extends', async () => {
    const r = await resolvePolicyChain(own({ commit: { subjectMaxLength: 60 }, extends: 'missing.json' }), reader({}));
    assert.equal(r.policy.commit.subjectMaxLength, 60);
    assert.equal(r.problems[0]!.label, 'repo.json');
    const p = r.problems[0]!.problems[0]!;
    assert.match(p.message, /extends missing\.json cannot be read: missing\.json does not exist\./);
    assert.deepEqual([p.line, p.column], [5, 14]);
  });

  it('a problem inside an extended policy is located in that file', async () => {
    const r = await resolvePolicyChain(own({ extends: 'org.json' }), reader({ 'org.json': '{\n  "review": { "requiredApprovals": "two" }\n}\n' }));
    assert.equal(r.problems[0]!.label, 'file:org.json');
    assert.equal(r.problems[0]!.problems[0]!.line, 2);
  });
});

describe('extends: the base branch governs', () => {
  const doc = (label: string, v: unknown) => { const text = json(v); return { label, exists: true, text, parsed: parsePolicy(text) }; };

  it('a change cannot loosen through extends: pointing it elsewhere or dropping a key keeps the base\'s chain', async () => {
    const baseDoc = doc('main:.github/change-control.json', { extends: 'org.json' });
    const baseResolved = await resolvePolicyChain(baseDoc, reader({ 'org.json': { review: { requiredApprovals: 2 } } }));
    for (const local of [{ extends: 'lax.json' }, {}, { extends: 'org.json', review: { requiredApprovals: 0 } }]) {
      const g = governPolicy({ baseRef: 'main', baseCommit: 'a'.repeat(40), base: baseDoc, local: doc('work.json', local), baseResolved });
      assert.equal(g.policy.review.requiredApprovals, 2, JSON.stringify(local));
      assert.equal(g.source.changed, true);
      assert.ok(g.source.ignored.length > 0, JSON.stringify(g.source));
      assert.deepEqual(g.source.extends, ['org.json']);
    }
  });

  it('an unchanged file reports nothing, and the change may tighten', async () => {
    const baseDoc = doc('main:.github/change-control.json', { extends: 'org.json' });
    const baseResolved = await resolvePolicyChain(baseDoc, reader({ 'org.json': { review: { requiredApprovals: 2 } } }));
    const same = governPolicy({ baseRef: 'main', baseCommit: 'a'.repeat(40), base: baseDoc, local: doc('work.json', { extends: 'org.json' }), baseResolved });
    assert.deepEqual([same.source.changed, same.source.ignored, same.policy.review.requiredApprovals], [false, [], 2]);
    const tighter = governPolicy({ baseRef: 'main', baseCommit: 'a'.repeat(40), base: baseDoc, local: doc('work.json', { extends: 'org.json', review: { requiredApprovals: 3 } }), baseResolved });
    assert.equal(tighter.policy.review.requiredApprovals, 3);
  });

  it('a base whose extended policy cannot be read has a problem (the gate refuses)', async () => {
    const baseDoc = doc('main:.github/change-control.json', { extends: 'gone.json' });
    const baseResolved = await resolvePolicyChain(baseDoc, reader({}));
    const g = governPolicy({ baseRef: 'main', baseCommit: 'a'.repeat(40), base: baseDoc, local: baseDoc, baseResolved });
    assert.equal(g.problems.length, 1);
    assert.match(g.source.problems![0]!, /^main:\.github\/change-control\.json:2:14 extends: extends gone\.json cannot be read/);
  });
});
