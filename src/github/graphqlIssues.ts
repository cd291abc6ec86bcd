/**
 * The evidence reads of many tickets (issues) in one GraphQL query: each
 * issue with its labels, comments and label history, grouped by the
 * repository that tracks them (aliases `r0 { t0 t1 … }`). The answer is
 * mapped into the same facts the REST readers return (issues.ts), so the
 * evidence built from either is the same.
 *
 * An issue GraphQL cannot describe completely (more than 100 labels,
 * comments or label events) or cannot find (GraphQL's `issue` does not
 * resolve pull request numbers, which the REST issues API does) is left
 * out of the answer: the caller reads it through REST, which also tells
 * a missing ticket from a pull request.
 */
import type { Octokit } from '@octokit/rest';
import type { LabelEvent } from '../core/evidence/document';
import { ChangeControlError } from '../core/errors';
import type { TicketRef } from '../core/ports';
import { isMissing, runGraphql, type GraphqlUsage } from './graphqlQuery';
import type { IssueComment, IssueData } from './issues';

/** Issues per query: 100 × three connections of 100. */
export const ISSUES_PER_QUERY = 100;

const PAGE = 100;

/** Everything the evidence needs of one ticket. */
export interface TicketRead {
  issue: IssueData;
  labelEvents: LabelEvent[];
  comments: IssueComment[];
}

const FRAGMENT = `fragment EvidenceTicket on Issue {
  number title url state body
  labels(first: ${PAGE}) { totalCount nodes { name } }
  comments(first: ${PAGE}) { totalCount nodes { body url createdAt } }
  timelineItems(itemTypes: [LABELED_EVENT, UNLABELED_EVENT], first: ${PAGE}) { totalCount nodes {
    __typename
    ... on LabeledEvent { createdAt actor { login } label { name } }
    ... on UnlabeledEvent { createdAt actor { login } label { name } }
  } }
}`;

interface Connection<T> { totalCount: number; nodes: (T | null)[] | null }
interface GqlEvent { __typename: string; createdAt: string; actor: { login: string } | null; label: { name: string } }
interface GqlIssue {
  number: number; title: string; url: string; state: string; body: string;
  labels: Connection<{ name: string }>;
  comments: Connection<{ body: string; url: string; createdAt: string }>;
  timelineItems: Connection<GqlEvent>;
}

/** `owner/repo#number`, the key of a ticket in the answer (owner and repository case-insensitive, as GitHub treats them). */
export function ticketKey(ref: TicketRef): string {
  return `${ref.owner}/${ref.repo}`.toLowerCase() + `#${ref.number}`;
}

/** The tickets of `refs` that GraphQL describes completely, by ticketKey. */
export async function readTicketsBatch(octokit: Octokit, refs: readonly TicketRef[], usage: GraphqlUsage, signal?: AbortSignal): Promise<Map<string, TicketRead>> {
  const out = new Map<string, TicketRead>();
  const unique = [...new Map(refs.map((r) => [ticketKey(r), r])).values()];
  for (let start = 0; start < unique.length; start += ISSUES_PER_QUERY) {
    const batch = unique.slice(start, start + ISSUES_PER_QUERY);
    const repos = [...new Map(batch.map((r) => [`${r.owner}/${r.repo}`.toLowerCase(), r])).keys()];
    const variables: Record<string, unknown> = {};
    const params: string[] = [];
    const blocks = repos.map((key, ri) => {
      const first = batch.find((r) => `${r.owner}/${r.repo}`.toLowerCase() === key)!;
      variables[`o${ri}`] = first.owner;
      variables[`n${ri}`] = first.repo;
      params.push(`$o${ri}: String!`, `$n${ri}: String!`);
      const issues = batch.map((r, ti) => ({ r, ti })).filter(({ r }) => `${r.owner}/${r.repo}`.toLowerCase() === key);
      for (const { r, ti } of issues) {
        variables[`i${ti}`] = r.number;
        params.push(`$i${ti}: Int!`);
      }
      return `r${ri}: repository(owner: $o${ri}, name: $n${ri}) {\n    ${issues.map(({ ti }) => `t${ti}: issue(number: $i${ti}) { ...EvidenceTicket }`).join('\n    ')}\n  }`;
    });
    const query = `query EvidenceTickets(${params.join(', ')}) {\n  ${blocks.join('\n  ')}\n  rateLimit { cost }\n}\n${FRAGMENT}`;
    const { data, missing } = await runGraphql<Record<string, Record<string, GqlIssue | null> | null> & { rateLimit: { cost: number } | null }>(octokit, query, variables, usage, signal);
    batch.forEach((ref, ti) => {
      const ri = repos.indexOf(`${ref.owner}/${ref.repo}`.toLowerCase());
      const issue = (data[`r${ri}`] as Record<string, GqlIssue | null> | null | undefined)?.[`t${ti}`];
      if (!issue || isMissing(missing, `r${ri}`, `t${ti}`)) return;
      const read = toTicketRead(issue);
      if (read) out.set(ticketKey(ref), read);
    });
  }
  return out;
}

const complete = <T>(c: Connection<T>): T[] | undefined => {
  const nodes = (c.nodes ?? []).filter((n): n is T => n !== null);
  return nodes.length === c.totalCount ? nodes : undefined;
};

function toTicketRead(i: GqlIssue): TicketRead | undefined {
  const labels = complete(i.labels);
  const comments = complete(i.comments);
  const events = complete(i.timelineItems);
  if (!labels || !comments || !events) return undefined;
  return {
    issue: { number: i.number, title: i.title, html_url: i.url, state: i.state === 'CLOSED' ? 'closed' : 'open', body: i.body, labels: labels.map((l) => ({ name: l.name })) },
    labelEvents: events
      .filter((e) => e.__typename === 'LabeledEvent' || e.__typename === 'UnlabeledEvent')
      .map((e) => ({ action: e.__typename === 'LabeledEvent' ? 'labeled' : 'unlabeled', label: e.label.name, actor: e.actor?.login ?? 'unknown', at: e.createdAt })),
    comments: comments.map((c) => ({ body: c.body, url: c.url, createdAt: c.createdAt })),
  };
}

/** When an issue was created and its title or body last edited (null: never), which REST does not say. */
export async function readIssueEdited(octokit: Octokit, ref: TicketRef, usage: GraphqlUsage, signal?: AbortSignal): Promise<{ createdAt: string; lastEditedAt: string | null }> {
  const query = 'query IssueEdited($owner: String!, $name: String!, $number: Int!) { repository(owner: $owner, name: $name) { issue(number: $number) { createdAt lastEditedAt } } rateLimit { cost } }';
  const { data } = await runGraphql<{ repository: { issue: { createdAt: string; lastEditedAt: string | null } | null } | null; rateLimit: { cost: number } | null }>(
    octokit, query, { owner: ref.owner, name: ref.repo, number: ref.number }, usage, signal,
  );
  const issue = data.repository?.issue;
  if (!issue) throw new ChangeControlError('ticket.notFound', `GitHub could not find issue #${ref.number} in ${ref.owner}/${ref.repo}.`);
  return issue;
}
