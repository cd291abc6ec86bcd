/**
 * Pagination that always ends: Octokit follows a `Link: rel="next"` header
 * for as long as the server sends one, so a server (or a proxy) that links
 * a page to itself, or pages in a cycle, makes every paginated read loop
 * for ever. This replaces `octokit.paginate` and `octokit.paginate.iterator`
 * of each client (client.ts), so every caller gets the guard: `next` is
 * followed only to a URL not read before, and at most `maxPages` pages per
 * read; otherwise the read stops with a `github.server` error.
 */
import type { Octokit } from '@octokit/rest';
import { ChangeControlError } from '../core/errors';
import { plural } from '../core/rules/text';

type Paginate = Octokit['paginate'];
type AnyRoute = string | ((params?: object) => Promise<unknown>) & { endpoint?: EndpointLike };
interface EndpointLike {
  (params?: object): { url: string; method: string };
  DEFAULTS?: { method?: string; url?: string };
}
interface PageResponse {
  headers: Record<string, unknown>;
  data: unknown;
  url?: string;
}

/** Installs the guarded paginate on `octokit` (call once, in the client factory). */
export function guardPagination(octokit: Octokit, maxPages: number): void {
  const original = octokit.paginate;
  const iterator = (route: AnyRoute, parameters?: object): AsyncIterable<PageResponse> => {
    const inner = (original.iterator as unknown as (r: AnyRoute, p?: object) => AsyncIterable<PageResponse>)(route, parameters);
    return { [Symbol.asyncIterator]: () => guardedPages(inner, firstUrl(octokit, route, parameters), routeName(route), maxPages) };
  };
  const paginate = async (route: AnyRoute, parameters?: object | MapFn, mapFn?: MapFn): Promise<unknown[]> => {
    if (typeof parameters === 'function') {
      mapFn = parameters as MapFn;
      parameters = undefined;
    }
    const results: unknown[] = [];
    for await (const page of iterator(route, parameters)) {
      let stop = false;
      const items = mapFn ? mapFn(page, () => (stop = true)) : page.data;
      if (Array.isArray(items)) for (const item of items) results.push(item);
      else results.push(items);
      if (stop) break;
    }
    return results;
  };
  octokit.paginate = Object.assign(paginate, { iterator }) as unknown as Paginate;
}

type MapFn = (response: PageResponse, done: () => void) => unknown;

function guardedPages(inner: AsyncIterable<PageResponse>, first: string | undefined, route: string, maxPages: number): AsyncIterator<PageResponse> {
  const pages = inner[Symbol.asyncIterator]();
  const seen = new Set<string>(first ? [first] : []);
  let read = 0;
  // Thrown at the next call, not with the last good page: a caller that stops early never asks for it.
  let stop: ChangeControlError | undefined;
  return {
    async next(): Promise<IteratorResult<PageResponse>> {
      if (stop) throw stop;
      const result = await pages.next();
      if (result.done) return result;
      read++;
      const next = nextLink(result.value.headers.link);
      if (next !== undefined) {
        if (seen.has(next)) stop = loopError(route, read, 'links back to a page already read');
        else if (read >= maxPages) stop = loopError(route, read, `has more than ${maxPages} pages, the most one read follows`);
        seen.add(next);
      }
      return result;
    },
    async return(): Promise<IteratorResult<PageResponse>> {
      await pages.return?.();
      return { done: true, value: undefined };
    },
  };
}

/** The `rel="next"` URL exactly as Octokit's iterator extracts it. */
function nextLink(link: unknown): string | undefined {
  return typeof link === 'string' ? /<([^<>]+)>;\s*rel="next"/.exec(link)?.[1] : undefined;
}

function firstUrl(octokit: Octokit, route: AnyRoute, parameters?: object): string | undefined {
  try {
    const options = typeof route === 'function' ? route.endpoint?.(parameters) : octokit.request.endpoint(route as string, parameters as Record<string, unknown>);
    return options?.url;
  } catch {
    return undefined; // The request itself reports a bad route; the guard then only counts pages.
  }
}

function routeName(route: AnyRoute): string {
  if (typeof route === 'string') return route.replace(/\?.*$/, '');
  const d = route.endpoint?.DEFAULTS;
  return d?.url ? `${d.method ?? 'GET'} ${d.url}` : 'a paginated list';
}

function loopError(route: string, pages: number, why: string): ChangeControlError {
  return new ChangeControlError('github.server', `GitHub's pages of ${route} do not end: page ${pages} ${why}; stopped after ${plural(pages, 'page', 'pages')}.`, {
    hint: 'A GitHub server or a proxy in between is sending a wrong Link header; try again later, or tell whoever runs it.',
    detail: { route, pages },
  });
}
