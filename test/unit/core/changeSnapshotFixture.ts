/** Snapshots for the readiness and tree tests: a ready change, altered per case. */
import type { ChangeSnapshot, CheckInfo, ReviewInfo } from '../../../src/core/changeSnapshot';
import type { Finding } from '../../../src/core/commitMessage/types';
import { defaultPolicy } from '../../../src/core/policy/schema';

export function review(id: number, author: string, state: ReviewInfo['state'], minute: number): ReviewInfo {
  return { id, author, state, submittedAt: `2026-11-23T10:${String(minute).padStart(2, '0')}:00Z` };
}

export function check(name: string, state: CheckInfo['state'], source: CheckInfo['source'] = 'checkRun'): CheckInfo {
  return { name, state, source, detailsUrl: `https://ci.example/${name}` };
}

export function finding(message: string, severity: Finding['severity'] = 'error'): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
  return { ruleId: 'present-tense', severity, message, range, fixes: [] };
}

/** A change that meets every rule of the default policy (1 approval required). */
export function readySnapshot(): ChangeSnapshot {
  return {
    root: '/repo',
    policy: defaultPolicy(),
    ticket: {
      id: '#12',
      details: { id: '#12', title: 'Add audit log export', url: 'https://github.com/acme/app/issues/12', state: 'open', assignees: ['dana'], labels: ['Approved'], approved: true },
    },
    branch: { name: 'feature/12-audit-log', base: 'main', baseRef: 'origin/main', ahead: 2, behind: 0, upstream: 'origin/feature/12-audit-log', unpushed: 0 },
    commits: [
      { sha: 'a'.repeat(40), subject: 'Add audit log export', message: 'Add audit log export\n\nAuditors need it.\n', findings: [] },
      { sha: 'b'.repeat(40), subject: 'Test audit log export', message: 'Test audit log export\n', findings: [] },
    ],
    tests: {
      base: 'origin/main',
      sources: [{ path: 'src/audit.ts', verdict: 'covered', tests: ['test/audit.test.ts'] }],
      changedTests: ['test/audit.test.ts'],
      changedOther: [],
      counts: { covered: 1, stale: 0, missing: 0, exempt: 0 },
    },
    github: {
      status: 'ok',
      repository: 'acme/app',
      pullRequest: {
        pr: { number: 34, title: 'Add audit log export (#12)', url: 'https://github.com/acme/app/pull/34', state: 'open', author: 'dana', headSha: 'a'.repeat(40) },
        reviews: [review(1, 'erin', 'APPROVED', 5)],
        requestedReviewers: [],
        checks: [check('build', 'passed'), check('ci/lint', 'passed', 'status')],
        ticketBackLink: true,
      },
    },
  };
}

/** The pull request section of a snapshot (throws when absent, to keep tests short). */
export function prOf(s: ChangeSnapshot): NonNullable<Extract<ChangeSnapshot['github'], { status: 'ok' }>['pullRequest']> {
  if (s.github.status !== 'ok' || !s.github.pullRequest) throw new Error('snapshot has no pull request');
  return s.github.pullRequest;
}
