/**
 * The fake GitHub's data and its seeding API. Tests mutate it between
 * requests (a review added later shows up; the ETag changes with the body).
 * Enumerations the spec leaves as plain strings (review and status states)
 * are enforced here by type.
 */
import { createHash } from 'node:crypto';

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
export type StatusState = 'error' | 'failure' | 'pending' | 'success';
export type CheckStatus = 'queued' | 'in_progress' | 'completed';
export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required';

export interface FakeUser { login: string; id: number }
/** One comment of a review thread (the first one opens it). */
export interface FakeReviewComment { id: number; user: string; body: string; createdAt: string; updatedAt: string }
/** A pull request review thread (GraphQL `PullRequestReviewThread`: REST has no resolved state). */
export interface FakeReviewThread {
  id: number; path: string; line: number | null; originalLine: number | null; startLine: number | null; diffSide: 'LEFT' | 'RIGHT';
  isResolved: boolean; isOutdated: boolean; resolvedBy: string | null; resolvedAt: string | null; commitId: string;
  comments: FakeReviewComment[];
}
/** A team (`org/slug`) and its members (login → role and state). */
export interface FakeTeam {
  org: string; slug: string;
  members: Map<string, { role: 'member' | 'maintainer'; state: 'active' | 'pending' }>;
  /** `forbidden`: membership reads answer 403 (the token cannot read the organization's teams). */
  access: 'ok' | 'forbidden';
}
/** An active rule on a branch, as `GET /rules/branches/{branch}` lists it (GitHub's `type` + `parameters`). */
export interface FakeBranchRule { type: string; parameters?: Record<string, unknown>; rulesetId: number; source: string; sourceType: 'Repository' | 'Organization' }
/** Classic branch protection, the settings Change Control compares with its policy. */
export interface FakeProtection {
  requiredApprovingReviewCount: number | null; dismissStaleReviews: boolean; requireCodeOwnerReviews: boolean; requireLastPushApproval: boolean;
  requiredStatusChecks: string[] | null; strict: boolean; enforceAdmins: boolean; requiredConversationResolution: boolean;
  allowForcePushes: boolean; allowDeletions: boolean; requiredLinearHistory: boolean;
}
export interface FakeLabel { id: number; name: string; color: string; description: string | null }
export interface FakeComment { id: number; body: string; user: string; createdAt: string; updatedAt: string }
export interface FakeEvent { id: number; event: 'labeled' | 'unlabeled'; label: string; actor: string; createdAt: string }
export interface FakeIssue {
  number: number; id: number; title: string; body: string | null; state: 'open' | 'closed';
  labels: string[]; assignees: string[]; user: string; createdAt: string; updatedAt: string; closedAt: string | null;
  comments: FakeComment[]; events: FakeEvent[];
  /** When the title or body was last edited (GraphQL `lastEditedAt`); absent or null when never. */
  lastEditedAt?: string | null;
  /** Set when this number is a pull request (GitHub shares the numbering). */
  isPull?: boolean;
}
export interface FakeReview { id: number; user: string; state: ReviewState; body: string; commitId: string; submittedAt: string | null }
export interface FakeCommit { sha: string; message: string; author: string; date: string }
export interface FakePull {
  number: number; id: number; title: string; body: string | null; state: 'open' | 'closed'; draft: boolean;
  head: { ref: string; sha: string; owner: string }; base: { ref: string; sha: string };
  user: string; createdAt: string; updatedAt: string; closedAt: string | null;
  merged: boolean; mergedAt: string | null; mergedBy: string | null; mergeCommitSha: string | null;
  reviews: FakeReview[]; requestedReviewers: string[]; commits: FakeCommit[]; files: { filename: string; additions: number; deletions: number }[];
  threads: FakeReviewThread[];
}
export interface FakeStatus { id: number; context: string; state: StatusState; description: string | null; targetUrl: string | null; createdAt: string; updatedAt: string }
export interface FakeCheckRun { id: number; name: string; status: CheckStatus; conclusion: CheckConclusion | null; startedAt: string | null; completedAt: string | null; headSha: string }
/** A release asset (its content kept as text: the fake's uploads are the evidence files). */
export interface FakeAsset { id: number; name: string; label: string | null; contentType: string; content: string; uploader: string; createdAt: string }
/** A GitHub Release of a tag. */
export interface FakeRelease { id: number; tagName: string; targetCommitish: string; name: string | null; body: string | null; draft: boolean; prerelease: boolean; author: string; createdAt: string; assets: FakeAsset[] }
export interface FakeRepo {
  owner: string; name: string; id: number; defaultBranch: string; private: boolean;
  labels: Map<string, FakeLabel>; issues: Map<number, FakeIssue>; pulls: Map<number, FakePull>;
  statuses: Map<string, FakeStatus[]>; checkRuns: Map<string, FakeCheckRun[]>;
  /** `base...head` → commits between; absent means one synthetic commit. */
  commitsBetween: Map<string, FakeCommit[]>;
  /** Branch → its active rules (rulesets). */
  branchRules: Map<string, FakeBranchRule[]>;
  /** Branch → classic protection, or `forbidden` (the token cannot read it: 403). Absent: 404 "Branch not protected". */
  protection: Map<string, FakeProtection | 'forbidden'>;
  /** The merge settings `GET /repos/{owner}/{repo}` reports (allow_merge_commit, …, delete_branch_on_merge). */
  settings: FakeRepoSettings;
  /** Who may be asked to review (`GET /collaborators`), with their role. */
  collaborators: { login: string; role: 'read' | 'triage' | 'write' | 'maintain' | 'admin' }[];
  /** Team slugs with access to the repository (`GET /teams`). */
  teams: string[];
  /** Refs deleted through `DELETE /git/refs/{ref}` (`heads/feature/x`), in order. */
  deletedRefs: string[];
  /** GitHub Releases, oldest first. */
  releases: FakeRelease[];
  nextNumber: number;
}

