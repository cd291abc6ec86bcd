/**
 * One pull request (#34 of acme/app, for approved ticket #12) as the fake
 * GitHub answers it, and the local history that has its head: shared by
 * the verify, change status and evidence use-case tests.
 */
import type { EvidenceGit } from '../../../src/core/ports';

export const HEAD = 'a1'.repeat(20);
export const BASE = 'b2'.repeat(20);
const P = '/repos/acme/app';

/** A pull request #34 for ticket #12, with `reviews` and `checkRuns` as given. */
export function pullRequestRoutes(o: { reviews?: unknown[]; checkRuns?: unknown[]; approved?: boolean } = {}): Record<string, unknown> {
  const reviews = o.reviews ?? [{ id: 1, user: { login: 'rev' }, state: 'APPROVED', submitted_at: '2026-01-02T00:00:00Z', commit_id: HEAD, html_url: 'https://github.com/acme/app/pull/34#r1' }];
  return {
    [`GET ${P}/pulls/34`]: {
      number: 34, title: 'Add the parser', html_url: 'https://github.com/acme/app/pull/34', state: 'open', draft: false, merged_at: null,
      user: { login: 'dev' }, body: 'Feature #12: add the parser.\n\nCloses #12', created_at: '2026-01-01T00:00:00Z',
      head: { ref: 'feature/12-add-parser', sha: HEAD }, base: { ref: 'main', sha: BASE }, requested_reviewers: [], requested_teams: [],
    },
    [`GET ${P}/pulls/34/commits`]: [{ sha: HEAD, parents: [{ sha: BASE }], commit: { message: 'Add the parser\n\nRefs #12\n', author: { name: 'Dev', date: '2026-01-01T00:00:00Z' }, committer: { date: '2026-01-01T00:00:00Z' } }, author: { login: 'dev' } }],
    [`GET ${P}/pulls/34/files`]: [{ filename: 'src/parser.ts', status: 'added' }, { filename: 'test/parser.test.ts', status: 'added' }],
    [`GET ${P}/pulls/34/reviews`]: reviews,
    [`GET ${P}/pulls/34/requested_reviewers`]: { users: [], teams: [] },
    [`GET ${P}/commits/${HEAD}/status`]: { state: 'success', statuses: [] },
    [`GET ${P}/commits/${HEAD}/check-runs`]: { total_count: (o.checkRuns ?? []).length, check_runs: o.checkRuns ?? [] },
    [`GET ${P}/issues/12`]: { number: 12, title: 'Parser', html_url: 'https://github.com/acme/app/issues/12', state: 'open', body: '', labels: o.approved === false ? [] : [{ name: 'approved' }], assignees: [] },
    [`GET ${P}/issues/12/comments`]: [{ body: 'PR: https://github.com/acme/app/pull/34', html_url: 'https://github.com/acme/app/issues/12#c1', created_at: '2026-01-01T01:00:00Z' }],
    [`GET ${P}/issues/12/events`]: [{ event: 'labeled', label: { name: 'approved' }, actor: { login: 'boss' }, created_at: '2025-12-31T00:00:00Z' }],
  };
}

export const localHistory: EvidenceGit = {
  firstParentCommits: async () => [],
  treeFiles: async (sha) => (sha === HEAD ? ['src/parser.ts', 'test/parser.test.ts'] : undefined),
};
