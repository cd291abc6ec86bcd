/**
 * The release range's facts in a few requests: every merged pull request
 * of the range read in GraphQL batches, then every ticket they name in
 * GraphQL batches. While later batches are read (GitHub asks for GraphQL
 * queries one after the other), the local work of the pull requests
 * already in hand — each head's tree from git and the test check — runs,
 * a bounded few at a time. Whatever a batch could not describe
 * completely (a pull request with more than 100 commits, a renamed file,
 * a ticket that is a pull request number, …) is read through REST when
 * the change is built, with the same readers as the REST path, so both
 * paths produce the same evidence.
 *
 * REST stays where it is cheaper: the merged pull request list (a few
 * conditional pages, free when unchanged) and single pull requests (nine
 * conditional GETs that cost nothing on a re-run, where GraphQL always
 * spends points).
 */
import type { TicketRef } from '../core/ports';
import { readTicketsBatch, ticketKey, type TicketRead } from '../github/graphqlIssues';
import { readPullFactsBatch } from '../github/graphqlPullRequests';
import type { GraphqlUsage } from '../github/graphqlQuery';
import { findTicketId, restSource, ticketTarget, type EvidenceGatherer, type EvidenceSource } from './evidence';

/** Changes built at once, and local test checks run at once, from prefetched facts. */
export const BATCH_CONCURRENCY = 4;

type Tests = Awaited<ReturnType<EvidenceSource['tests']>>;

/** A source whose facts for `numbers` and their tickets were fetched in GraphQL batches. */
export async function prefetchRange(g: EvidenceGatherer, numbers: readonly number[], usage: GraphqlUsage): Promise<EvidenceSource> {
  const rest = restSource(g);
  const limit = limiter(BATCH_CONCURRENCY);
  const tests = new Map<number, Promise<Tests>>();
  const targets: TicketRef[] = [];
  const pulls = await readPullFactsBatch(g.octokit, g.repo, numbers, usage, {
    ...(g.signal ? { signal: g.signal } : {}),
    comments: g.policy.review.signOff === 'approval-or-lgtm',
    onFacts: (number, facts) => {
      const { pr, files } = facts.read;
      const pending = limit(() => rest.tests(number, pr.headSha, files));
      // Awaited when the change is built; a failure surfaces there, not as an unhandled rejection.
      pending.catch(() => undefined);
      tests.set(number, pending);
      const target = ticketTarget(g, findTicketId(g.policy, pr.title, pr.headRef, pr.body));
      if (target) targets.push(target);
    },
  });
  let tickets: Map<string, TicketRead>;
  try {
    tickets = await readTicketsBatch(g.octokit, targets, usage, g.signal);
  } finally {
    // Let the local work already started settle before the caller goes on (or reports the error).
    await Promise.allSettled(tests.values());
  }
  return {
    pull: async (number) => pulls.get(number) ?? rest.pull(number),
    checks: async (number, headSha) => pulls.get(number)?.checks ?? rest.checks(number, headSha),
    comments: async (number) => pulls.get(number)?.comments ?? rest.comments(number),
    threads: async (number) => pulls.get(number)?.threads ?? rest.threads(number),
    ticket: async (target) => tickets.get(ticketKey(target)) ?? rest.ticket(target),
    tests: (number, headSha, files) => tests.get(number) ?? rest.tests(number, headSha, files),
  };
}

/** Runs at most `n` of the given tasks at once, in the order they were given. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  const release = (): void => {
    running--;
    queue.shift()?.();
  };
  return (task) =>
    new Promise((resolve, reject) => {
      const start = (): void => {
        running++;
        task().then(resolve, reject).finally(release);
      };
      if (running < n) start();
      else queue.push(start);
    });
}