export type MergeMethod = 'merge' | 'squash' | 'rebase';
export interface FakeRepoSettings { mergeMethods: MergeMethod[]; deleteBranchOnMerge: boolean }
/** What `PUT …/merge` was asked for, for the test's merge hook and assertions. */
export interface FakeMergeRequest { repo: string; pull: FakePull; method: MergeMethod; title: string | undefined; message: string | undefined }

export interface AddIssueInput { title: string; body?: string | null; labels?: string[]; assignees?: string[]; user?: string; state?: 'open' | 'closed' }
export interface AddPullInput { head: string; base?: string; title: string; body?: string | null; user?: string; draft?: boolean; commits?: FakeCommit[] }

export class FakeState {
  /** Login the (any) token authenticates as, unless `tokens` maps it. */
  viewer = 'octocat';
  /** token → login. When non-empty, unknown tokens get 401 Bad credentials. */
  readonly tokens = new Map<string, string>();
  readonly users = new Map<string, FakeUser>();
  readonly repos = new Map<string, FakeRepo>();
  /** `org/slug` (lower case) → team. */
  readonly teams = new Map<string, FakeTeam>();
  private nextId = 1000;
  private time: number | undefined;

  constructor() {
    this.addUser(this.viewer);
  }

  /** Freeze the clock used for timestamps (ISO string), or undefined for real time. */
  setTime(at: string | undefined): void {
    this.time = at === undefined ? undefined : Date.parse(at);
  }

