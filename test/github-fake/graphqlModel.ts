/**
 * The fake's GraphQL objects, built from the same FakeState the REST routes
 * read, so both APIs always agree. graphql-js executes queries against
 * GitHub's schema over these plain objects: a property is a field (a
 * function property gets the field's arguments). A field that is missing
 * here is reported by graphql.ts as "not implemented", so add what a query
 * needs rather than let it come back null.
 */
import type { GraphqlBudget } from './graphql';
import { isBot } from './payloads';
import type { FakeCommit, FakeIssue, FakeLabel, FakePull, FakeRepo, FakeReview, FakeReviewComment, FakeReviewThread, FakeState } from './state';

export interface ModelContext {
  state: FakeState;
  viewer: string;
  /** The fake's root URL (web links are built on it). */
  baseUrl: string;
  cost: number;
  nodeCount: number;
  budget: GraphqlBudget;
  violations: string[];
}

type Obj = Record<string, unknown>;
interface Page { first?: number | null; last?: number | null; after?: string | null; before?: string | null }

/** Resolver errors GitHub answers with a `type` (NOT_FOUND is an answer, not a client mistake). */
export class GitHubGraphqlFailure extends Error {
  constructor(readonly githubType: string, message: string) {
    super(message);
  }
}

export function rootValue(ctx: ModelContext): Obj {
  return {
    rateLimit: () => ({
      __typename: 'RateLimit', cost: ctx.cost, limit: ctx.budget.limit, nodeCount: ctx.nodeCount,
      remaining: Math.max(0, ctx.budget.remaining - ctx.cost), used: ctx.budget.used + ctx.cost, resetAt: ctx.budget.resetAt,
    }),
    viewer: () => actor(ctx, ctx.viewer),
    user: ({ login }: { login: string }) => {
      if (!ctx.state.users.has(login)) throw new GitHubGraphqlFailure('NOT_FOUND', `Could not resolve to a User with the login of '${login}'.`);
      return actor(ctx, login);
    },
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = ctx.state.repos.get(`${owner}/${name}`.toLowerCase());
      if (!repo) throw new GitHubGraphqlFailure('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return repository(ctx, repo);
    },
  };
}

/** A connection page: `after`/`before` cursors, then `first` or `last` (graphql.ts has checked the bounds). */
export function connection<T>(items: T[], args: Page, node: (item: T) => Obj, typename: string): Obj {
  let start = 0;
  let end = items.length;
  if (args.after) start = Math.min(end, decodeCursor(args.after) + 1);
  if (args.before) end = Math.max(start, Math.min(end, decodeCursor(args.before)));
  if (typeof args.first === 'number') end = Math.min(end, start + args.first);
  else if (typeof args.last === 'number') start = Math.max(start, end - args.last);
  const page = items.slice(start, end).map((item, i) => ({ cursor: encodeCursor(start + i), item }));
  const nodes = page.map((p) => node(p.item));
  return {
    __typename: typename, totalCount: items.length, nodes,
    edges: page.map((p, i) => ({ __typename: `${typename.replace(/Connection$/, '')}Edge`, cursor: p.cursor, node: nodes[i] })),
    pageInfo: { __typename: 'PageInfo', hasNextPage: end < items.length, hasPreviousPage: start > 0, startCursor: page[0]?.cursor ?? null, endCursor: page.at(-1)?.cursor ?? null },
  };
}

function encodeCursor(index: number): string {
  return Buffer.from(`cursor:v2:${index}`).toString('base64');
}

