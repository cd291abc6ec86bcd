/**
 * Handlers of the fake GitHub, one per OpenAPI operation (keyed by
 * `METHOD template`). They read and mutate FakeState and answer with the
 * Renderer's payloads; errors are GitHub-shaped (message,
 * documentation_url, errors[]).
 */
import { createHash } from 'node:crypto';
import { sha, type FakeIssue, type FakeRepo, type FakeState, type MergeMethod, type StatusState } from './state';
import type { Renderer } from './payloads';

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** Login of the authenticated user. */
  viewer: string;
  state: FakeState;
  render: Renderer;
  /** Absolute URL of this request without the query (for Link headers). */
  selfUrl: string;
  /** The raw body and its content type, for operations whose body is not JSON (release assets). */
  raw?: string;
  contentType?: string;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown by handlers: becomes a GitHub error response. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly errors?: { resource?: string; field?: string; code: string; message?: string }[]) {
    super(message);
  }
}

type Handler = (ctx: RouteContext) => RouteResult;

const DOCS = 'https://docs.github.com/rest';

function repoOf(ctx: RouteContext): FakeRepo {
  const repo = ctx.state.repos.get(`${ctx.params.owner}/${ctx.params.repo}`.toLowerCase());
  if (!repo) throw new HttpError(404, 'Not Found');
  return repo;
}

function issueOf(ctx: RouteContext, repo: FakeRepo): FakeIssue {
  const issue = repo.issues.get(Number(ctx.params.issue_number));
  if (!issue) throw new HttpError(404, 'Not Found');
  return issue;
}

function releaseOf(ctx: RouteContext, repo: FakeRepo) {
  const release = repo.releases.find((r) => r.id === Number(ctx.params.release_id));
  if (!release) throw new HttpError(404, 'Not Found');
  return release;
}

function pullOf(ctx: RouteContext, repo: FakeRepo) {
  const pull = repo.pulls.get(Number(ctx.params.pull_number));
  if (!pull) throw new HttpError(404, 'Not Found');
  return pull;
}