  now(): string {
    return new Date(this.time ?? Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  id(): number {
    return this.nextId++;
  }

  addUser(login: string): FakeUser {
    const existing = this.users.get(login);
    if (existing) return existing;
    const user = { login, id: this.id() };
    this.users.set(login, user);
    return user;
  }

  addRepo(fullName: string, options: { defaultBranch?: string; private?: boolean } = {}): FakeRepo {
    const [owner, name] = splitRepo(fullName);
    this.addUser(owner);
    const repo: FakeRepo = {
      owner, name, id: this.id(), defaultBranch: options.defaultBranch ?? 'main', private: options.private ?? false,
      labels: new Map(), issues: new Map(), pulls: new Map(), statuses: new Map(), checkRuns: new Map(), commitsBetween: new Map(),
      branchRules: new Map(), protection: new Map(), nextNumber: 1,
      settings: { mergeMethods: ['merge', 'squash', 'rebase'], deleteBranchOnMerge: false }, collaborators: [], teams: [], deletedRefs: [], releases: [],
    };
    this.repos.set(`${owner}/${name}`.toLowerCase(), repo);
    return repo;
  }

  repo(fullName: string): FakeRepo {
    const repo = this.repos.get(fullName.toLowerCase());
    if (!repo) throw new Error(`fake GitHub: no repository ${fullName} (call state.addRepo first)`);
    return repo;
  }

  addLabel(fullName: string, name: string, options: { color?: string; description?: string | null } = {}): FakeLabel {
    const repo = this.repo(fullName);
    const label = { id: this.id(), name, color: options.color ?? 'ededed', description: options.description ?? null };
    repo.labels.set(name.toLowerCase(), label);
    return label;
  }

  addIssue(fullName: string, input: AddIssueInput): FakeIssue {
    const repo = this.repo(fullName);
    const at = this.now();
    const issue: FakeIssue = {
      number: repo.nextNumber++, id: this.id(), title: input.title, body: input.body ?? null, state: input.state ?? 'open',
      labels: [], assignees: [...(input.assignees ?? [])], user: input.user ?? this.viewer, createdAt: at, updatedAt: at,
      closedAt: input.state === 'closed' ? at : null, comments: [], events: [],
    };
    (input.assignees ?? []).forEach((a) => this.addUser(a));
    this.addUser(issue.user);
    repo.issues.set(issue.number, issue);
    for (const label of input.labels ?? []) this.labelIssue(fullName, issue.number, label, issue.user);
    return issue;
  }

  /** Adds a label with a `labeled` event (actor + time: audit evidence). */
  labelIssue(fullName: string, number: number, label: string, actor = this.viewer): void {
    const repo = this.repo(fullName);
    const issue = this.issue(fullName, number);
    if (!repo.labels.has(label.toLowerCase())) this.addLabel(fullName, label);
    if (issue.labels.some((l) => l.toLowerCase() === label.toLowerCase())) return;
    this.addUser(actor);
    issue.labels.push(repo.labels.get(label.toLowerCase())?.name ?? label);
    issue.events.push({ id: this.id(), event: 'labeled', label, actor, createdAt: this.now() });
    issue.updatedAt = this.now();
  }

  unlabelIssue(fullName: string, number: number, label: string, actor = this.viewer): void {
    const issue = this.issue(fullName, number);
    const before = issue.labels.length;
    issue.labels = issue.labels.filter((l) => l.toLowerCase() !== label.toLowerCase());
    if (issue.labels.length !== before) issue.events.push({ id: this.id(), event: 'unlabeled', label, actor, createdAt: this.now() });
  }

  closeIssue(fullName: string, number: number): void {
    const issue = this.issue(fullName, number);
    issue.state = 'closed';
    issue.closedAt = this.now();
    issue.updatedAt = issue.closedAt;
  }

  addComment(fullName: string, number: number, body: string, user = this.viewer): FakeComment {
    const issue = this.issue(fullName, number);
    this.addUser(user);
    const at = this.now();
    const comment = { id: this.id(), body, user, createdAt: at, updatedAt: at };
    issue.comments.push(comment);
    issue.updatedAt = at;
    return comment;
  }

  issue(fullName: string, number: number): FakeIssue {
    const issue = this.repo(fullName).issues.get(number);
    if (!issue) throw new Error(`fake GitHub: no issue #${number} in ${fullName}`);
    return issue;
  }

  /** Commits `base...head` holds (an empty list makes pulls.create answer "No commits between"). */
  setCommitsBetween(fullName: string, base: string, head: string, commits: FakeCommit[]): void {
    this.repo(fullName).commitsBetween.set(`${base}...${head}`, commits);
  }

  addPull(fullName: string, input: AddPullInput): FakePull {
    const repo = this.repo(fullName);
    const [headOwner, headRef] = input.head.includes(':') ? (input.head.split(':', 2) as [string, string]) : [repo.owner, input.head];
    const base = input.base ?? repo.defaultBranch;
    const commits = input.commits ?? repo.commitsBetween.get(`${base}...${headRef}`) ?? [this.commit(`Change ${headRef}`)];
    const issue = this.addIssue(fullName, { title: input.title, body: input.body ?? null, user: input.user ?? this.viewer });
    issue.isPull = true;
    const pull: FakePull = {
      number: issue.number, id: this.id(), title: input.title, body: input.body ?? null, state: 'open', draft: input.draft ?? false,
      head: { ref: headRef, sha: commits.at(-1)?.sha ?? sha(`${headRef}`), owner: headOwner }, base: { ref: base, sha: sha(`${base}`) },
      user: issue.user, createdAt: issue.createdAt, updatedAt: issue.updatedAt, closedAt: null,
      merged: false, mergedAt: null, mergedBy: null, mergeCommitSha: null, reviews: [], requestedReviewers: [], commits, files: [], threads: [],
    };
    repo.pulls.set(pull.number, pull);
    return pull;
  }

  pull(fullName: string, number: number): FakePull {
    const pull = this.repo(fullName).pulls.get(number);
    if (!pull) throw new Error(`fake GitHub: no pull request #${number} in ${fullName}`);
    return pull;
  }

  addCollaborator(fullName: string, login: string, role: FakeRepo['collaborators'][number]['role'] = 'write'): void {
    this.addUser(login);
    const repo = this.repo(fullName);
    if (!repo.collaborators.some((c) => c.login === login)) repo.collaborators.push({ login, role });
  }

  addReview(fullName: string, number: number, input: { user: string; state: ReviewState; body?: string; commitId?: string; submittedAt?: string }): FakeReview {
    const pull = this.pull(fullName, number);
    this.addUser(input.user);
    const review = { id: this.id(), user: input.user, state: input.state, body: input.body ?? '', commitId: input.commitId ?? pull.head.sha, submittedAt: input.state === 'PENDING' ? null : (input.submittedAt ?? this.now()) };
    pull.reviews.push(review);
    pull.requestedReviewers = pull.requestedReviewers.filter((r) => r !== input.user);
    pull.updatedAt = this.now();
    return review;
  }

  /**
   * Called by `PUT …/merge` once the request is valid: a test that keeps a
   * real bare remote makes the merge commit there and returns its sha
   * (undefined: a made-up sha, nothing on disk changes).
   */
  onMerge: ((request: FakeMergeRequest) => string | undefined) | undefined;

  /**
   * Where a branch really points, for a pull request created through the
   * API (the e2e run and the demo push to a real bare remote): its head is
   * then that commit instead of a made-up one.
   */
  resolveHead: ((fullName: string, branch: string) => string | undefined) | undefined;

  /** Every merge asked through the API, in order. */
  readonly merges: FakeMergeRequest[] = [];

  mergePull(fullName: string, number: number, by = this.viewer, mergeSha?: string): void {
    const pull = this.pull(fullName, number);
    this.addUser(by);
    const at = this.now();
    Object.assign(pull, { state: 'closed', merged: true, mergedAt: at, mergedBy: by, mergeCommitSha: mergeSha ?? sha(`merge ${pull.number} ${at}`), closedAt: at, updatedAt: at });
    const issue = this.issue(fullName, number);
    issue.state = 'closed';
    issue.closedAt = at;
  }

  setStatus(fullName: string, ref: string, input: { context: string; state: StatusState; description?: string; targetUrl?: string }): FakeStatus {
    const list = this.repo(fullName).statuses.get(ref) ?? [];
    const at = this.now();
    const rest = list.filter((s) => s.context !== input.context);
    const status = { id: this.id(), context: input.context, state: input.state, description: input.description ?? null, targetUrl: input.targetUrl ?? null, createdAt: at, updatedAt: at };
    rest.push(status);
    this.repo(fullName).statuses.set(ref, rest);
    this.statusLog.push({ repo: fullName, sha: ref, ...input });
    return status;
  }

  /** Every status posted through the API or set by a test, in order (the latest per context is in `statuses`). */
  readonly statusLog: { repo: string; sha: string; context: string; state: StatusState; description?: string; targetUrl?: string }[] = [];

  /** File contents by `owner/repo@ref:path` (owner/repo lower-case), served by the contents API. */
  readonly files = new Map<string, string>();

  /** Puts `text` at `path` of `fullName` at `ref` (default: the repository's default branch). */
  putFile(fullName: string, path: string, text: string, ref = this.repo(fullName).defaultBranch): void {
    this.files.set(`${fullName.toLowerCase()}@${ref}:${path}`, text);
  }

  addCheckRun(fullName: string, ref: string, input: { name: string; status?: CheckStatus; conclusion?: CheckConclusion | null }): FakeCheckRun {
    const list = this.repo(fullName).checkRuns.get(ref) ?? [];
    const status = input.status ?? 'completed';
    const at = this.now();
    const run = { id: this.id(), name: input.name, status, conclusion: status === 'completed' ? (input.conclusion ?? 'success') : null, startedAt: at, completedAt: status === 'completed' ? at : null, headSha: /^[0-9a-f]{40}$/.test(ref) ? ref : sha(ref) };
    list.push(run);
    this.repo(fullName).checkRuns.set(ref, list);
    return run;
  }

  /** Opens a review thread on a pull request with its first comment (`line` null: a file-level thread). */
  addReviewThread(fullName: string, number: number, input: { path: string; line?: number | null; body: string; user?: string; outdated?: boolean; commitId?: string; diffSide?: 'LEFT' | 'RIGHT'; startLine?: number | null }): FakeReviewThread {
    const pull = this.pull(fullName, number);
    const outdated = input.outdated ?? false;
    const line = input.line === undefined ? 1 : input.line;
    const thread: FakeReviewThread = {
      id: this.id(), path: input.path, line: outdated ? null : line, originalLine: line, startLine: input.startLine ?? null, diffSide: input.diffSide ?? 'RIGHT',
      isResolved: false, isOutdated: outdated, resolvedBy: null, resolvedAt: null, commitId: input.commitId ?? pull.head.sha, comments: [],
    };
    pull.threads.push(thread);
    this.replyToThread(fullName, number, thread.id, input.body, input.user ?? this.viewer);
    return thread;
  }

  replyToThread(fullName: string, number: number, threadId: number, body: string, user = this.viewer): FakeReviewComment {
    const thread = this.thread(fullName, number, threadId);
    this.addUser(user);
    const at = this.now();
    const comment = { id: this.id(), user, body, createdAt: at, updatedAt: at };
    thread.comments.push(comment);
    this.pull(fullName, number).updatedAt = at;
    return comment;
  }

  resolveThread(fullName: string, number: number, threadId: number, by = this.viewer): void {
    const thread = this.thread(fullName, number, threadId);
    this.addUser(by);
    Object.assign(thread, { isResolved: true, resolvedBy: by, resolvedAt: this.now() });
    this.pull(fullName, number).updatedAt = this.now();
  }

  unresolveThread(fullName: string, number: number, threadId: number): void {
    Object.assign(this.thread(fullName, number, threadId), { isResolved: false, resolvedBy: null, resolvedAt: null });
    this.pull(fullName, number).updatedAt = this.now();
  }

  thread(fullName: string, number: number, threadId: number): FakeReviewThread {
    const thread = this.pull(fullName, number).threads.find((t) => t.id === threadId);
    if (!thread) throw new Error(`fake GitHub: no review thread ${threadId} on #${number} in ${fullName}`);
    return thread;
  }

  /** Adds `login` to team `org/slug` (created on first use). */
  addTeamMember(team: string, login: string, options: { role?: 'member' | 'maintainer'; state?: 'active' | 'pending' } = {}): FakeTeam {
    const t = this.team(team);
    this.addUser(login);
    t.members.set(login.toLowerCase(), { role: options.role ?? 'member', state: options.state ?? 'active' });
    return t;
  }

  /** The team `org/slug`, created empty on first use. */
  team(team: string): FakeTeam {
    const [org, slug] = splitRepo(team);
    const key = `${org}/${slug}`.toLowerCase();
    let t = this.teams.get(key);
    if (!t) {
      t = { org, slug, members: new Map(), access: 'ok' };
      this.teams.set(key, t);
    }
    return t;
  }

  /** Sets the active rules of `branch` (replacing earlier ones). */
  setBranchRules(fullName: string, branch: string, rules: { type: string; parameters?: Record<string, unknown> }[], source: { sourceType?: 'Repository' | 'Organization'; source?: string } = {}): void {
    const repo = this.repo(fullName);
    const rulesetId = this.id();
    repo.branchRules.set(branch, rules.map((r) => ({ ...r, rulesetId, sourceType: source.sourceType ?? 'Repository', source: source.source ?? `${repo.owner}/${repo.name}` })));
  }

  /** Sets classic branch protection (`forbidden`: reading it answers 403; undefined: not protected). */
  setProtection(fullName: string, branch: string, protection: Partial<FakeProtection> | 'forbidden' | undefined): void {
    const repo = this.repo(fullName);
    if (protection === undefined) repo.protection.delete(branch);
    else if (protection === 'forbidden') repo.protection.set(branch, 'forbidden');
    else repo.protection.set(branch, { ...NO_PROTECTION, ...protection });
  }

  commit(message: string, author = this.viewer): FakeCommit {
    return { sha: sha(`${message} ${this.nextId++}`), message, author, date: this.now() };
  }
}

/** Protection with every setting off: what `setProtection` fills in. */
export const NO_PROTECTION: FakeProtection = {
  requiredApprovingReviewCount: null, dismissStaleReviews: false, requireCodeOwnerReviews: false, requireLastPushApproval: false,
  requiredStatusChecks: null, strict: false, enforceAdmins: false, requiredConversationResolution: false,
  allowForcePushes: false, allowDeletions: false, requiredLinearHistory: false,
};

export function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function splitRepo(fullName: string): [string, string] {
  const [owner, name] = fullName.split('/');
  if (!owner || !name) throw new Error(`fake GitHub: "${fullName}" is not owner/repo`);
  return [owner, name];
}
