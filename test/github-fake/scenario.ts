/**
 * Scenario files: a GitHub world in one JSON document (repositories, labels,
 * issues with their label history, pull requests with commits, reviews,
 * review threads, checks, statuses, branch rules and protection, teams,
 * users and tokens), loaded into a FakeState. Tests, `npm start` and
 * `npm run stand-in` start from them, and a bug report can come as one.
 * The zod schema is the source of truth; schemas/stand-in-scenario.schema.json
 * is generated from it (`npm run gen:schema`).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { sha, type FakeState } from './state';

const Time = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/, 'an ISO time in UTC, e.g. 2025-03-01T10:00:00Z');
const Login = z.string().min(1).max(100).describe('a GitHub login (a name ending in [bot] is an app)');
const Sha = z.string().regex(/^[0-9a-f]{40}$|\{\{\w+\}\}/, 'a 40-hex commit sha, or a {{variable}}');

const Comment = z.strictObject({ user: Login.optional(), body: z.string(), at: Time.optional() });
const LabelEvent = z.strictObject({
  event: z.enum(['labeled', 'unlabeled']), label: z.string().min(1), actor: Login, at: Time.optional(),
}).describe('a label change with who made it and when (audit evidence)');
const Issue = z.strictObject({
  number: z.number().int().positive().optional().describe('default: the next free number (issues and pull requests share numbers)'),
  title: z.string(), body: z.string().nullable().optional(), user: Login.optional(), state: z.enum(['open', 'closed']).optional(),
  assignees: z.array(Login).optional(),
  labels: z.array(z.string()).optional().describe('labels applied by the author when the issue was opened'),
  events: z.array(LabelEvent).optional().describe('later label changes, in order'),
  comments: z.array(Comment).optional(),
  at: Time.optional(),
});
const Commit = z.strictObject({ sha: Sha.optional(), message: z.string(), author: Login.optional(), date: Time.optional() });
const Review = z.strictObject({
  user: Login, state: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']), body: z.string().optional(),
  commit: z.string().optional().describe('the sha reviewed, or "head~N" (N commits before the head); default: the head'),
  at: Time.optional(),
});
const Thread = z.strictObject({
  path: z.string().min(1), line: z.number().int().positive().nullable().optional().describe('null: a comment on the whole file'),
  outdated: z.boolean().optional(), resolvedBy: Login.optional().describe('set: the thread is resolved, by this login'), resolvedAt: Time.optional(),
  comments: z.array(Comment).min(1).describe('the first comment opens the thread'),
});
const Check = z.strictObject({
  name: z.string(), status: z.enum(['queued', 'in_progress', 'completed']).optional(),
  conclusion: z.enum(['success', 'failure', 'neutral', 'cancelled', 'skipped', 'timed_out', 'action_required']).nullable().optional(),
});
const Status = z.strictObject({
  context: z.string(), state: z.enum(['error', 'failure', 'pending', 'success']), description: z.string().optional(), targetUrl: z.string().optional(),
});
const Pull = z.strictObject({
  number: z.number().int().positive().optional(), title: z.string(), body: z.string().nullable().optional(), user: Login.optional(),
  head: z.string().min(1).describe('the head branch (or owner:branch)'), base: z.string().optional(), baseSha: Sha.optional().describe('the base commit'), draft: z.boolean().optional(),
  state: z.enum(['open', 'closed']).optional(), merged: z.strictObject({ by: Login, at: Time.optional() }).optional(),
  commits: z.array(Commit).optional().describe('oldest first; the last is the head'),
  files: z.array(z.string()).optional(), requestedReviewers: z.array(Login).optional(),
  reviews: z.array(Review).optional(), threads: z.array(Thread).optional(), comments: z.array(Comment).optional(),
  checks: z.array(Check).optional().describe('check runs on the head commit'), statuses: z.array(Status).optional().describe('commit statuses on the head commit'),
  at: Time.optional(),
});
const Rule = z.looseObject({ type: z.string().min(1), parameters: z.record(z.string(), z.unknown()).optional() })
  .describe('a rule as GET /repos/{owner}/{repo}/rules/branches/{branch} lists it, e.g. {"type":"pull_request","parameters":{...}}');
const Protection = z.strictObject({
  requiredApprovingReviewCount: z.number().int().min(0).max(6).nullable().optional().describe('null: pull request reviews not required'),
  dismissStaleReviews: z.boolean().optional(), requireCodeOwnerReviews: z.boolean().optional(), requireLastPushApproval: z.boolean().optional(),
  requiredStatusChecks: z.array(z.string()).nullable().optional(), strict: z.boolean().optional(), enforceAdmins: z.boolean().optional(),
  requiredConversationResolution: z.boolean().optional(), allowForcePushes: z.boolean().optional(), allowDeletions: z.boolean().optional(),
  requiredLinearHistory: z.boolean().optional(),
});
const Repository = z.strictObject({
  name: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name'), defaultBranch: z.string().optional(), private: z.boolean().optional(),
  labels: z.array(z.union([z.string(), z.strictObject({ name: z.string(), color: z.string().regex(/^[0-9a-fA-F]{6}$/).optional(), description: z.string().nullable().optional() })])).optional(),
  issues: z.array(Issue).optional(), pulls: z.array(Pull).optional(),
  statuses: z.array(Status.extend({ ref: z.string() })).optional(), checkRuns: z.array(Check.extend({ ref: z.string() })).optional(),
  branchRules: z.record(z.string(), z.array(Rule)).optional().describe('branch → its active rules (rulesets)'),
  branchProtection: z.record(z.string(), z.union([Protection, z.literal('forbidden')])).optional()
    .describe('branch → classic protection; "forbidden": the token cannot read it (403); absent: not protected (404)'),
  mergeMethods: z.array(z.enum(['merge', 'squash', 'rebase'])).optional().describe('the merge methods allowed (allow_merge_commit, …); default: all three'),
  deleteBranchOnMerge: z.boolean().optional().describe('delete_branch_on_merge; default: false'),
  collaborators: z.array(Login).optional().describe('who may be asked to review (GET /collaborators), with write access'),
  teams: z.array(z.string().regex(/^[\w.-]+$/, 'a team slug')).optional().describe('team slugs with access to the repository (GET /teams)'),
});
const Team = z.strictObject({
  team: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'org/team-slug'), members: z.array(Login).optional(), maintainers: z.array(Login).optional(),
  pending: z.array(Login).optional(), access: z.enum(['ok', 'forbidden']).optional().describe('forbidden: membership reads answer 403'),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional().describe('what this scenario shows (printed by the stand-in)'),
  time: Time.optional().describe('the frozen clock: every timestamp without its own "at"; absent: real time'),
  viewer: Login.optional().describe('who any token authenticates as (default octocat)'),
  tokens: z.record(z.string().min(1), Login).optional().describe('token → login; when set, other tokens get 401'),
  users: z.array(Login).optional(),
  teams: z.array(Team).optional(),
  repositories: z.array(Repository).min(1),
  fixes: z.array(z.string()).optional().describe('prose: what would make this scenario pass (for people; not loaded)'),
}).describe('A stand-in GitHub scenario for Change Control (npm run stand-in -- --scenario FILE)');

export type Scenario = z.infer<typeof ScenarioSchema>;

/** JSON Schema for scenario files, generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return { ...schema, title: 'Change Control stand-in scenario', $id: 'https://change-control.invalid/schemas/stand-in-scenario.schema.json' };
}

/** Parses a scenario (a JSON text or value); `vars` fill `{{name}}` placeholders in its strings (shas of a real repository). */
export function parseScenario(input: string | unknown, vars: Record<string, string> = {}): Scenario {
  const raw: unknown = typeof input === 'string' ? JSON.parse(input) : input;
  const filled = JSON.parse(JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'string' ? fill(v, vars) : v))) as unknown;
  const parsed = ScenarioSchema.safeParse(filled);
  if (!parsed.success) {
    throw new Error(`scenario: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`scenario: no value for {{${name}}} (pass it in vars)`);
    return value;
  });
}

export function readScenario(file: string, vars: Record<string, string> = {}): Scenario {
  return parseScenario(readFileSync(file, 'utf8'), vars);
}

/** Loads a scenario into `state` (usually a fresh one). Bad references (a number taken twice, an unknown commit) throw. */
export function loadScenario(state: FakeState, input: Scenario | string | unknown, vars: Record<string, string> = {}): Scenario {
  const scenario = parseScenario(input, vars);
  const clock = scenario.time;
  const at = (time: string | undefined) => state.setTime(time ?? clock);
  at(undefined);
  if (scenario.viewer) state.viewer = scenario.viewer;
  state.addUser(state.viewer);
  for (const u of scenario.users ?? []) state.addUser(u);
  for (const [token, login] of Object.entries(scenario.tokens ?? {})) {
    state.tokens.set(token, login);
    state.addUser(login);
  }
  for (const t of scenario.teams ?? []) {
    const team = state.team(t.team);
    if (t.access) team.access = t.access;
    for (const m of t.members ?? []) state.addTeamMember(t.team, m);
    for (const m of t.maintainers ?? []) state.addTeamMember(t.team, m, { role: 'maintainer' });
    for (const m of t.pending ?? []) state.addTeamMember(t.team, m, { state: 'pending' });
  }
  for (const r of scenario.repositories) {
    const name = r.name;
    const repo = state.addRepo(name, { ...(r.defaultBranch ? { defaultBranch: r.defaultBranch } : {}), ...(r.private !== undefined ? { private: r.private } : {}) });
    if (r.mergeMethods) repo.settings.mergeMethods = [...r.mergeMethods];
    if (r.deleteBranchOnMerge !== undefined) repo.settings.deleteBranchOnMerge = r.deleteBranchOnMerge;
    for (const c of r.collaborators ?? []) state.addCollaborator(name, c);
    repo.teams.push(...(r.teams ?? []));
    for (const l of r.labels ?? []) {
      if (typeof l === 'string') state.addLabel(name, l);
      else state.addLabel(name, l.name, { ...(l.color ? { color: l.color.toLowerCase() } : {}), ...(l.description !== undefined ? { description: l.description } : {}) });
    }
    // Issues and pull requests share numbers: explicit numbers first, in order; the rest take the next free ones.
    type Item = { number: number | undefined; issue?: z.infer<typeof Issue>; pull?: z.infer<typeof Pull> };
    const items: Item[] = [...(r.issues ?? []).map((issue) => ({ number: issue.number, issue })), ...(r.pulls ?? []).map((pull) => ({ number: pull.number, pull }))];
    const numbered = items.filter((i) => i.number !== undefined).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    for (const item of [...numbered, ...items.filter((i) => i.number === undefined)]) {
      if (item.number !== undefined) {
        if (item.number < repo.nextNumber) throw new Error(`scenario: ${name} #${item.number} is declared twice`);
        repo.nextNumber = item.number;
      }
      if (item.issue) loadIssue(state, name, item.issue, at);
      if (item.pull) loadPull(state, name, item.pull, at);
    }
    for (const s of r.statuses ?? []) state.setStatus(name, s.ref, status(s));
    for (const c of r.checkRuns ?? []) state.addCheckRun(name, c.ref, check(c));
    for (const [branch, rules] of Object.entries(r.branchRules ?? {})) state.setBranchRules(name, branch, rules);
    for (const [branch, p] of Object.entries(r.branchProtection ?? {})) {
      state.setProtection(name, branch, p === 'forbidden' ? p : (Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Parameters<FakeState['setProtection']>[2]));
    }
  }
  at(undefined);
  return scenario;
}

