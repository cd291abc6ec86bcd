/**
 * The Open Pull Request acceptance set-up: a real work clone whose origin
 * says https://github.com/acme/app.git (rewritten by insteadOf to a bare
 * repository on disk) and the shared fake GitHub (contract-validated)
 * holding the change tickets.
 */
import { defaultPolicy, type Policy } from '../../../src/core/policy/schema';
import type { Logger } from '../../../src/core/ports';
import { startChange } from '../../../src/app/startChangeRunner';
import { commitLinterFor } from '../../../src/github/commitLinter';
import { connectGitHub, type GitHubConnection } from '../../../src/app/connect';
import { openPullRequest, preparePullRequest, type OpenResult, type PreparedPullRequest } from '../../../src/app/openPullRequest';
import { GitRepository } from '../../../src/git/gitRepository';
import { GitHubTicketProvider } from '../../../src/tickets/githubTicketProvider';
import { commitFile, git, makeFixture, type Fixture } from '../startChange/repos';
import { FakeGitHub, type FakePull } from '../../github-fake';

export const REPO = 'acme/app';
/** Distinctive, so a leak anywhere is found by a plain substring search. */
export const TOKEN = 'ghp_LeakCanary0123456789abcdefABCDEF012345';

/** Production's client, with its waits tuned down (the same options production uses). */
export const FAST = { retries: 2, retryBaseMs: 1, rateLimitUnitMs: 1, writeMinTimeMs: 0, searchMinTimeMs: 0, requestTimeoutMs: 1500 };

export interface Env {
  fx: Fixture;
  fake: FakeGitHub;
  /** Pull requests on the fake, by number. */
  pulls(): FakePull[];
  /** Bodies of the comments on an issue of acme/app. */
  comments(issue: number): string[];
  /** Requests that changed something (not GET). */
  posts(): { method: string; path: string }[];
  policy: Policy;
  logs: string[];
  logger: Logger;
  github: GitHubConnection;
  dispose(): Promise<void>;
}

export async function setUp(): Promise<Env> {
  const fx = makeFixture();
  git(fx.work, ['config', 'remote.origin.url', `https://github.com/${REPO}.git`]);
  git(fx.work, ['config', `url.${fx.remote}.insteadOf`, `https://github.com/${REPO}.git`]);
  const fake = await new FakeGitHub().start();
  const s = fake.state;
  s.viewer = 'dev';
  s.addUser('dev');
  s.addUser('alice');
  s.tokens.set(TOKEN, 'dev');
  s.addRepo(REPO);
  s.addIssue(REPO, { title: 'Export the audit log as CSV', labels: ['approved'], user: 'pm' });
  s.addIssue(REPO, { title: 'Fix the session timeout', labels: ['Approved', 'bug'], assignees: ['dev'], user: 'pm' });
  s.addPull(REPO, { head: 'acme:other', title: 'A pull request, not a ticket', user: 'alice' });
  s.addIssue(REPO, { title: 'Unapproved idea', user: 'pm' });
  s.addIssue(REPO, { title: 'Done long ago', labels: ['Approved'], state: 'closed', user: 'pm' });
  const policy = defaultPolicy();
  policy.review.defaultReviewers = ['alice', 'dev'];
  const logs: string[] = [];
  const log = (level: string) => (m: string, ...a: unknown[]): void => {
    logs.push(`[${level}] ${[m, ...a.map((x) => (x instanceof Error ? `${x.message} ${x.stack}` : JSON.stringify(x)))].join(' ')}`);
  };
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  const github = await connectGitHub({ root: fx.work, remote: 'origin', apiUrl: fake.url, token: async () => TOKEN, logger, tuning: FAST });
  return {
    fx, fake, policy, logs, logger, github,
    pulls: () => [...s.repo(REPO).pulls.values()].filter((p) => p.head.ref !== 'other'),
    comments: (issue) => s.issue(REPO, issue).comments.map((c) => c.body),
    posts: () => fake.requests.filter((r) => r.method !== 'GET'),
    dispose: async () => { await fake.stop(); fx.dispose(); },
  };
}

export function ticketProvider(env: Env): GitHubTicketProvider {
  return new GitHubTicketProvider({ octokit: env.github.octokit, codeRepo: env.github.repo, tracker: env.policy.tracker, currentLogin: () => env.github.login() });
}

/** Start Change for a ticket (the real core and git adapter), then one commit of source and test. */
export async function startAndCommit(env: Env, ticketId: string, title: string, kind: 'feature' | 'defect' = 'feature'): Promise<string> {
  const result = await startChange(new GitRepository(env.fx.work), async () => true, { ticket: ticketId, description: title, kind }, env.policy);
  commitFile(env.fx.work, 'src/export.ts', 'export const exportCsv = (): string => "";\n', 'Add CSV export of the audit log\n\nAuditors need the access log as CSV for the quarterly review.');
  commitFile(env.fx.work, 'test/export.test.ts', 'import "../src/export";\n', 'Test the CSV export');
  return result.branch;
}

export async function prepare(env: Env, signal?: AbortSignal): Promise<PreparedPullRequest> {
  return preparePullRequest({ root: env.fx.work, remote: 'origin', repo: env.github.repo, policy: env.policy, octokit: env.github.octokit, lint: commitLinterFor(env.policy), ...(signal ? { signal } : {}) });
}

export async function open(env: Env, prepared: PreparedPullRequest, options: { signal?: AbortSignal; reviewers?: string[]; steps?: string[] } = {}): Promise<OpenResult> {
  return openPullRequest(prepared, { title: prepared.title, body: prepared.body, draft: false, reviewers: options.reviewers ?? env.policy.review.defaultReviewers }, {
    octokit: env.github.octokit,
    logger: env.logger,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (step) => options.steps?.push(step),
  });
}
