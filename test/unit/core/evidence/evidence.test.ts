import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { approvalFromEvents, buildEvidenceDocument, type DocumentInput } from '../../../../src/core/evidence/document';
import { renderEvidenceMarkdown } from '../../../../src/core/evidence/markdown';
import { evidenceJsonSchema, EvidenceDocumentSchema, type ChangeEvidence } from '../../../../src/core/evidence/schema';

type Change = Omit<ChangeEvidence, 'findings'>;
const HEAD = 'b'.repeat(40);

function prChange(over: Partial<Change> = {}, pr: Partial<NonNullable<Change['pullRequest']>> = {}): Change {
  return {
    kind: 'pull-request',
    label: 'PR #7',
    ticketId: '#3',
    ticket: { id: '#3', title: 'Retry uploads', url: 'https://github.test/o/r/issues/3', state: 'closed', approved: true, approvedBy: 'cto', approvedAt: '2026-01-01T09:00:00Z', labelEvents: [] },
    branch: { head: 'feature/3-retry', base: 'main' },
    commits: [{ sha: HEAD, author: 'dev', date: '2026-01-02T10:00:00Z', message: 'Add retry\n', lint: [] }],
    tests: { sources: [{ path: 'src/a.ts', verdict: 'covered', tests: ['src/a.test.ts'] }], changedTests: ['src/a.test.ts'] },
    pullRequest: {
      number: 7, url: 'https://github.test/o/r/pull/7', title: 'Retry uploads (#3)', author: 'dev', body: 'Fixes defect #3: retry uploads when the network drops.', state: 'merged',
      createdAt: '2026-01-02T10:00:00Z', headRef: 'feature/3-retry', baseRef: 'main', headSha: HEAD, lastCommitAt: '2026-01-02T10:00:00Z',
      requestedReviewers: [], reviews: [{ reviewer: 'rev', state: 'APPROVED', submittedAt: '2026-01-02T11:00:00Z', commitId: HEAD }],
      approvals: { counted: 1, required: 1, approvers: ['rev'] }, checks: [{ name: 'ci', state: 'passed', url: null }], ...pr,
    },
    merge: { mergedBy: 'dev', mergedAt: '2026-01-02T12:00:00Z', mergeCommitSha: 'c'.repeat(40) },
    ticketBackLink: { present: true, url: 'https://github.test/o/r/issues/3#issuecomment-1', at: '2026-01-02T10:01:00Z' },
    ...over,
  };
}

function doc(changes: Change[], secrets: string[] = []) {
  const input: DocumentInput = {
    generatedAt: new Date('2026-02-01T00:00:00Z'), generatorVersion: '0.1.0',
    repository: { owner: 'o', repo: 'r', url: 'https://github.test/o/r' }, scope: { kind: 'pull-request', number: 7 },
    policy: { requiredApprovals: 1, approvalLabel: 'Approved', baseBranch: 'main', allowSelfApproval: false, requireTests: true },
    changes, secrets,
  };
  return buildEvidenceDocument(input);
}

const ids = (c: ChangeEvidence) => c.findings.map((f) => f.id).sort();

