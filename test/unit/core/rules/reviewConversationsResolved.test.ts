import { strict as assert } from 'node:assert';
import type { ReviewThreadInfo } from '../../../../src/core/changeSnapshot';
import { buildChangeTree, renderChangeTreeText } from '../../../../src/core/changeTree';
import { auditView } from '../../../../src/core/evidence/findings';
import type { ChangeEvidence } from '../../../../src/core/evidence/schema';
import { renderEvidenceMarkdown } from '../../../../src/core/evidence/markdown';
import { buildEvidenceDocument } from '../../../../src/core/evidence/document';
import { combinePolicies } from '../../../../src/core/policy/combinePolicy';
import { PolicySchema } from '../../../../src/core/policy/schema';
import { gateView } from '../../../../src/core/readiness';
import { prOf, readySnapshot } from '../changeSnapshotFixture';

function thread(id: string, path: string, line: number | null, resolvedBy: string | null, extra: Partial<ReviewThreadInfo> = {}): ReviewThreadInfo {
  return {
    id, path, line, isResolved: resolvedBy !== null, isOutdated: false, resolvedBy, author: 'erin', body: `Remark on ${path}\nmore words`,
    url: `https://github.com/acme/app/pull/2#discussion_${id}`, createdAt: '2026-11-23T10:00:00Z', comments: 1, ...extra,
  };
}

