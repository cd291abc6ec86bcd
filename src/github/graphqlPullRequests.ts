/**
 * The evidence reads of many pull requests in one GraphQL query: each
 * pull request with its commits, changed files, reviews, requested
 * reviewers and the checks on its head commit, for a batch of numbers
 * (aliases `p0`, `p1`, …); `onFacts` hears of each as its batch
 * arrives, so local work can start while later batches are read. What REST reads in nine requests per pull
 * request comes back in one request per batch, mapped into the same
 * facts the REST readers return (pullRequestReads.ts, commitChecks.ts),
 * so the evidence built from either is the same.
 *
 * A pull request GraphQL cannot describe completely (more than 100
 * commits, files or reviews, a renamed file — GraphQL has no previous
 * path — or one GitHub could not find) is left out of the answer: the
 * caller reads it through REST. Checks that overflow or that sit on
 * another commit than the head are left for REST alone (`checks`
 * undefined).
 */
import type { Octokit } from '@octokit/rest';
import type { PullCommentInfo, ReviewThreadInfo } from '../core/changeSnapshot';
import type { ReviewEvidence } from '../core/evidence/schema';
import type { RepoRef } from '../core/ports';
import { checkRunState, statusCheckState, type EvidenceCheck } from './commitChecks';
import { isMissing, runGraphql, type GraphqlUsage } from './graphqlQuery';
import { normaliseReviewState, type PullRequestEvidenceRead } from './pullRequestReads';

/** Pull requests per query: 100 × six connections of 100 is about 50,000 nodes (GitHub allows 500,000) and 6 points. */
export const PULLS_PER_QUERY = 100;

const PAGE = 100;

/** Everything the evidence needs of one pull request. */
export interface PullFacts {
  read: PullRequestEvidenceRead;
  reviews: ReviewEvidence[];
  /** Undefined: read the head's checks through REST. */
  checks: EvidenceCheck[] | undefined;
  /** The conversation comments, when asked for. */
  comments?: PullCommentInfo[];
  /** The review conversations: [] when there are none; undefined when some exist (read them on their own). */
  threads: ReviewThreadInfo[] | undefined;
}

const FRAGMENT = `fragment EvidencePull on PullRequest {
  number title url state isDraft body createdAt mergedAt headRefName headRefOid baseRefName baseRefOid
  author { login }
  mergedBy { login }
  mergeCommit { oid }
  reviewRequests(first: ${PAGE}) { totalCount nodes { requestedReviewer { __typename ... on User { login } ... on Bot { login } ... on Mannequin { login } ... on Team { slug } } } }
  commits(first: ${PAGE}) { totalCount nodes { commit { oid message author { name date user { login } } committer { date } } } }
  files(first: ${PAGE}) { totalCount nodes { path changeType } }
  reviews(first: ${PAGE}) { totalCount nodes { author { login } state submittedAt body commit { oid } } }
  reviewThreads(first: 1) { totalCount }
  comments(first: ${PAGE}) @include(if: $comments) { totalCount nodes { databaseId author { login } body createdAt } }
  headCommit: commits(last: 1) { nodes { commit { oid statusCheckRollup { contexts(first: ${PAGE}) { totalCount nodes {
    __typename
    ... on StatusContext { context state targetUrl }
    ... on CheckRun { name status conclusion detailsUrl url }
  } } } } } }
}`;

interface Connection<T> { totalCount: number; nodes: (T | null)[] | null }
type Login = { login: string } | null;
interface GqlCommit {
  oid: string;
  message: string;
  author: { name: string | null; date: string | null; user: Login } | null;
  committer: { date: string | null } | null;
}
type GqlContext =
  | { __typename: 'StatusContext'; context: string; state: string; targetUrl: string | null }
  | { __typename: 'CheckRun'; name: string; status: string; conclusion: string | null; detailsUrl: string | null; url: string };
interface GqlPull {
  number: number; title: string; url: string; state: string; isDraft: boolean; body: string; createdAt: string; mergedAt: string | null;
  headRefName: string; headRefOid: string; baseRefName: string; baseRefOid: string;
  author: Login; mergedBy: Login; mergeCommit: { oid: string } | null;
  reviewRequests: Connection<{ requestedReviewer: { __typename: string; login?: string; slug?: string } | null }>;
  commits: Connection<{ commit: GqlCommit }>;
  files: Connection<{ path: string; changeType: string }>;
  reviews: Connection<{ author: Login; state: string; submittedAt: string | null; body: string; commit: { oid: string } | null }>;
  /** Only counted: nested comment reads of 100 threads would cost ~100 points per 100 pull requests. */
  reviewThreads: { totalCount: number };
  /** Present when asked for (LGTM comments sign off). */
  comments?: Connection<{ databaseId: number | null; author: Login; body: string; createdAt: string }>;
  headCommit: Connection<{ commit: { oid: string; statusCheckRollup: { contexts: Connection<GqlContext> } | null } }>;
}

/**
 * The facts of each pull request in `numbers` (one query per
 * PULLS_PER_QUERY, one after the other: GitHub asks for GraphQL queries in
 * series); a number missing from the answer is one to read through REST.
 */
