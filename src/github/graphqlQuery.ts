/**
 * One GraphQL query through the shared client (octokit.graphql rides the
 * same request hook as REST: the token goes to the client's origin only,
 * the deadline, retries, throttling and the request log apply). GitHub
 * answers a batched query with partial data and one error per missing
 * alias; this keeps the data, lists the aliases GitHub could not resolve
 * (NOT_FOUND) so the caller can read those another way, and translates
 * every other error once into ChangeControlError. Each query asks for
 * `rateLimit { cost }`, and the points are added up for the run's report.
 */
import type { Octokit } from '@octokit/rest';
import { ChangeControlError } from '../core/errors';
import { translateGitHubError } from './errors';

/** Rate-limit points and queries a run spent on GraphQL (GitHub's own `rateLimit.cost`). */
export interface GraphqlUsage {
  queries: number;
  points: number;
}

export interface GraphqlAnswer<T> {
  data: T;
  /** First path element (the top-level alias) of every NOT_FOUND error, with the second when there is one. */
  missing: string[][];
}

interface GitHubGraphqlError {
  type?: string;
  message?: string;
  path?: (string | number)[];
}

/** Runs `query` with `variables`; throws on anything but data with NOT_FOUND holes. */
export async function runGraphql<T extends { rateLimit?: { cost: number } | null }>(
  octokit: Octokit,
  query: string,
  variables: Record<string, unknown>,
  usage: GraphqlUsage,
  signal?: AbortSignal,
): Promise<GraphqlAnswer<T>> {
  let data: T;
  let missing: string[][] = [];
  try {
    data = await octokit.graphql<T>(query, { ...variables, request: { signal } });
  } catch (err) {
    const partial = err as { name?: string; errors?: GitHubGraphqlError[]; data?: T | null };
    if (partial?.name !== 'GraphqlResponseError') throw translateGitHubError(err);
    const errors = partial.errors ?? [];
    const other = errors.filter((e) => e.type !== 'NOT_FOUND' || !e.path || e.path.length === 0);
    if (other.length > 0 || !partial.data) throw graphqlError(other.length > 0 ? other : errors, err);
    data = partial.data;
    missing = errors.map((e) => (e.path ?? []).slice(0, 2).map(String));
  }
  usage.queries++;
  usage.points += data.rateLimit?.cost ?? 1;
  return { data, missing };
}

function graphqlError(errors: GitHubGraphqlError[], cause: unknown): ChangeControlError {
  const first = errors[0] ?? {};
  const message = (first.message ?? 'unknown error').slice(0, 300);
  if (first.type === 'RATE_LIMITED') {
    return new ChangeControlError('github.rateLimited', `GitHub's GraphQL rate limit stopped the query: ${message}`, { cause, hint: 'Try again after the reset.' });
  }
  if (first.type === 'FORBIDDEN') {
    return new ChangeControlError('github.forbidden', `GitHub refused part of the query: ${message}`, { cause, hint: 'Ask for access to the repository, or sign in with an account that has it.' });
  }
  return new ChangeControlError('github.server', `GitHub could not answer the query: ${message}`, { cause, detail: { errors: errors.length } });
}

/** True when the alias path (`['p3']`, `['r0', 't4']`) was reported missing. */
export function isMissing(missing: readonly string[][], ...path: string[]): boolean {
  return missing.some((m) => path.every((p, i) => m[i] === p) || (m.length < path.length && m.every((p, i) => path[i] === p)));
}
