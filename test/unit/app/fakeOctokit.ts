/**
 * An in-memory GitHub for the use-case unit tests: answers each REST route
 * (`GET /repos/{owner}/{repo}/pulls/{pull_number}`) from a table, through
 * the few Octokit entry points the src/github adapters use (request,
 * rest.*, paginate, paginate.iterator, graphql), and records every route asked.
 * A route missing from the table answers 404, as GitHub would.
 */
import type { Octokit } from '@octokit/rest';

type Answer = unknown | ((params: Record<string, unknown>) => unknown);

const REST: Record<string, Record<string, string>> = {
  pulls: {
    get: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    list: 'GET /repos/{owner}/{repo}/pulls',
    listCommits: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
    listFiles: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    listReviews: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
  },
  repos: { getCombinedStatusForRef: 'GET /repos/{owner}/{repo}/commits/{ref}/status' },
  checks: { listForRef: 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs' },
  issues: {
    get: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
    listEvents: 'GET /repos/{owner}/{repo}/issues/{issue_number}/events',
    listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  },
};

export class FakeGitHub {
  /** Each route asked (`GET /repos/acme/app/pulls/34`), with its path parameters filled in. */
  asked: string[] = [];

  constructor(readonly routes: Record<string, Answer>) {}

  get octokit(): Octokit {
    const request = async (route: string, params: Record<string, unknown> = {}) => ({ data: this.answer(route, params) });
    const rest = Object.fromEntries(Object.entries(REST).map(([group, methods]) => [group, Object.fromEntries(Object.entries(methods).map(([name, route]) => {
      const fn = (params: Record<string, unknown>) => request(route, params);
      return [name, Object.assign(fn, { route })];
    }))]));
    const routeOf = (what: string | { route: string }) => (typeof what === 'string' ? what : what.route);
    const paginate = Object.assign(async (what: string | { route: string }, params: Record<string, unknown>) => this.answer(routeOf(what), params) as unknown[], {
      iterator: (what: string | { route: string }, params: Record<string, unknown>) => (async function* (gh: FakeGitHub) {
        yield { data: gh.answer(routeOf(what), params) };
      })(this),
    });
    // GraphQL answers from the table's `POST /graphql` entry (a function gets the query's variables).
    const graphql = async (_query: string, variables: Record<string, unknown> = {}) => this.answer('POST /graphql', variables);
    return { request, rest, paginate, graphql } as unknown as Octokit;
  }

  private answer(route: string, params: Record<string, unknown>): unknown {
    const path = route.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key]));
    this.asked.push(path);
    const found = this.routes[path];
    if (found === undefined) throw Object.assign(new Error(`Not Found: ${path}`), { status: 404 });
    return typeof found === 'function' ? (found as (p: Record<string, unknown>) => unknown)(params) : found;
  }
}