export async function readPullFactsBatch(
  octokit: Octokit,
  repo: RepoRef,
  numbers: readonly number[],
  usage: GraphqlUsage,
  options: { signal?: AbortSignal; onFacts?: (number: number, facts: PullFacts) => void; comments?: boolean } = {},
): Promise<Map<number, PullFacts>> {
  const { signal, onFacts } = options;
  const out = new Map<number, PullFacts>();
  for (let start = 0; start < numbers.length; start += PULLS_PER_QUERY) {
    const batch = numbers.slice(start, start + PULLS_PER_QUERY);
    const fields = batch.map((_, i) => `p${i}: pullRequest(number: $n${i}) { ...EvidencePull }`).join('\n    ');
    const params = batch.map((_, i) => `$n${i}: Int!`).join(', ');
    const query = `query EvidencePulls($owner: String!, $name: String!, $comments: Boolean!, ${params}) {\n  repository(owner: $owner, name: $name) {\n    ${fields}\n  }\n  rateLimit { cost }\n}\n${FRAGMENT}`;
    const variables: Record<string, unknown> = { owner: repo.owner, name: repo.repo, comments: options.comments === true };
    batch.forEach((n, i) => (variables[`n${i}`] = n));
    const { data, missing } = await runGraphql<{ repository: Record<string, GqlPull | null> | null; rateLimit: { cost: number } | null }>(octokit, query, variables, usage, signal);
    batch.forEach((n, i) => {
      const pull = data.repository?.[`p${i}`];
      if (!pull || isMissing(missing, 'repository', `p${i}`)) return;
      const facts = toPullFacts(pull);
      if (!facts) return;
      out.set(n, facts);
      onFacts?.(n, facts);
    });
  }
  return out;
}

const complete = <T>(c: Connection<T>): T[] | undefined => {
  const nodes = (c.nodes ?? []).filter((n): n is T => n !== null);
  return nodes.length === c.totalCount ? nodes : undefined;
};

function toPullFacts(p: GqlPull): PullFacts | undefined {
  const commits = complete(p.commits);
  const files = complete(p.files);
  const reviews = complete(p.reviews);
  const requested = complete(p.reviewRequests);
  const comments = p.comments ? complete(p.comments) : [];
  if (!commits || !files || !reviews || !requested || !comments || files.some((f) => f.changeType === 'RENAMED')) return undefined;
  const reviewers = requested.map((r) => r.requestedReviewer).filter((r) => r !== null);
  return {
    read: {
      pr: {
        number: p.number, title: p.title, url: p.url, state: p.mergedAt ? 'merged' : p.state === 'CLOSED' ? 'closed' : p.isDraft ? 'draft' : 'open',
        author: p.author?.login ?? '', headSha: p.headRefOid, body: p.body ?? '', createdAt: p.createdAt, headRef: p.headRefName, baseRef: p.baseRefName, baseSha: p.baseRefOid,
        requestedUsers: reviewers.filter((r) => r.__typename !== 'Team').map((r) => r.login ?? ''),
        requestedTeams: reviewers.filter((r) => r.__typename === 'Team').map((r) => r.slug ?? ''),
        merge: p.mergedAt ? { mergedBy: p.mergedBy?.login ?? null, mergedAt: p.mergedAt, mergeCommitSha: p.mergeCommit?.oid ?? null } : null,
      },
      commits: commits.map(({ commit: c }) => ({
        sha: c.oid, message: c.message, author: c.author?.name ?? c.author?.user?.login ?? 'unknown',
        date: c.author?.date ?? '', committedAt: c.committer?.date ?? null,
      })),
      files: files.map((f) => ({ path: f.path, status: f.changeType === 'DELETED' ? 'removed' : f.changeType.toLowerCase() })),
    },
    reviews: reviews.filter((r) => r.author).map((r) => ({
      reviewer: r.author!.login, state: normaliseReviewState(r.state), submittedAt: r.submittedAt ?? null, commitId: r.commit?.oid ?? null, ...(r.body ? { body: r.body } : {}),
    })),
    checks: headChecks(p),
    // None: known at once. Some: read on their own (readReviewThreads), only for those pull requests.
    threads: p.reviewThreads.totalCount === 0 ? [] : undefined,
    ...(p.comments ? { comments: comments.map((c) => ({ id: c.databaseId ?? 0, author: c.author?.login ?? '', body: c.body, createdAt: c.createdAt })) } : {}),
  };
}

/** Statuses first, then check runs, as the two REST reads list them. */
function headChecks(p: GqlPull): EvidenceCheck[] | undefined {
  const head = p.headCommit.nodes?.[0]?.commit;
  if (!head || head.oid !== p.headRefOid) return undefined;
  if (!head.statusCheckRollup) return [];
  const contexts = complete(head.statusCheckRollup.contexts);
  if (!contexts) return undefined;
  const statuses: EvidenceCheck[] = [];
  const runs: EvidenceCheck[] = [];
  for (const c of contexts) {
    if (c.__typename === 'StatusContext') statuses.push({ name: c.context, state: c.state === 'EXPECTED' ? 'pending' : statusCheckState(c.state.toLowerCase()), url: c.targetUrl ?? null });
    else runs.push({ name: c.name, state: checkRunState({ status: c.status.toLowerCase(), conclusion: c.conclusion?.toLowerCase() ?? null }), url: c.detailsUrl ?? c.url ?? null });
  }
  return [...statuses, ...runs];
}