describe('core/rules review-conversations-resolved', () => {
  function snapshot(threads: ReviewThreadInfo[] | { status: 'error'; reason: string } | undefined, require = true) {
    const s = readySnapshot();
    s.policy.review.requireResolvedConversations = require;
    if (threads) prOf(s).threads = threads;
    return s;
  }

  it('blocks with "2 review conversations open", and the view lists each with an action opening it', () => {
    const s = snapshot([thread('a', 'src/audit.ts', 14, null), thread('b', 'src/audit.ts', 3, 'dana'), thread('c', 'README.md', null, null, { isOutdated: true, author: 'riley' })]);
    const { readiness } = gateView(s);
    assert.deepEqual(readiness.blockers, ['2 review conversations open']);
    const tree = buildChangeTree(s, readiness);
    const text = renderChangeTreeText(tree);
    assert.match(text, /Conversations — 2 open, 1 resolved/);
    assert.match(text, /src\/audit\.ts:14 — erin: Remark on src\/audit\.ts <https:\/\/github\.com\/acme\/app\/pull\/2#discussion_a>\n/);
    assert.match(text, /README\.md — riley \(outdated\): Remark on README\.md <https:\/\/github\.com\/acme\/app\/pull\/2#discussion_c>\n/);
    const node = tree.find((n) => n.id === 'pr')?.children?.find((n) => n.id === 'pr/conversations');
    assert.deepEqual(node?.children?.map((c) => c.action), [
      { kind: 'openUrl', url: 'https://github.com/acme/app/pull/2#discussion_a' },
      { kind: 'openUrl', url: 'https://github.com/acme/app/pull/2#discussion_c' },
    ]);
  });

  it('says "1 review conversation open" for one, and nothing when all are resolved', () => {
    assert.deepEqual(gateView(snapshot([thread('a', 'x.ts', 1, null)])).readiness.blockers, ['1 review conversation open']);
    const s = snapshot([thread('a', 'x.ts', 1, 'dana')]);
    assert.deepEqual(gateView(s).readiness.blockers, []);
    assert.match(renderChangeTreeText(buildChangeTree(s)), /Conversations — all 1 resolved/);
  });

  it('fails closed when the conversations could not be read', () => {
    const s = snapshot({ status: 'error', reason: 'GitHub request failed: 502' });
    assert.deepEqual(gateView(s).readiness.blockers, ['review conversations not checked: GitHub request failed: 502']);
    assert.match(renderChangeTreeText(buildChangeTree(s)), /Conversations — not checked: GitHub request failed: 502/);
  });

  it('says nothing with requireResolvedConversations off, and the view still lists them', () => {
    const s = snapshot([thread('a', 'x.ts', 1, null)], false);
    assert.deepEqual(gateView(s).readiness.blockers, []);
    assert.match(renderChangeTreeText(buildChangeTree(s)), /Conversations — 1 open/);
  });

  it('a snapshot that did not read them is not judged and shows no section', () => {
    const s = snapshot(undefined);
    assert.deepEqual(gateView(s).readiness.blockers, []);
    assert.doesNotMatch(renderChangeTreeText(buildChangeTree(s)), /Conversations/);
  });

  it('a change may not turn it off: the base\'s true stays', () => {
    const p = (raw: unknown) => PolicySchema.parse(raw);
    assert.equal(p({}).review.requireResolvedConversations, true);
    const r = combinePolicies(p({}), p({ review: { requireResolvedConversations: false } }));
    assert.equal(r.policy.review.requireResolvedConversations, true);
    assert.match(r.ignored.join('\n'), /review\.requireResolvedConversations off would loosen/);
    assert.equal(combinePolicies(p({ review: { requireResolvedConversations: false } }), p({ review: { requireResolvedConversations: true } })).policy.review.requireResolvedConversations, true);
  });

  type Change = Omit<ChangeEvidence, 'findings'>;
  const merged = (pr: Partial<NonNullable<Change['pullRequest']>>): Change => ({
    kind: 'pull-request', label: 'PR #7', ticketId: null, ticket: null, branch: { head: 'feature/3-x', base: 'main' }, commits: [], tests: null,
    pullRequest: {
      number: 7, url: 'https://github.test/o/r/pull/7', title: 'X', author: 'dev', body: 'Feature #3\n\nAdds retries.', state: 'merged', createdAt: '2026-01-02T10:00:00Z',
      headRef: 'feature/3-x', baseRef: 'main', headSha: 'a'.repeat(40), lastCommitAt: null, requestedReviewers: [], reviews: [], approvals: { counted: 1, required: 1, approvers: [] }, checks: [],
      ...pr,
    },
    merge: { mergedBy: 'dev', mergedAt: '2026-01-02T12:00:00Z', mergeCommitSha: null }, ticketBackLink: { present: false, url: null, at: null },
  });
  const evThread = (path: string, resolvedBy: string | null) => ({
    path, line: 4, isResolved: resolvedBy !== null, isOutdated: false, author: 'erin', body: 'Why?', url: `https://github.test/o/r/pull/7#${path}`,
    createdAt: '2026-01-02T10:30:00Z', comments: 2, resolvedBy, lastCommentAt: '2026-01-02T11:00:00Z',
  });
  const policy = { requiredApprovals: 0, allowSelfApproval: false, requireTests: false, requireResolvedConversations: true };

  it('after the fact: a merge over an open conversation is a finding; unread ones are not verifiable', () => {
    const audit = auditView(merged({ reviewThreads: [evThread('a.ts', null), evThread('b.ts', 'dana')] }), policy);
    const f = audit.findings.find((x) => x.id === 'merged-with-open-conversations');
    assert.equal(f?.title, 'Merged with 1 review conversation open.');
    assert.deepEqual(f?.evidence, ['a.ts:4 (erin): Why?: not resolved (merged at 2026-01-02T12:00:00Z) https://github.test/o/r/pull/7#a.ts']);
    assert.equal(auditView(merged({ reviewThreads: [evThread('b.ts', 'dana')] }), policy).findings.some((x) => x.id === 'merged-with-open-conversations'), false);
    const unread = auditView(merged({ reviewThreadsUnknown: 'GraphQL failed' }), policy);
    assert.deepEqual(unread.notVerifiable.filter((n) => n.rule === 'review-conversations-resolved').map((n) => n.reason), ['review conversations of #7: GraphQL failed']);
    // Evidence collected before the key existed names no requireResolvedConversations: nothing is claimed.
    const older = auditView(merged({ reviewThreads: [evThread('a.ts', null)] }), { requiredApprovals: 0, allowSelfApproval: false, requireTests: false });
    assert.equal(older.findings.some((x) => x.id === 'merged-with-open-conversations'), false);
  });

  it('the evidence lists every conversation with who resolved it', () => {
    const doc = buildEvidenceDocument({
      generatedAt: new Date('2026-01-03T00:00:00Z'), generatorVersion: '0.0.0', repository: { owner: 'o', repo: 'r', url: 'https://github.test/o/r' },
      scope: { kind: 'pull-request', number: 7 }, policy: { ...policy, approvalLabel: 'Approved', baseBranch: 'main' },
      changes: [merged({ reviewThreads: [evThread('a.ts', null), evThread('b.ts', 'dana')] })],
    });
    assert.equal(doc.policy.requireResolvedConversations, true);
    const md = renderEvidenceMarkdown(doc);
    assert.match(md, /Conversation \[a\\\.ts:4\]\(<https:\/\/github\.test\/o\/r\/pull\/7#a\.ts>\) opened by erin: Why\? — \*\*open\*\*/);
    assert.match(md, /Conversation \[b\\\.ts:4\]\(<https:\/\/github\.test\/o\/r\/pull\/7#b\.ts>\) opened by erin: Why\? — resolved by dana after 2026-01-02T11:00:00Z/);
  });
});
