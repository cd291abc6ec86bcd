/**
 * A pull request's review conversations through GitHub's GraphQL API:
 * `reviewThreads` with their resolved and outdated state, path and line,
 * the first comment and who resolved them. REST has no resolved state,
 * so this is the one GraphQL read of a refresh. It goes through the same
 * client as REST (octokit.graphql: the same base URL, token routing,
 * deadline, retries and request log).
 *
 * Cost: one request per hundred threads. A page asks for 100 threads with
 * one comment each (and, for the evidence, also the last comment), which
 * GitHub prices at 1 point (2 with the last comment) of the 5,000 an hour.
 * POSTs are not conditional: unlike REST reads, this request is never a
 * free 304.
 */
import type { Octokit } from '@octokit/rest';
import type { ReviewThreadInfo } from '../core/changeSnapshot';
import { ChangeControlError } from '../core/errors';
import type { RepoRef } from '../core/ports';
import type { GraphqlUsage } from './graphqlQuery';

/** Pages followed at most (100 threads each); more fails closed rather than judging a part. */
export const MAX_THREAD_PAGES = 20;

/** The fields of one thread, as this reader and the evidence's batch query (graphqlPullRequests.ts) ask for them. */
export const threadFields = (lastComment: boolean): string => `id isResolved isOutdated path line
          resolvedBy { login }
          comments(first: 1) { totalCount nodes { author { login } body url createdAt } }${lastComment ? '\n          lastComment: comments(last: 1) { nodes { createdAt } }' : ''}`;

const query = (lastComment: boolean, cost: boolean): string => `query ReviewThreads($owner: String!, $name: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        nodes {
          ${threadFields(lastComment)}
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }${cost ? '\n  rateLimit { cost }' : ''}
}`;

interface CommentNode { author: { login: string } | null; body: string; url: string; createdAt: string }
export interface ThreadNode {
  id: string;
  isResolved: boolean;
  isOutdated: boolean;
  path: string;
  line: number | null;
  resolvedBy: { login: string } | null;
  comments: { totalCount: number; nodes: CommentNode[] };
  lastComment?: { nodes: { createdAt: string }[] };
}
interface Answer {
  rateLimit?: { cost: number } | null;
  repository: { pullRequest: { reviewThreads: { nodes: ThreadNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } | null;
}

export interface ReviewThreadOptions {
  signal?: AbortSignal;
  /** Also read when each thread's last comment was written (the evidence). */
  lastComment?: boolean;
  /** Count each query and the points GitHub says it cost (asks for rateLimit { cost }). */
  usage?: GraphqlUsage;
}

/** Every review thread of the pull request, oldest first. Rejects when GitHub cannot answer (the caller fails closed). */
export async function readReviewThreads(octokit: Octokit, repo: RepoRef, number: number, options: ReviewThreadOptions = {}): Promise<ReviewThreadInfo[]> {
  const threads: ReviewThreadInfo[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_THREAD_PAGES; page++) {
    const answer: Answer = await octokit.graphql<Answer>(query(options.lastComment === true, options.usage !== undefined), {
      owner: repo.owner, name: repo.repo, number, after, request: { signal: options.signal },
    });
    if (options.usage) {
      options.usage.queries += 1;
      options.usage.points += answer.rateLimit?.cost ?? 1;
    }
    const connection = answer.repository?.pullRequest?.reviewThreads;
    if (!connection) throw new ChangeControlError('github.notFound', `GitHub has no pull request ${repo.owner}/${repo.repo}#${number}.`);
    threads.push(...connection.nodes.map(toThread));
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return threads;
    after = connection.pageInfo.endCursor;
  }
  throw new ChangeControlError('github.validation', `Pull request #${number} has more than ${MAX_THREAD_PAGES * 100} review conversations; not all could be read.`);
}

/** A thread node of either query as the snapshot and the evidence hold it. */
export function toThread(t: ThreadNode): ReviewThreadInfo {
  const first = t.comments.nodes[0];
  const last = t.lastComment?.nodes[0]?.createdAt;
  return {
    id: t.id,
    path: t.path,
    line: t.line,
    isResolved: t.isResolved,
    isOutdated: t.isOutdated,
    resolvedBy: t.resolvedBy?.login ?? null,
    author: first?.author?.login ?? 'ghost',
    body: first?.body ?? '',
    url: first?.url ?? '',
    createdAt: first?.createdAt ?? '',
    comments: t.comments.totalCount,
    ...(last ? { lastCommentAt: last } : {}),
  };
}