type At = (time: string | undefined) => void;

function loadIssue(state: FakeState, repo: string, i: z.infer<typeof Issue>, at: At): void {
  at(i.at);
  const issue = state.addIssue(repo, { title: i.title, body: i.body ?? null, labels: i.labels ?? [], assignees: i.assignees ?? [], ...(i.user ? { user: i.user } : {}), ...(i.state ? { state: i.state } : {}) });
  for (const e of i.events ?? []) {
    at(e.at);
    if (e.event === 'labeled') state.labelIssue(repo, issue.number, e.label, e.actor);
    else state.unlabelIssue(repo, issue.number, e.label, e.actor);
  }
  for (const c of i.comments ?? []) {
    at(c.at);
    state.addComment(repo, issue.number, c.body, c.user);
  }
}

function loadPull(state: FakeState, repo: string, p: z.infer<typeof Pull>, at: At): void {
  at(p.at);
  const commits = (p.commits ?? []).map((c, n) => ({ sha: c.sha ?? sha(`${repo} ${p.head} ${n} ${c.message}`), message: c.message, author: c.author ?? p.user ?? state.viewer, date: c.date ?? state.now() }));
  const pull = state.addPull(repo, { head: p.head, title: p.title, body: p.body ?? null, ...(p.base ? { base: p.base } : {}), ...(p.user ? { user: p.user } : {}), ...(p.draft !== undefined ? { draft: p.draft } : {}), ...(commits.length > 0 ? { commits } : {}) });
  if (p.baseSha) pull.base.sha = p.baseSha;
  pull.files = (p.files ?? []).map((filename) => ({ filename, additions: 1, deletions: 0 }));
  for (const r of p.requestedReviewers ?? []) {
    state.addUser(r);
    pull.requestedReviewers.push(r);
  }
  const commitOf = (ref: string | undefined): string => {
    if (ref === undefined) return pull.head.sha;
    const back = /^head~(\d+)$/.exec(ref);
    if (!back) return ref;
    const c = pull.commits[pull.commits.length - 1 - Number(back[1])];
    if (!c) throw new Error(`scenario: ${repo} #${pull.number} has no commit ${ref}`);
    return c.sha;
  };
  for (const r of p.reviews ?? []) {
    at(r.at);
    state.addReview(repo, pull.number, { user: r.user, state: r.state, commitId: commitOf(r.commit), ...(r.body !== undefined ? { body: r.body } : {}) });
  }
  for (const t of p.threads ?? []) {
    const [first, ...replies] = t.comments;
    if (!first) continue;
    at(first.at);
    const thread = state.addReviewThread(repo, pull.number, { path: t.path, body: first.body, ...(t.line !== undefined ? { line: t.line } : {}), ...(first.user ? { user: first.user } : {}), ...(t.outdated !== undefined ? { outdated: t.outdated } : {}) });
    for (const c of replies) {
      at(c.at);
      state.replyToThread(repo, pull.number, thread.id, c.body, c.user);
    }
    if (t.resolvedBy) {
      at(t.resolvedAt);
      state.resolveThread(repo, pull.number, thread.id, t.resolvedBy);
    }
  }
  for (const c of p.comments ?? []) {
    at(c.at);
    state.addComment(repo, pull.number, c.body, c.user);
  }
  at(p.at);
  for (const c of p.checks ?? []) state.addCheckRun(repo, pull.head.sha, check(c));
  for (const s of p.statuses ?? []) state.setStatus(repo, pull.head.sha, status(s));
  if (p.state === 'closed' && !p.merged) {
    Object.assign(pull, { state: 'closed', closedAt: state.now() });
    state.closeIssue(repo, pull.number);
  }
  if (p.merged) {
    at(p.merged.at);
    state.mergePull(repo, pull.number, p.merged.by);
  }
}

function status(s: z.infer<typeof Status>): Parameters<FakeState['setStatus']>[2] {
  return { context: s.context, state: s.state, ...(s.description !== undefined ? { description: s.description } : {}), ...(s.targetUrl !== undefined ? { targetUrl: s.targetUrl } : {}) };
}

function check(c: z.infer<typeof Check>): Parameters<FakeState['addCheckRun']>[2] {
  return { name: c.name, ...(c.status ? { status: c.status } : {}), ...(c.conclusion !== undefined ? { conclusion: c.conclusion } : {}) };
}