function decodeCursor(cursor: string): number {
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!m) throw new Error(`\`${cursor}\` does not appear to be a valid cursor.`);
  return Number(m[1]);
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`;
}

function web(ctx: ModelContext, repo: FakeRepo): string {
  return `${ctx.baseUrl}/${repo.owner}/${repo.name}`;
}

export function actor(ctx: ModelContext, login: string): Obj {
  const user = ctx.state.addUser(login);
  return {
    __typename: isBot(login) ? 'Bot' : 'User', id: nodeId(isBot(login) ? 'BOT' : 'U', user.id), databaseId: user.id, login,
    name: login, url: `${ctx.baseUrl}/${login}`, resourcePath: `/${login}`, avatarUrl: () => `${ctx.baseUrl}/avatars/${login}`,
  };
}

function repository(ctx: ModelContext, repo: FakeRepo): Obj {
  const self: Obj = {
    __typename: 'Repository', id: nodeId('R', repo.id), databaseId: repo.id, name: repo.name, nameWithOwner: `${repo.owner}/${repo.name}`,
    url: web(ctx, repo), isPrivate: repo.private, owner: () => actor(ctx, repo.owner),
    defaultBranchRef: () => ({ __typename: 'Ref', id: nodeId('REF', repo.id), name: repo.defaultBranch, prefix: 'refs/heads/' }),
    pullRequest: ({ number }: { number: number }) => {
      const pull = repo.pulls.get(number);
      if (!pull) throw new GitHubGraphqlFailure('NOT_FOUND', `Could not resolve to a PullRequest with the number of ${number}.`);
      return pullRequest(ctx, repo, pull);
    },
    issue: ({ number }: { number: number }) => {
      const issue = repo.issues.get(number);
      if (!issue || issue.isPull) throw new GitHubGraphqlFailure('NOT_FOUND', `Could not resolve to an Issue with the number of ${number}.`);
      return issueNode(ctx, repo, issue);
    },
    issueOrPullRequest: ({ number }: { number: number }) => {
      const pull = repo.pulls.get(number);
      const issue = repo.issues.get(number);
      if (pull) return pullRequest(ctx, repo, pull);
      if (issue) return issueNode(ctx, repo, issue);
      throw new GitHubGraphqlFailure('NOT_FOUND', `Could not resolve to an issue or pull request with the number of ${number}.`);
    },
    labels: (args: Page) => connection([...repo.labels.values()], args, (l) => label(ctx, repo, l), 'LabelConnection'),
  };
  return self;
}

function label(ctx: ModelContext, repo: FakeRepo, l: FakeLabel): Obj {
  return { __typename: 'Label', id: nodeId('LA', l.id), name: l.name, color: l.color, description: l.description, url: `${web(ctx, repo)}/labels/${encodeURIComponent(l.name)}` };
}

function issueLabels(ctx: ModelContext, repo: FakeRepo, issue: FakeIssue, args: Page): Obj {
  const labels = issue.labels.map((name) => repo.labels.get(name.toLowerCase()) ?? { id: 0, name, color: 'ededed', description: null });
  return connection(labels, args, (l) => label(ctx, repo, l), 'LabelConnection');
}

function issueNode(ctx: ModelContext, repo: FakeRepo, issue: FakeIssue): Obj {
  return {
    __typename: 'Issue', id: nodeId('I', issue.id), databaseId: issue.id, number: issue.number, title: issue.title, body: issue.body ?? '',
    url: `${web(ctx, repo)}/issues/${issue.number}`, state: issue.state.toUpperCase(), closed: issue.state === 'closed', closedAt: issue.closedAt,
    createdAt: issue.createdAt, updatedAt: issue.updatedAt, lastEditedAt: issue.lastEditedAt ?? null, author: () => actor(ctx, issue.user), repository: () => repository(ctx, repo),
    labels: (args: Page) => issueLabels(ctx, repo, issue, args),
    assignees: (args: Page) => connection(issue.assignees, args, (a) => actor(ctx, a), 'UserConnection'),
    comments: (args: Page) => connection(issue.comments, args, (c) => ({
      __typename: 'IssueComment', id: nodeId('IC', c.id), databaseId: c.id, body: c.body, createdAt: c.createdAt, updatedAt: c.updatedAt,
      author: actor(ctx, c.user), url: `${web(ctx, repo)}/issues/${issue.number}#issuecomment-${c.id}`,
    }), 'IssueCommentConnection'),
    timelineItems: (args: Page & { itemTypes?: string[] | null }) => {
      const wanted = args.itemTypes ?? ['LABELED_EVENT', 'UNLABELED_EVENT'];
      const events = issue.events.filter((e) => wanted.includes(e.event === 'labeled' ? 'LABELED_EVENT' : 'UNLABELED_EVENT'));
      return connection(events, args, (e) => ({
        __typename: e.event === 'labeled' ? 'LabeledEvent' : 'UnlabeledEvent', id: nodeId('LE', e.id), createdAt: e.createdAt, actor: actor(ctx, e.actor),
        label: label(ctx, repo, repo.labels.get(e.label.toLowerCase()) ?? { id: 0, name: e.label, color: 'ededed', description: null }),
      }), 'IssueTimelineItemsConnection');
    },
  };
}

function commitNode(ctx: ModelContext, repo: FakeRepo, pull: FakePull, oid: string): Obj {
  const c: FakeCommit | undefined = pull.commits.find((x) => x.sha === oid);
  return {
    __typename: 'Commit', id: nodeId('C', parseInt(oid.slice(0, 8), 16) || 0), oid, abbreviatedOid: oid.slice(0, 7), message: c?.message ?? '',
    messageHeadline: (c?.message ?? '').split('\n')[0], committedDate: c?.date ?? pull.createdAt, authoredDate: c?.date ?? pull.createdAt,
    url: `${web(ctx, repo)}/commit/${oid}`,
    author: { __typename: 'GitActor', name: c?.author ?? null, email: c ? `${c.author}@users.noreply.example` : null, date: c?.date ?? null, user: c ? actor(ctx, c.author) : null },
    committer: { __typename: 'GitActor', name: c?.author ?? null, email: c ? `${c.author}@users.noreply.example` : null, date: c?.date ?? null, user: c ? actor(ctx, c.author) : null },
    // The REST commit payloads list no parents either.
    parents: (args: Page) => connection([], args, () => ({}), 'CommitConnection'),
    statusCheckRollup: () => statusCheckRollup(ctx, repo, oid),
  };
}

