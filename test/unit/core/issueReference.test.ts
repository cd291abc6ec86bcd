/**
 * The one ticket-ID grammar (src/core/issueReference.ts): every shape it
 * accepts or refuses, read the same by the GitHub ticket provider
 * (parseTicketId), the branch name (ticketForBranch) and the default
 * ticket pattern.
 */
import { strict as assert } from 'node:assert';
import { ISSUE_REFERENCE_SOURCE, parseIssueReference, type IssueReference } from '../../../src/core/issueReference';
import { DEFAULT_TICKET_PATTERN } from '../../../src/core/policy/schema';
import { compileTicketPattern, ticketForBranch } from '../../../src/core/ticketId';
import { parseTicketId } from '../../../src/tickets/githubTicketProvider';

const tracker = { owner: 'acme', repo: 'app' };

/** Accepted: the shape, the reference, and the ticket in a branch name. */
const accepted: [string, IssueReference, string][] = [
  ['#123', { number: 123 }, '123'],
  ['  #7 ', { number: 7 }, '7'],
  ['123', { number: 123 }, '123'],
  ['#007', { number: 7 }, '7'],
  ['owner/repo#45', { owner: 'owner', repo: 'repo', number: 45 }, 'repo-45'],
  ['my.org/my-repo_2#9', { owner: 'my.org', repo: 'my-repo_2', number: 9 }, 'my-repo_2-9'],
  ['https://github.com/acme/tracker/issues/3', { owner: 'acme', repo: 'tracker', number: 3 }, 'tracker-3'],
  ['https://ghe.example.com/acme/tracker/issues/9/', { owner: 'acme', repo: 'tracker', number: 9 }, 'tracker-9'],
  ['http://127.0.0.1:3000/acme/app/issues/12', { owner: 'acme', repo: 'app', number: 12 }, 'app-12'],
];

/** Refused as an issue reference: the shape, and the ticket in a branch name (the ID as written, made safe). */
const refused: [string, string][] = [
  ['repo#12', 'repo-12'],
  ['/repo#1', 'repo-1'],
  ['owner/#1', 'owner-1'],
  ['owner/repo#', 'owner-repo'],
  ['owner/repo/extra#1', 'owner-repo-extra-1'],
  ['ówner/repo#5', 'owner-repo-5'],
  ['owner /repo#1', 'owner-repo-1'],
  ['owner/repo#1 extra', 'owner-repo-1-extra'],
  ['#12a', '12a'],
  ['#', ''],
  ['#١٢٣', ''],
  ['fix #123', 'fix-123'],
  ['ABC-123', 'ABC-123'],
  ['https://github.com/acme/app/pull/9', 'https-github.com-acme-app-pull-9'],
  ['https://github.com/acme/app/issues/9#issuecomment-1', 'https-github.com-acme-app-issues-9-issuecomment-1'],
];

describe('issueReference: one grammar for ticket IDs', () => {
  for (const [id, reference, branch] of accepted) {
    it(`accepts ${JSON.stringify(id)} as ${JSON.stringify(reference)}, in a branch ${branch}`, () => {
      assert.deepEqual(parseIssueReference(id), reference);
      assert.deepEqual(parseTicketId(id, tracker), 'repo' in reference ? reference : { ...tracker, number: reference.number });
      assert.equal(ticketForBranch(id), branch);
    });
  }

  for (const [id, branch] of refused) {
    it(`refuses ${JSON.stringify(id)}, in a branch ${JSON.stringify(branch)}`, () => {
      assert.equal(parseIssueReference(id), undefined);
      assert.equal(parseTicketId(id, tracker), undefined);
      assert.equal(ticketForBranch(id), branch);
    });
  }

  it('is the GitHub half of the default ticket pattern, which accepts the same #-shapes', () => {
    assert.ok(DEFAULT_TICKET_PATTERN.startsWith(`${ISSUE_REFERENCE_SOURCE}|`));
    const pattern = compileTicketPattern(DEFAULT_TICKET_PATTERN);
    const hashShapes = [...accepted.map(([id]) => id), ...refused.map(([id]) => id)].map((id) => id.trim()).filter((id) => id.includes('#') && !id.includes('://'));
    assert.ok(hashShapes.length >= 15);
    for (const id of hashShapes) assert.equal(pattern.matchesWhole(id), parseIssueReference(id) !== undefined, id);
  });

  it('reads a long ID in time linear in its length', () => {
    const long = `${'a'.repeat(100_000)}/${'b'.repeat(100_000)}#`;
    const started = Date.now();
    assert.equal(parseIssueReference(long), undefined);
    assert.equal(parseIssueReference(`https://h/${'a/'.repeat(50_000)}issues/x`), undefined);
    assert.ok(Date.now() - started < 2000);
  });
});