describe('evidence findings', () => {
  it('a compliant change has no findings', () => {
    assert.deepEqual(ids(doc([prChange()]).changes[0]!), []);
  });

  it('merged without the required approvals', () => {
    const d = doc([prChange({}, { reviews: [{ reviewer: 'rev', state: 'COMMENTED', submittedAt: '2026-01-02T11:00:00Z', commitId: HEAD }] })]);
    assert.deepEqual(ids(d.changes[0]!), ['merged-without-required-approvals']);
    assert.match(d.changes[0]!.findings[0]!.title, /0 of 1 required approval/);
  });

  it('a later CHANGES_REQUESTED overrides an earlier APPROVED; COMMENTED does not', () => {
    const reviews = [
      { reviewer: 'rev', state: 'APPROVED' as const, submittedAt: '2026-01-02T11:00:00Z', commitId: HEAD },
      { reviewer: 'rev', state: 'CHANGES_REQUESTED' as const, submittedAt: '2026-01-02T11:30:00Z', commitId: HEAD },
      { reviewer: 'ann', state: 'APPROVED' as const, submittedAt: '2026-01-02T11:00:00Z', commitId: HEAD },
      { reviewer: 'ann', state: 'COMMENTED' as const, submittedAt: '2026-01-02T11:40:00Z', commitId: HEAD },
    ];
    const d = buildEvidenceDocument({ ...baseInput(), policy: { ...baseInput().policy, requiredApprovals: 2 }, changes: [prChange({}, { reviews })] });
    assert.deepEqual(ids(d.changes[0]!), ['merged-with-changes-requested', 'merged-without-required-approvals']);
    assert.match(d.changes[0]!.findings[0]!.title, /1 of 2/);
    const request = d.changes[0]!.findings.find((f) => f.id === 'merged-with-changes-requested')!;
    assert.equal(request.title, 'Merged while rev requested changes.');
    assert.deepEqual(request.evidence, ['rev requested changes at 2026-01-02T11:30:00Z; merged at 2026-01-02T12:00:00Z']);
  });

  it('stale approval: approved an earlier commit than the merged head', () => {
    const d = doc([prChange({}, { reviews: [{ reviewer: 'rev', state: 'APPROVED', submittedAt: '2026-01-02T11:00:00Z', commitId: 'a'.repeat(40) }] })]);
    assert.deepEqual(ids(d.changes[0]!), ['merged-without-required-approvals', 'stale-approval']);
    assert.ok(d.changes[0]!.findings.find((f) => f.id === 'stale-approval')!.evidence[0]!.includes('aaaaaaaaaaaa'));
  });

  it('self-approval does not count and is reported', () => {
    const d = doc([prChange({}, { reviews: [{ reviewer: 'DEV', state: 'APPROVED', submittedAt: '2026-01-02T11:00:00Z', commitId: HEAD }] })]);
    assert.deepEqual(ids(d.changes[0]!), ['merged-without-required-approvals', 'self-approval']);
  });

  it('ticket approved only after the merge, or never', () => {
    const late = prChange({ ticket: { ...prChange().ticket!, approvedAt: '2026-01-03T00:00:00Z' } });
    assert.deepEqual(ids(doc([late]).changes[0]!), ['ticket-approved-after-merge']);
    const never = prChange({ ticket: { ...prChange().ticket!, approved: false, approvedAt: null, approvedBy: null } });
    assert.deepEqual(ids(doc([never]).changes[0]!), ['ticket-never-approved']);
  });

  it('no ticket, missing ticket, and no back-link', () => {
    assert.deepEqual(ids(doc([prChange({ ticketId: null, ticket: null })]).changes[0]!), ['no-ticket']);
    assert.deepEqual(ids(doc([prChange({ ticket: null })]).changes[0]!), ['no-ticket']);
    assert.deepEqual(ids(doc([prChange({ ticketBackLink: { present: false, url: null, at: null } })]).changes[0]!), ['no-ticket-link']);
  });

  it('commit message violations and untested sources', () => {
    const c = prChange({
      commits: [{ sha: HEAD, author: 'dev', date: '2026-01-02T10:00:00Z', message: 'Added retry', lint: [{ rule: 'present-tense', line: 1, column: 1, message: 'Use "Add"' }] }],
      tests: { sources: [{ path: 'src/b.ts', verdict: 'missing', tests: [] }], changedTests: [] },
    });
    const d = doc([c]);
    assert.deepEqual(ids(d.changes[0]!), ['commit-message-violations', 'source-without-tests']);
    assert.equal(d.summary.rows[0]!.tested, false);
  });

  it('a direct commit to the base branch is a deviation', () => {
    const direct: Change = { ...prChange(), kind: 'direct-commit', label: 'cccccccccccc', pullRequest: null, merge: null, ticketId: null, ticket: null, branch: null, ticketBackLink: { present: false, url: null, at: null } };
    assert.deepEqual(ids(doc([direct]).changes[0]!), ['direct-push-to-base']);
  });

  it('who applied the approval label and when, across re-labelling', () => {
    const events = [
      { action: 'labeled' as const, label: 'approved', actor: 'a', at: '2026-01-01T00:00:00Z' },
      { action: 'unlabeled' as const, label: 'Approved', actor: 'b', at: '2026-01-02T00:00:00Z' },
      { action: 'labeled' as const, label: 'bug', actor: 'c', at: '2026-01-02T12:00:00Z' },
      { action: 'labeled' as const, label: 'Approved', actor: 'cto', at: '2026-01-03T00:00:00Z' },
    ];
    assert.deepEqual(approvalFromEvents(events, 'Approved'), { by: 'cto', at: '2026-01-03T00:00:00Z' });
    assert.equal(approvalFromEvents(events.slice(0, 2), 'Approved'), undefined);
  });
});