/** The checks on `oid` as REST lists them (statuses, then check runs); null when there are none, as GitHub answers. */
function statusCheckRollup(ctx: ModelContext, repo: FakeRepo, oid: string): Obj | null {
  const statuses = repo.statuses.get(oid) ?? [];
  const runs = repo.checkRuns.get(oid) ?? [];
  if (statuses.length === 0 && runs.length === 0) return null;
  const failed = statuses.some((s) => s.state === 'failure' || s.state === 'error') || runs.some((r) => r.status === 'completed' && !['success', 'neutral', 'skipped'].includes(r.conclusion ?? ''));
  const pending = statuses.some((s) => s.state === 'pending') || runs.some((r) => r.status !== 'completed');
  const items: Obj[] = [
    ...statuses.map((s) => ({
      __typename: 'StatusContext', id: nodeId('SC', s.id), context: s.context, state: s.state.toUpperCase(), targetUrl: s.targetUrl, description: s.description, createdAt: s.createdAt,
    })),
    ...runs.map((r) => ({
      __typename: 'CheckRun', id: nodeId('CR', r.id), databaseId: r.id, name: r.name, status: r.status.toUpperCase(), conclusion: r.conclusion?.toUpperCase() ?? null,
      detailsUrl: null, url: `${web(ctx, repo)}/runs/${r.id}`, permalink: `${web(ctx, repo)}/runs/${r.id}`, startedAt: r.startedAt, completedAt: r.completedAt,
    })),
  ];
  return {
    __typename: 'StatusCheckRollup', id: nodeId('SCR', parseInt(oid.slice(0, 8), 16) || 0), state: failed ? 'FAILURE' : pending ? 'PENDING' : 'SUCCESS',
    contexts: (args: Page) => connection(items, args, (i) => i, 'StatusCheckRollupContextConnection'),
  };
}

function pullRequest(ctx: ModelContext, repo: FakeRepo, pull: FakePull): Obj {
  const url = `${web(ctx, repo)}/pull/${pull.number}`;
  const issue = repo.issues.get(pull.number);
  const self: Obj = {
    __typename: 'PullRequest', id: nodeId('PR', pull.id), databaseId: pull.id, number: pull.number, title: pull.title, body: pull.body ?? '', url,
    state: pull.merged ? 'MERGED' : pull.state.toUpperCase(), isDraft: pull.draft, merged: pull.merged, mergedAt: pull.mergedAt,
    closed: pull.state === 'closed', closedAt: pull.closedAt, createdAt: pull.createdAt, updatedAt: pull.updatedAt,
    headRefName: pull.head.ref, headRefOid: pull.head.sha, baseRefName: pull.base.ref, baseRefOid: pull.base.sha,
    author: () => actor(ctx, pull.user), mergedBy: () => (pull.mergedBy ? actor(ctx, pull.mergedBy) : null), repository: () => repository(ctx, repo),
    labels: (args: Page) => (issue ? issueLabels(ctx, repo, issue, args) : connection([], args, () => ({}), 'LabelConnection')),
    commits: (args: Page) => connection(pull.commits, args, (c) => ({
      __typename: 'PullRequestCommit', id: nodeId('PRC', parseInt(c.sha.slice(0, 8), 16) || 0), url: `${url}/commits/${c.sha}`, commit: commitNode(ctx, repo, pull, c.sha),
    }), 'PullRequestCommitConnection'),
    comments: (args: Page) => connection(issue?.comments ?? [], args, (c) => ({
      __typename: 'IssueComment', id: nodeId('IC', c.id), databaseId: c.id, body: c.body, createdAt: c.createdAt, updatedAt: c.updatedAt,
      author: actor(ctx, c.user), url: `${url}#issuecomment-${c.id}`,
    }), 'IssueCommentConnection'),
    mergeCommit: () => (pull.mergeCommitSha ? commitNode(ctx, repo, pull, pull.mergeCommitSha) : null),
    files: (args: Page) => connection(pull.files, args, (f) => ({
      __typename: 'PullRequestChangedFile', path: f.filename, changeType: 'MODIFIED', additions: f.additions, deletions: f.deletions, viewerViewedState: 'UNVIEWED',
    }), 'PullRequestChangedFileConnection'),
    reviewThreads: (args: Page) => connection(pull.threads, args, (t) => thread(ctx, repo, pull, t, self), 'PullRequestReviewThreadConnection'),
    reviews: (args: Page & { states?: string[] | null; author?: string | null }) => {
      const reviews = pull.reviews.filter((r) => (!args.states || args.states.includes(r.state)) && (!args.author || r.user === args.author));
      return connection(reviews, args, (r) => review(ctx, repo, pull, r, self), 'PullRequestReviewConnection');
    },
    latestReviews: (args: Page) => connection(latestPerAuthor(pull.reviews, false), args, (r) => review(ctx, repo, pull, r, self), 'PullRequestReviewConnection'),
    latestOpinionatedReviews: (args: Page) => connection(latestPerAuthor(pull.reviews, true), args, (r) => review(ctx, repo, pull, r, self), 'PullRequestReviewConnection'),
    reviewRequests: (args: Page) => connection(pull.requestedReviewers, args, (login) => ({ __typename: 'ReviewRequest', id: nodeId('RR', ctx.state.addUser(login).id), requestedReviewer: actor(ctx, login) }), 'ReviewRequestConnection'),
  };
  return self;
}