/** One page of `items`, with GitHub's Link header (first/prev/next/last). */
export function paginate<T>(ctx: RouteContext, items: T[]): RouteResult & { body: T[] } {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (p: number, rel: string) => {
    const q = new URLSearchParams(ctx.query);
    q.set('per_page', String(perPage));
    q.set('page', String(p));
    return `<${ctx.selfUrl}?${q}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}) };
}

function listIssues(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const state = ctx.query.get('state') ?? 'open';
  const assignee = ctx.query.get('assignee');
  const labels = (ctx.query.get('labels') ?? '').split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
  const creator = ctx.query.get('creator');
  let items = [...repo.issues.values()].filter((i) => state === 'all' || i.state === state);
  if (assignee === 'none') items = items.filter((i) => i.assignees.length === 0);
  else if (assignee === '*') items = items.filter((i) => i.assignees.length > 0);
  else if (assignee) items = items.filter((i) => i.assignees.includes(assignee));
  if (creator) items = items.filter((i) => i.user === creator);
  if (labels.length > 0) items = items.filter((i) => labels.every((l) => i.labels.some((x) => x.toLowerCase() === l)));
  const sort = ctx.query.get('sort') ?? 'created';
  const key = (i: FakeIssue) => (sort === 'updated' ? i.updatedAt : sort === 'comments' ? String(i.comments.length).padStart(8, '0') : i.createdAt) + String(i.number).padStart(8, '0');
  items.sort((a, b) => key(a).localeCompare(key(b)));
  if ((ctx.query.get('direction') ?? 'desc') === 'desc') items.reverse();
  return paginate(ctx, items.map((i) => ctx.render.issue(repo, i)));
}

function createPull(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const head = String(ctx.body.head ?? '');
  const base = String(ctx.body.base ?? '');
  const headRef = head.includes(':') ? head.split(':')[1] ?? head : head;
  if ([...repo.pulls.values()].some((p) => p.state === 'open' && p.head.ref === headRef && p.base.ref === base)) {
    throw new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${head.includes(':') ? head : `${repo.owner}:${head}`}.` }]);
  }
  const commits = repo.commitsBetween.get(`${base}...${headRef}`);
  if (commits && commits.length === 0) {
    throw new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${headRef}` }]);
  }
  const title = String(ctx.body.title ?? '');
  const real = ctx.state.resolveHead?.(`${repo.owner}/${repo.name}`, headRef);
  const pull = ctx.state.addPull(`${repo.owner}/${repo.name}`, {
    head, base, title, body: typeof ctx.body.body === 'string' ? ctx.body.body : null, user: ctx.viewer, draft: ctx.body.draft === true,
    ...(real ? { commits: [{ ...ctx.state.commit(title, ctx.viewer), sha: real }] } : {}),
  });
  return { status: 201, body: ctx.render.pull(repo, pull), headers: { location: `${ctx.selfUrl}/${pull.number}` } };
}

function requestReviewers(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const pull = pullOf(ctx, repo);
  const reviewers = Array.isArray(ctx.body.reviewers) ? (ctx.body.reviewers as string[]) : [];
  if (reviewers.some((r) => r.toLowerCase() === pull.user.toLowerCase())) {
    throw new HttpError(422, 'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the repository.', [{ code: 'custom', message: 'Review cannot be requested from pull request author.' }]);
  }
  for (const r of reviewers) {
    ctx.state.addUser(r);
    if (!pull.requestedReviewers.includes(r)) pull.requestedReviewers.push(r);
  }
  pull.updatedAt = ctx.state.now();
  return { status: 201, body: ctx.render.pullSimple(repo, pull) };
}

/**
 * `PUT …/merge` as GitHub answers it: 405 when the pull request is not
 * open or the method is not allowed, 409 when `sha` is not the head any
 * more; else the state's merge hook makes the merge commit.
 */
function mergePull(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const pull = pullOf(ctx, repo);
  const method = (typeof ctx.body.merge_method === 'string' ? ctx.body.merge_method : 'merge') as MergeMethod;
  if (pull.merged || pull.state !== 'open') throw new HttpError(405, 'Pull Request is not mergeable');
  if (!repo.settings.mergeMethods.includes(method)) {
    const words: Record<MergeMethod, string> = { merge: 'Merge commits', squash: 'Squash merges', rebase: 'Rebase merges' };
    throw new HttpError(405, `${words[method]} are not allowed on this repository.`);
  }
  if (typeof ctx.body.sha === 'string' && ctx.body.sha !== pull.head.sha) throw new HttpError(409, 'Head branch was modified. Review and try the merge again.');
  const fullName = `${repo.owner}/${repo.name}`;
  const request = {
    repo: fullName, pull, method,
    title: typeof ctx.body.commit_title === 'string' ? ctx.body.commit_title : undefined,
    message: typeof ctx.body.commit_message === 'string' ? ctx.body.commit_message : undefined,
  };
  ctx.state.merges.push(request);
  ctx.state.mergePull(fullName, pull.number, ctx.viewer, ctx.state.onMerge?.(request));
  return { status: 200, body: { sha: pull.mergeCommitSha, merged: true, message: 'Pull Request successfully merged' } };
}

/** `q` qualifiers GitHub's issue search understands, the common subset: repo:, is:, state:, label:, assignee:, author:, free text. */
function searchIssues(ctx: RouteContext): RouteResult {
  const terms = (ctx.query.get('q') ?? '').match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
  let hits: { repo: FakeRepo; issue: FakeIssue }[] = [...ctx.state.repos.values()].flatMap((repo) => [...repo.issues.values()].map((issue) => ({ repo, issue })));
  for (const term of terms) {
    const [qualifier, rawValue] = term.includes(':') ? [term.slice(0, term.indexOf(':')), term.slice(term.indexOf(':') + 1)] : ['', term];
    const value = (rawValue ?? '').replace(/^"|"$/g, '').toLowerCase();
    if (qualifier === 'repo') hits = hits.filter((h) => `${h.repo.owner}/${h.repo.name}`.toLowerCase() === value);
    else if (qualifier === 'is' && (value === 'issue' || value === 'pr')) hits = hits.filter((h) => Boolean(h.issue.isPull) === (value === 'pr'));
    else if (qualifier === 'is' || qualifier === 'state') hits = hits.filter((h) => h.issue.state === value);
    else if (qualifier === 'label') hits = hits.filter((h) => h.issue.labels.some((l) => l.toLowerCase() === value));
    else if (qualifier === 'assignee') hits = hits.filter((h) => h.issue.assignees.some((a) => a.toLowerCase() === value));
    else if (qualifier === 'author') hits = hits.filter((h) => h.issue.user.toLowerCase() === value);
    else if (!qualifier) hits = hits.filter((h) => `${h.issue.title} ${h.issue.body ?? ''}`.toLowerCase().includes(value));
  }
  hits.sort((a, b) => b.issue.number - a.issue.number);
  const page = paginate(ctx, hits.map((h) => {
    const { body, ...rest } = ctx.render.issue(h.repo, h.issue);
    return { ...rest, ...(body === null || body === undefined ? {} : { body }), score: 1 };
  }));
  return { ...page, body: { total_count: hits.length, incomplete_results: false, items: page.body, search_type: 'lexical' } };
}

export const ROUTES: Record<string, Handler> = {
  'GET /search/issues': searchIssues,
  'GET /user': (ctx) => ({ status: 200, body: ctx.render.viewer(ctx.viewer) }),
  'GET /repos/{owner}/{repo}': (ctx) => ({ status: 200, body: ctx.render.repository(repoOf(ctx)) }),
  'GET /repos/{owner}/{repo}/labels': (ctx) => {
    const repo = repoOf(ctx);
    return paginate(ctx, [...repo.labels.values()].map((l) => ctx.render.label(repo, l)));
  },
  'GET /repos/{owner}/{repo}/issues': listIssues,
  'POST /repos/{owner}/{repo}/issues': (ctx) => {
    const repo = repoOf(ctx);
    const labels = (Array.isArray(ctx.body.labels) ? ctx.body.labels : []).map((l) => (typeof l === 'string' ? l : String((l as { name?: string }).name)));
    const issue = ctx.state.addIssue(`${repo.owner}/${repo.name}`, { title: String(ctx.body.title), body: typeof ctx.body.body === 'string' ? ctx.body.body : null, labels, assignees: (ctx.body.assignees as string[] | undefined) ?? [], user: ctx.viewer });
    return { status: 201, body: ctx.render.issue(repo, issue) };
  },
  'GET /repos/{owner}/{repo}/issues/{issue_number}': (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: ctx.render.issue(repo, issueOf(ctx, repo)) };
  },
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const now = ctx.state.now();
    // GitHub records an edit of the title or body (GraphQL lastEditedAt); labels and state are not edits.
    if (typeof ctx.body.title === 'string' && ctx.body.title !== issue.title) Object.assign(issue, { title: ctx.body.title, lastEditedAt: now });
    if (typeof ctx.body.body === 'string' && ctx.body.body !== (issue.body ?? '')) Object.assign(issue, { body: ctx.body.body, lastEditedAt: now });
    if (ctx.body.state === 'closed' && issue.state !== 'closed') ctx.state.closeIssue(`${repo.owner}/${repo.name}`, issue.number);
    if (ctx.body.state === 'open') Object.assign(issue, { state: 'open', closedAt: null });
    issue.updatedAt = now;
    return { status: 200, body: ctx.render.issue(repo, issue) };
  },
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    return paginate(ctx, issue.comments.map((c) => ctx.render.comment(repo, issue, c)));
  },
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const comment = ctx.state.addComment(`${repo.owner}/${repo.name}`, issue.number, String(ctx.body.body), ctx.viewer);
    return { status: 201, body: ctx.render.comment(repo, issue, comment) };
  },
  'GET /repos/{owner}/{repo}/issues/{issue_number}/events': (ctx) => {
    const repo = repoOf(ctx);
    return paginate(ctx, issueOf(ctx, repo).events.map((e) => ctx.render.event(repo, e)));
  },
  'GET /repos/{owner}/{repo}/issues/{issue_number}/labels': (ctx) => {
    const repo = repoOf(ctx);
    return paginate(ctx, ctx.render.issueLabels(repo, issueOf(ctx, repo)));
  },
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const raw = Array.isArray(ctx.body.labels) ? ctx.body.labels : [];
    for (const l of raw) ctx.state.labelIssue(`${repo.owner}/${repo.name}`, issue.number, typeof l === 'string' ? l : String((l as { name?: string }).name), ctx.viewer);
    return { status: 200, body: ctx.render.issueLabels(repo, issue) };
  },
  'GET /repos/{owner}/{repo}/pulls': (ctx) => {
    const repo = repoOf(ctx);
    const state = ctx.query.get('state') ?? 'open';
    const head = ctx.query.get('head');
    const base = ctx.query.get('base');
    let pulls = [...repo.pulls.values()].filter((p) => state === 'all' || p.state === state);
    if (head) {
      const [owner, ref] = head.includes(':') ? head.split(':', 2) : [head, undefined];
      pulls = pulls.filter((p) => p.head.owner.toLowerCase() === String(owner).toLowerCase() && (ref === undefined || p.head.ref === ref));
    }
    if (base) pulls = pulls.filter((p) => p.base.ref === base);
    pulls.sort((a, b) => b.number - a.number);
    return paginate(ctx, pulls.map((p) => ctx.render.pullSimple(repo, p)));
  },
  'POST /repos/{owner}/{repo}/pulls': createPull,
  'GET /repos/{owner}/{repo}/pulls/{pull_number}': (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: ctx.render.pull(repo, pullOf(ctx, repo)) };
  },
  'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': (ctx) => {
    const repo = repoOf(ctx);
    const pull = pullOf(ctx, repo);
    if (typeof ctx.body.title === 'string') pull.title = ctx.body.title;
    if (typeof ctx.body.body === 'string') pull.body = ctx.body.body;
    if (ctx.body.state === 'closed' || ctx.body.state === 'open') {
      pull.state = ctx.body.state;
      pull.closedAt = pull.state === 'closed' ? ctx.state.now() : null;
    }
    if (typeof ctx.body.base === 'string') pull.base.ref = ctx.body.base;
    pull.updatedAt = ctx.state.now();
    const issue = repo.issues.get(pull.number);
    if (issue) Object.assign(issue, { title: pull.title, body: pull.body, state: pull.state, closedAt: pull.closedAt, updatedAt: pull.updatedAt });
    return { status: 200, body: ctx.render.pull(repo, pull) };
  },
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews': (ctx) => {
    const repo = repoOf(ctx);
    const pull = pullOf(ctx, repo);
    return paginate(ctx, pull.reviews.map((r) => ctx.render.review(repo, pull, r)));
  },
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers': (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: ctx.render.requestedReviewers(pullOf(ctx, repo)) };
  },
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers': requestReviewers,
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits': (ctx) => {
    const repo = repoOf(ctx);
    return paginate(ctx, pullOf(ctx, repo).commits.map((c) => ctx.render.commit(repo, c)));
  },
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': (ctx) => {
    const repo = repoOf(ctx);
    const pull = pullOf(ctx, repo);
    return paginate(ctx, pull.files.map((f) => ctx.render.file(repo, f, pull.head.sha)));
  },
  'GET /repos/{owner}/{repo}/commits/{ref}/status': (ctx) => {
    const repo = repoOf(ctx);
    const ref = ctx.params.ref ?? '';
    const sha = resolveSha(repo, ref);
    const statuses = repo.statuses.get(ref) ?? (sha !== ref ? repo.statuses.get(sha) : undefined) ?? [];
    return { status: 200, body: ctx.render.combinedStatus(repo, ref, statuses, sha) };
  },
  'POST /repos/{owner}/{repo}/statuses/{sha}': (ctx) => {
    const repo = repoOf(ctx);
    const state = ctx.body.state as StatusState;
    const context = typeof ctx.body.context === 'string' ? ctx.body.context : 'default';
    const status = ctx.state.setStatus(`${repo.owner}/${repo.name}`, ctx.params.sha ?? '', {
      context, state,
      ...(typeof ctx.body.description === 'string' ? { description: ctx.body.description } : {}),
      ...(typeof ctx.body.target_url === 'string' ? { targetUrl: ctx.body.target_url } : {}),
    });
    return { status: 201, body: ctx.render.createdStatus(repo, status, ctx.state.viewer) };
  },
  'GET /repos/{owner}/{repo}/rules/branches/{branch}': (ctx) => {
    const repo = repoOf(ctx);
    return paginate(ctx, (repo.branchRules.get(ctx.params.branch ?? '') ?? []).map((r) => ctx.render.branchRule(r)));
  },
  'GET /repos/{owner}/{repo}/branches/{branch}/protection': (ctx) => {
    const repo = repoOf(ctx);
    const branch = ctx.params.branch ?? '';
    const protection = repo.protection.get(branch);
    if (protection === 'forbidden') throw new HttpError(403, 'Resource not accessible by personal access token');
    if (!protection) throw new HttpError(404, 'Branch not protected');
    return { status: 200, body: ctx.render.protection(repo, branch, protection) };
  },
  'GET /orgs/{org}/teams/{team_slug}/memberships/{username}': (ctx) => {
    const team = ctx.state.teams.get(`${ctx.params.org}/${ctx.params.team_slug}`.toLowerCase());
    if (team?.access === 'forbidden') throw new HttpError(403, 'Resource not accessible by personal access token');
    const login = ctx.params.username ?? '';
    const membership = team?.members.get(login.toLowerCase());
    if (!team || !membership) throw new HttpError(404, 'Not Found');
    return { status: 200, body: ctx.render.teamMembership(team, login, membership) };
  },
  'GET /repos/{owner}/{repo}/contents/{path}': getContent,
  'GET /repos/{owner}/{repo}/collaborators': (ctx) => {
    const repo = repoOf(ctx);
    return paginate(ctx, repo.collaborators.map((c) => ctx.render.collaborator(c)));
  },
  'GET /repos/{owner}/{repo}/teams': (ctx) => {
    const repo = repoOf(ctx);
    return paginate(ctx, repo.teams.map((t) => ctx.render.team(repo, t)));
  },
  'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge': mergePull,
  'DELETE /repos/{owner}/{repo}/git/refs/{ref}': (ctx) => {
    const repo = repoOf(ctx);
    const ref = ctx.params.ref ?? '';
    const branch = ref.replace(/^heads\//, '');
    const known = ref.startsWith('heads/') && !repo.deletedRefs.includes(ref) && [...repo.pulls.values()].some((p) => p.head.ref === branch);
    if (!known) throw new HttpError(422, 'Reference does not exist');
    repo.deletedRefs.push(ref);
    return { status: 204 };
  },
  'GET /repos/{owner}/{repo}/releases/tags/{tag}': (ctx) => {
    const repo = repoOf(ctx);
    const release = repo.releases.find((r) => r.tagName === ctx.params.tag);
    if (!release) throw new HttpError(404, 'Not Found');
    return { status: 200, body: ctx.render.release(repo, release) };
  },
  'POST /repos/{owner}/{repo}/releases': (ctx) => {
    const repo = repoOf(ctx);
    const tagName = String(ctx.body.tag_name ?? '');
    if (repo.releases.some((r) => r.tagName === tagName)) throw new HttpError(422, 'Validation Failed', [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);
    const release = {
      id: ctx.state.id(), tagName, targetCommitish: typeof ctx.body.target_commitish === 'string' ? ctx.body.target_commitish : repo.defaultBranch,
      name: typeof ctx.body.name === 'string' ? ctx.body.name : null, body: typeof ctx.body.body === 'string' ? ctx.body.body : null,
      draft: ctx.body.draft === true, prerelease: ctx.body.prerelease === true, author: ctx.viewer, createdAt: ctx.state.now(), assets: [],
    };
    repo.releases.push(release);
    return { status: 201, body: ctx.render.release(repo, release) };
  },
  'GET /repos/{owner}/{repo}/releases/{release_id}/assets': (ctx) => {
    const repo = repoOf(ctx);
    const release = releaseOf(ctx, repo);
    return paginate(ctx, release.assets.map((a) => ctx.render.asset(repo, release, a)));
  },
  'POST /repos/{owner}/{repo}/releases/{release_id}/assets': (ctx) => {
    const repo = repoOf(ctx);
    const release = releaseOf(ctx, repo);
    const name = ctx.query.get('name') ?? '';
    if (!name) throw new HttpError(422, 'Validation Failed', [{ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' }]);
    if (release.assets.some((a) => a.name === name)) throw new HttpError(422, 'Validation Failed', [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]);
    const asset = { id: ctx.state.id(), name, label: ctx.query.get('label'), contentType: ctx.contentType ?? 'application/octet-stream', content: ctx.raw ?? '', uploader: ctx.viewer, createdAt: ctx.state.now() };
    release.assets.push(asset);
    return { status: 201, body: ctx.render.asset(repo, release, asset) };
  },
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': (ctx) => {
    const repo = repoOf(ctx);
    const ref = ctx.params.ref ?? '';
    let runs = repo.checkRuns.get(ref) ?? repo.checkRuns.get(resolveSha(repo, ref)) ?? [];
    const name = ctx.query.get('check_name');
    if (name) runs = runs.filter((r) => r.name === name);
    const status = ctx.query.get('status');
    if (status) runs = runs.filter((r) => r.status === status);
    const page = paginate(ctx, runs.map((r) => ctx.render.checkRun(repo, r)));
    return { ...page, body: { total_count: runs.length, check_runs: page.body } };
  },
};

/** A file of `state.files` as GitHub's content-file (base64, the git blob sha); 404 for anything else. */
function getContent(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const file = ctx.params.path ?? '';
  const ref = ctx.query.get('ref') ?? repo.defaultBranch;
  const text = ctx.state.files.get(`${repo.owner}/${repo.name}`.toLowerCase() + `@${ref}:${file}`);
  if (text === undefined) throw new HttpError(404, 'Not Found');
  const bytes = Buffer.from(text, 'utf8');
  const blob = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
  const api = ctx.selfUrl.slice(0, ctx.selfUrl.indexOf('/repos/'));
  const web = `${api.replace(/\/api\/v3$/, '')}/${repo.owner}/${repo.name}`;
  const self = `${ctx.selfUrl}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `${api}/repos/${repo.owner}/${repo.name}/git/blobs/${blob}`;
  const htmlUrl = `${web}/blob/${ref}/${file}`;
  // GitHub wraps the base64 at 60 columns.
  const content = (bytes.toString('base64').match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join('');
  return {
    status: 200,
    body: {
      type: 'file', encoding: 'base64', size: bytes.length, name: file.split('/').pop() ?? file, path: file, content, sha: blob,
      url: self, git_url: gitUrl, html_url: htmlUrl, download_url: `${web}/raw/${ref}/${file}`, _links: { git: gitUrl, self, html: htmlUrl },
    },
  };
}

/** A branch name resolves to the head sha of a pull from it; a sha stays itself. */
function resolveSha(repo: FakeRepo, ref: string): string {
  if (/^[0-9a-f]{40}$/.test(ref)) return ref;
  const branch = ref.replace(/^(refs\/)?heads\//, '');
  const pull = [...repo.pulls.values()].find((p) => p.head.ref === branch);
  return pull?.head.sha ?? sha(`ref:${ref}`);
}

export function errorBody(status: number, message: string, errors?: HttpError['errors']): Record<string, unknown> {
  return { message, documentation_url: DOCS, status: String(status), ...(errors ? { errors } : {}) };
}