describe('evidence document', () => {
  it('validates against its exported JSON Schema and the zod schema', () => {
    const d = doc([prChange(), prChange({ ticketId: null, ticket: null })]);
    assert.equal(EvidenceDocumentSchema.safeParse(d).success, true);
    const validate = new Ajv({ strict: false }).compile(evidenceJsonSchema());
    assert.equal(validate(JSON.parse(JSON.stringify(d))), true, JSON.stringify(validate.errors));
    assert.equal(validate({ ...d, version: 2 }), false);
  });

  it('summary counts changes, tickets, approvals, reviews, tests and deviations', () => {
    const d = doc([prChange(), prChange({ ticketId: null, ticket: null })]);
    assert.deepEqual({ ...d.summary, rows: undefined }, { changes: 2, withTicket: 1, approved: 1, reviewed: 2, tested: 2, deviations: 1, rows: undefined });
  });

  it('never carries a token, wherever the input put it', () => {
    const token = 'ghp_' + 'Z9'.repeat(18);
    const secret = 'my-enterprise-secret-value';
    const c = prChange({}, { body: `token ${token} and ${secret}`, title: `leak ${secret}` });
    c.commits[0]!.message = `Add x\n\nAuthorization: token ${token}\nhttps://user:${secret}@example.com/x`;
    const d = doc([c], [secret]);
    const json = JSON.stringify(d);
    const md = renderEvidenceMarkdown(d);
    for (const text of [json, md]) {
      assert.ok(!text.includes(token), 'token leaked');
      assert.ok(!text.includes(secret), 'secret leaked');
      assert.ok(text.includes('[REDACTED]'));
    }
  });

  it('renders a readable Markdown report with the summary table and findings', () => {
    const d = doc([prChange({ ticketBackLink: { present: false, url: null, at: null } }, { title: 'Use <b>|pipes|</b>' })]);
    const md = renderEvidenceMarkdown(d);
    assert.match(md, /^# Change evidence: pull request #7/);
    assert.match(md, /\| PR #7 \| #3 \| yes \| yes \| yes \| 1 \|/);
    assert.match(md, /Ticket #3 does not link to the reviewed pull request\./);
    assert.ok(md.includes('\\<b\\>\\|pipes\\|\\</b\\>'), 'titles are escaped');
    assert.match(md, /Approvals: 1 of 1 required \(rev\)/);
  });

  it('shows times in local time with UTC in the hover when asked, and UTC text otherwise', () => {
    const d = doc([prChange()]);
    const plain = renderEvidenceMarkdown(d);
    assert.match(plain, /generated \d{4}-\d\d-\d\dT/, 'UTC text stays for the CLI');
    assert.doesNotMatch(plain, /<span title=/);
    const local = renderEvidenceMarkdown(d, { localTime: (date) => `LOCAL(${date.getUTCFullYear()})` });
    const iso = new Date(d.generatedAt).toISOString();
    assert.ok(local.includes(`generated <span title="UTC ${iso}">LOCAL(${new Date(d.generatedAt).getUTCFullYear()})</span>`), local.slice(0, 400));
    // A time that does not parse is shown escaped, never as HTML.
    const bad = doc([prChange({}, { createdAt: '<img src=x onerror=alert(1)>' })]);
    assert.doesNotMatch(renderEvidenceMarkdown(bad, { localTime: () => 'x' }), /(?<!\\)<img/);
  });
});

function baseInput(): DocumentInput {
  return {
    generatedAt: new Date('2026-02-01T00:00:00Z'), generatorVersion: '0.1.0',
    repository: { owner: 'o', repo: 'r', url: 'https://github.test/o/r' }, scope: { kind: 'pull-request', number: 7 },
    policy: { requiredApprovals: 1, approvalLabel: 'Approved', baseBranch: 'main', allowSelfApproval: false, requireTests: true },
    changes: [],
  };
}

describe('evidence JSON Schema file', () => {
  it('the committed schema is the one generated from the zod schema (no drift)', async () => {
    const { readFileSync } = await import('node:fs');
    const committed = JSON.parse(readFileSync('schemas/evidence-v1.schema.json', 'utf8'));
    assert.deepEqual(committed, evidenceJsonSchema(), 'run `npm run gen:schema` and commit the result');
  });

  it('describes a release: its ticket and the approval the gate judged', async () => {
    const { readFileSync } = await import('node:fs');
    const committed = JSON.parse(readFileSync('schemas/evidence-v1.schema.json', 'utf8')) as { properties: { release: { properties: Record<string, { anyOf?: { properties?: Record<string, unknown> }[] }> } } };
    const release = committed.properties.release.properties;
    assert.deepEqual(Object.keys(release).sort(), ['approval', 'missing', 'ticket', 'verified', 'version']);
    const approval = release.approval!.anyOf?.find((a) => a.properties)?.properties ?? {};
    assert.deepEqual(Object.keys(approval).sort(), ['afterLastEdit', 'at', 'by', 'byApprover', 'via']);
  });
});