/** Each author's latest submitted review (opinionated: APPROVED, CHANGES_REQUESTED or DISMISSED only), in submission order. */
function latestPerAuthor(reviews: FakeReview[], opinionated: boolean): FakeReview[] {
  const latest = new Map<string, FakeReview>();
  for (const r of reviews) {
    if (r.state === 'PENDING' || (opinionated && r.state === 'COMMENTED')) continue;
    latest.delete(r.user);
    latest.set(r.user, r);
  }
  return [...latest.values()];
}

function review(ctx: ModelContext, repo: FakeRepo, pull: FakePull, r: FakeReview, pr: Obj): Obj {
  const at = r.submittedAt ?? pull.updatedAt;
  return {
    __typename: 'PullRequestReview', id: nodeId('PRR', r.id), databaseId: r.id, author: actor(ctx, r.user), authorAssociation: 'COLLABORATOR',
    state: r.state, body: r.body, bodyText: r.body, submittedAt: r.submittedAt, publishedAt: r.submittedAt, createdAt: at, updatedAt: at, lastEditedAt: null,
    url: `${web(ctx, repo)}/pull/${pull.number}#pullrequestreview-${r.id}`, commit: commitNode(ctx, repo, pull, r.commitId), pullRequest: pr,
  };
}

function thread(ctx: ModelContext, repo: FakeRepo, pull: FakePull, t: FakeReviewThread, pr: Obj): Obj {
  const first = t.comments[0];
  const self: Obj = {
    __typename: 'PullRequestReviewThread', id: nodeId('PRRT', t.id), path: t.path, line: t.line, originalLine: t.originalLine,
    startLine: t.isOutdated ? null : t.startLine, originalStartLine: t.startLine, diffSide: t.diffSide, startDiffSide: t.startLine === null ? null : t.diffSide,
    isResolved: t.isResolved, isOutdated: t.isOutdated, isCollapsed: t.isResolved, subjectType: t.originalLine === null ? 'FILE' : 'LINE',
    resolvedBy: t.resolvedBy ? { ...actor(ctx, t.resolvedBy), __typename: 'User' } : null,
    viewerCanResolve: !t.isResolved, viewerCanUnresolve: t.isResolved, viewerCanReply: true, pullRequest: pr, repository: () => repository(ctx, repo),
    comments: (args: Page) => connection(t.comments, args, (c) => comment(ctx, repo, pull, t, c, first, pr), 'PullRequestReviewCommentConnection'),
  };
  return self;
}

function comment(ctx: ModelContext, repo: FakeRepo, pull: FakePull, t: FakeReviewThread, c: FakeReviewComment, first: FakeReviewComment | undefined, pr: Obj): Obj {
  const url = (id: number) => `${web(ctx, repo)}/pull/${pull.number}#discussion_r${id}`;
  return {
    __typename: 'PullRequestReviewComment', id: nodeId('PRRC', c.id), databaseId: c.id, fullDatabaseId: String(c.id), author: actor(ctx, c.user),
    authorAssociation: 'COLLABORATOR', body: c.body, bodyText: c.body, createdAt: c.createdAt, updatedAt: c.updatedAt, publishedAt: c.createdAt, lastEditedAt: null,
    url: url(c.id), path: t.path, line: t.line, originalLine: t.originalLine, outdated: t.isOutdated, state: 'SUBMITTED', diffHunk: '',
    isMinimized: false, minimizedReason: null, viewerDidAuthor: c.user === ctx.viewer, pullRequest: pr, commit: commitNode(ctx, repo, pull, t.commitId),
    replyTo: first && first.id !== c.id ? { __typename: 'PullRequestReviewComment', id: nodeId('PRRC', first.id), databaseId: first.id, url: url(first.id) } : null,
  };
}
