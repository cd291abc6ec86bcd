/**
 * Renders the fake's state as GitHub payloads, typed with
 * @octokit/openapi-types. Each payload starts from the official example in
 * the OpenAPI description (complete, realistic fields), re-pointed at the
 * fake's URL, with the state's values written over it.
 */
import type { components } from '@octokit/openapi-types';
import subset from './openapi/api.github.com.subset.json';
import type { FakeAsset, FakeBranchRule, FakeCheckRun, FakeComment, FakeCommit, FakeEvent, FakeIssue, FakeLabel, FakeProtection, FakePull, FakeRelease, FakeRepo, FakeReview, FakeState, FakeStatus, FakeTeam } from './state';

type S = components['schemas'];
/** Parsed example templates, by URL + name + pick (payload building is hot: once per request). */
const templates = new Map<string, string>();
const examples = (subset as unknown as { components: { examples: Record<string, { value: unknown }> } }).components.examples;

export class Renderer {
  constructor(private readonly state: FakeState, private readonly url: string) {}

  private example<T>(name: string, pick?: (v: unknown) => unknown, repo?: FakeRepo): T {
    const key = `${this.url} ${name} ${pick ? pick.toString() : ''}`;
    let text = templates.get(key);
    if (text === undefined) {
      const raw = examples[name]?.value;
      if (raw === undefined) throw new Error(`no example ${name}`);
      text = JSON.stringify(pick ? pick(raw) : raw).replaceAll('https://api.github.com', this.url).replaceAll('https://github.com', this.url);
      templates.set(key, text);
    }
    if (repo) text = text.replaceAll('octocat/Hello-World', `${repo.owner}/${repo.name}`).replaceAll('"Hello-World"', JSON.stringify(repo.name));
    return JSON.parse(text) as T;
  }

  private repoUrl(repo: FakeRepo): string {
    return `${this.url}/repos/${repo.owner}/${repo.name}`;
  }

  user(login: string): S['simple-user'] {
    const u = this.state.addUser(login);
    const base = this.example<S['simple-user']>('issue-items', (v) => (v as { user: unknown }[])[0]?.user);
    const url = `${this.url}/users/${login}`;
    return {
      ...base, login, id: u.id, node_id: nodeId('U', u.id), url, html_url: `${this.url}/${login}`, avatar_url: `${this.url}/avatars/${login}`,
      followers_url: `${url}/followers`, following_url: `${url}/following{/other_user}`, gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`, subscriptions_url: `${url}/subscriptions`, organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`, events_url: `${url}/events{/privacy}`, received_events_url: `${url}/received_events`, type: isBot(login) ? 'Bot' : 'User', site_admin: false,
    };
  }

  viewer(login: string): S['private-user'] {
    const base = this.example<S['private-user']>('private-user-response-with-public-and-private-profile-information');
    return { ...base, ...this.user(login), name: login, email: null, bio: null, company: null, blog: '', location: null, hireable: null, twitter_username: null };
  }

  repository(repo: FakeRepo): S['full-repository'] {
    const base = this.example<S['full-repository']>('full-repository-default-response');
    const url = this.repoUrl(repo);
    const fullName = `${repo.owner}/${repo.name}`;
    const text = JSON.stringify({ ...base, source: undefined, parent: undefined, template_repository: null, organization: null, license: null })
      .replaceAll(`${this.url}/repos/octocat/Hello-World`, url)
      .replaceAll(`${this.url}/octocat/Hello-World`, `${this.url}/${fullName}`);
    const out = JSON.parse(text) as S['full-repository'];
    return {
      ...out, id: repo.id, node_id: nodeId('R', repo.id), name: repo.name, full_name: fullName, owner: this.user(repo.owner),
      private: repo.private, visibility: repo.private ? 'private' : 'public', default_branch: repo.defaultBranch, language: null,
      url, html_url: `${this.url}/${fullName}`, open_issues_count: [...repo.issues.values()].filter((i) => i.state === 'open').length,
      allow_merge_commit: repo.settings.mergeMethods.includes('merge'), allow_squash_merge: repo.settings.mergeMethods.includes('squash'),
      allow_rebase_merge: repo.settings.mergeMethods.includes('rebase'), delete_branch_on_merge: repo.settings.deleteBranchOnMerge,
    };
  }

  collaborator(c: FakeRepo['collaborators'][number]): S['collaborator'] {
    const rank = ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(c.role);
    return {
      ...this.user(c.login), role_name: c.role,
      permissions: { pull: rank >= 0, triage: rank >= 1, push: rank >= 2, maintain: rank >= 3, admin: rank >= 4 },
    };
  }

  team(repo: FakeRepo, slug: string): S['team'] {
    const id = this.state.team(`${repo.owner}/${slug}`).members.size + slug.length * 1000 + repo.id;
    const url = `${this.url}/orgs/${repo.owner}/teams/${slug}`;
    return {
      id, node_id: nodeId('T', id), name: slug, slug, description: null, privacy: 'closed', notification_setting: 'notifications_enabled',
      permission: 'push', url, html_url: `${this.url}/orgs/${repo.owner}/teams/${slug}`, members_url: `${url}/members{/member}`,
      repositories_url: `${url}/repos`, type: 'organization', parent: null,
    } as S['team'];
  }

  label(repo: FakeRepo, label: FakeLabel): S['label'] {
    return { id: label.id, node_id: nodeId('LA', label.id), url: `${this.repoUrl(repo)}/labels/${encodeURIComponent(label.name)}`, name: label.name, description: label.description, color: label.color, default: false };
  }

  issueLabels(repo: FakeRepo, issue: FakeIssue): S['label'][] {
    return issue.labels.map((name) => this.label(repo, repo.labels.get(name.toLowerCase()) ?? { id: 0, name, color: 'ededed', description: null }));
  }

  issue(repo: FakeRepo, issue: FakeIssue): S['issue'] {
    const base = this.example<S['issue']>('issue-items', (v) => (v as unknown[])[0]);
    const url = `${this.repoUrl(repo)}/issues/${issue.number}`;
    const assignees = issue.assignees.map((a) => this.user(a));
    const out: S['issue'] = {
      ...base, id: issue.id, node_id: nodeId('I', issue.id), number: issue.number, title: issue.title, body: issue.body, state: issue.state,
      state_reason: issue.state === 'closed' ? 'completed' : null,
      url, repository_url: this.repoUrl(repo), labels_url: `${url}/labels{/name}`, comments_url: `${url}/comments`, events_url: `${url}/events`,
      html_url: `${this.url}/${repo.owner}/${repo.name}/${issue.isPull ? 'pull' : 'issues'}/${issue.number}`,
      user: this.user(issue.user), labels: this.issueLabels(repo, issue), assignee: assignees[0] ?? null, assignees,
      milestone: null, locked: false, active_lock_reason: null, comments: issue.comments.length, closed_at: issue.closedAt,
      created_at: issue.createdAt, updated_at: issue.updatedAt, closed_by: null, author_association: 'OWNER',
    };
    if (issue.isPull) {
      const pull = repo.pulls.get(issue.number);
      out.pull_request = { url: `${this.repoUrl(repo)}/pulls/${issue.number}`, html_url: out.html_url, diff_url: `${out.html_url}.diff`, patch_url: `${out.html_url}.patch`, merged_at: pull?.mergedAt ?? null };
    } else {
      delete out.pull_request;
    }
    return out;
  }

  comment(repo: FakeRepo, issue: FakeIssue, c: FakeComment): S['issue-comment'] {
    const base = this.example<S['issue-comment']>('issue-comment');
    return {
      ...base, id: c.id, node_id: nodeId('IC', c.id), body: c.body, user: this.user(c.user), created_at: c.createdAt, updated_at: c.updatedAt,
      url: `${this.repoUrl(repo)}/issues/comments/${c.id}`, html_url: `${this.url}/${repo.owner}/${repo.name}/issues/${issue.number}#issuecomment-${c.id}`,
      issue_url: `${this.repoUrl(repo)}/issues/${issue.number}`, author_association: 'OWNER',
    };
  }

  event(repo: FakeRepo, e: FakeEvent): S['labeled-issue-event'] {
    const label = repo.labels.get(e.label.toLowerCase());
    return {
      id: e.id, node_id: nodeId('LE', e.id), url: `${this.repoUrl(repo)}/issues/events/${e.id}`, actor: this.user(e.actor),
      event: e.event, commit_id: null, commit_url: null, created_at: e.createdAt, performed_via_github_app: null,
      label: { name: e.label, color: label?.color ?? 'ededed' },
    };
  }

  pull(repo: FakeRepo, p: FakePull): S['pull-request'] {
    const base = this.example<S['pull-request']>('pull-request');
    const simple = this.pullSimple(repo, p);
    return {
      ...base, ...simple, state: p.state, user: this.user(p.user), head: { ...simple.head, user: this.user(p.head.owner) }, base: { ...simple.base, user: this.user(repo.owner) }, merged: p.merged, mergeable: p.merged ? null : true, rebaseable: p.merged ? null : true, mergeable_state: p.merged ? 'unknown' : 'clean',
      merged_by: p.mergedBy ? this.user(p.mergedBy) : null, comments: repo.issues.get(p.number)?.comments.length ?? 0, review_comments: 0,
      maintainer_can_modify: false, commits: p.commits.length, additions: sum(p.files, 'additions'), deletions: sum(p.files, 'deletions'), changed_files: p.files.length,
    };
  }

  pullSimple(repo: FakeRepo, p: FakePull): S['pull-request-simple'] {
    const base = this.example<S['pull-request-simple']>('pull-request-simple-items', (v) => (v as unknown[])[0], repo);
    const url = `${this.repoUrl(repo)}/pulls/${p.number}`;
    const html = `${this.url}/${repo.owner}/${repo.name}/pull/${p.number}`;
    const issueUrl = `${this.repoUrl(repo)}/issues/${p.number}`;
    const issue = repo.issues.get(p.number);
    const ref = (side: { ref: string; sha: string }, owner: string) => ({ ...base.head, label: `${owner}:${side.ref}`, ref: side.ref, sha: side.sha, user: this.user(owner) });
    return {
      ...base, id: p.id, node_id: nodeId('PR', p.id), number: p.number, title: p.title, body: p.body, state: p.state, draft: p.draft, locked: false, active_lock_reason: null,
      url, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch`, issue_url: issueUrl, commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`, review_comment_url: `${this.repoUrl(repo)}/pulls/comments{/number}`, comments_url: `${issueUrl}/comments`,
      statuses_url: `${this.repoUrl(repo)}/statuses/${p.head.sha}`, user: this.user(p.user), labels: issue ? this.issueLabels(repo, issue).map((l) => ({ ...l, description: l.description ?? '' })) : [],
      milestone: null, assignee: null, assignees: [], requested_reviewers: p.requestedReviewers.map((r) => this.user(r)), requested_teams: [],
      created_at: p.createdAt, updated_at: p.updatedAt, closed_at: p.closedAt, merged_at: p.mergedAt, merge_commit_sha: p.mergeCommitSha,
      head: ref(p.head, p.head.owner), base: ref(p.base, repo.owner), author_association: 'OWNER', auto_merge: null,
      _links: {
        self: { href: url }, html: { href: html }, issue: { href: issueUrl }, comments: { href: `${issueUrl}/comments` },
        review_comments: { href: `${url}/comments` }, review_comment: { href: `${this.repoUrl(repo)}/pulls/comments{/number}` },
        commits: { href: `${url}/commits` }, statuses: { href: `${this.repoUrl(repo)}/statuses/${p.head.sha}` },
      },
    };
  }

  review(repo: FakeRepo, p: FakePull, r: FakeReview): S['pull-request-review'] {
    const base = this.example<S['pull-request-review']>('pull-request-review-items', (v) => (v as unknown[])[0]);
    const html = `${this.url}/${repo.owner}/${repo.name}/pull/${p.number}#pullrequestreview-${r.id}`;
    const out: S['pull-request-review'] = {
      ...base, id: r.id, node_id: nodeId('PRR', r.id), user: this.user(r.user), body: r.body, state: r.state, commit_id: r.commitId, html_url: html,
      pull_request_url: `${this.repoUrl(repo)}/pulls/${p.number}`, author_association: 'COLLABORATOR',
      _links: { html: { href: html }, pull_request: { href: `${this.repoUrl(repo)}/pulls/${p.number}` } },
    };
    if (r.submittedAt) out.submitted_at = r.submittedAt;
    else delete out.submitted_at;
    return out;
  }

  requestedReviewers(p: FakePull): S['pull-request-review-request'] {
    return { users: p.requestedReviewers.map((r) => this.user(r)), teams: [] };
  }

  commit(repo: FakeRepo, c: FakeCommit): S['commit'] {
    const base = this.example<S['commit']>('commit-items', (v) => (v as unknown[])[0]);
    const url = `${this.repoUrl(repo)}/commits/${c.sha}`;
    const person = { name: c.author, email: `${c.author}@users.noreply.example`, date: c.date };
    return {
      ...base, url, sha: c.sha, node_id: nodeId('C', parseInt(c.sha.slice(0, 8), 16)), html_url: `${this.url}/${repo.owner}/${repo.name}/commit/${c.sha}`, comments_url: `${url}/comments`,
      commit: { ...base.commit, url: `${this.repoUrl(repo)}/git/commits/${c.sha}`, message: c.message, author: person, committer: person, comment_count: 0 },
      author: this.user(c.author), committer: this.user(c.author), parents: [],
    };
  }

  file(repo: FakeRepo, f: { filename: string; additions: number; deletions: number }, ref: string): S['diff-entry'] {
    return {
      sha: null, filename: f.filename, status: 'modified', additions: f.additions, deletions: f.deletions, changes: f.additions + f.deletions,
      blob_url: `${this.url}/${repo.owner}/${repo.name}/blob/${ref}/${f.filename}`, raw_url: `${this.url}/${repo.owner}/${repo.name}/raw/${ref}/${f.filename}`,
      contents_url: `${this.repoUrl(repo)}/contents/${f.filename}?ref=${ref}`,
    };
  }

  status(repo: FakeRepo, s: FakeStatus): S['simple-commit-status'] {
    return {
      id: s.id, node_id: nodeId('SC', s.id), state: s.state, context: s.context, description: s.description, target_url: s.targetUrl,
      avatar_url: null, url: `${this.repoUrl(repo)}/statuses/${s.id}`, created_at: s.createdAt, updated_at: s.updatedAt,
    };
  }

  /** A status as POST /statuses/{sha} answers it: the simple status plus its creator. */
  createdStatus(repo: FakeRepo, s: FakeStatus, creator: string): S['status'] {
    return { ...this.status(repo, s), creator: this.user(creator) };
  }

  combinedStatus(repo: FakeRepo, ref: string, statuses: FakeStatus[], sha: string): S['combined-commit-status'] {
    const base = this.example<S['combined-commit-status']>('combined-commit-status');
    return {
      ...base, state: combine(statuses), sha, total_count: statuses.length, statuses: statuses.map((s) => this.status(repo, s)),
      repository: { ...this.minimalRepository(repo) }, commit_url: `${this.repoUrl(repo)}/commits/${sha}`, url: `${this.repoUrl(repo)}/commits/${encodeURIComponent(ref)}/status`,
    };
  }

  minimalRepository(repo: FakeRepo): S['minimal-repository'] {
    const full = this.repository(repo);
    const base = this.example<S['combined-commit-status']>('combined-commit-status').repository;
    const out: Record<string, unknown> = { ...base };
    for (const key of Object.keys(base)) out[key] = (full as unknown as Record<string, unknown>)[key] ?? (base as unknown as Record<string, unknown>)[key];
    return out as unknown as S['minimal-repository'];
  }

  checkRun(repo: FakeRepo, r: FakeCheckRun): S['check-run'] {
    const base = this.example<S['check-run']>('check-run-paginated', (v) => (v as { check_runs: unknown[] }).check_runs[0]);
    return {
      ...base, id: r.id, node_id: nodeId('CR', r.id), name: r.name, head_sha: r.headSha, status: r.status, conclusion: r.conclusion,
      started_at: r.startedAt, completed_at: r.completedAt, url: `${this.repoUrl(repo)}/check-runs/${r.id}`,
      html_url: `${this.url}/${repo.owner}/${repo.name}/runs/${r.id}`, details_url: null, external_id: String(r.id), pull_requests: [],
      output: { title: r.name, summary: r.conclusion ?? r.status, text: null, annotations_count: 0, annotations_url: `${this.repoUrl(repo)}/check-runs/${r.id}/annotations` },
    };
  }

  /** One active rule as `GET /rules/branches/{branch}` lists it. */
  branchRule(r: FakeBranchRule): S['repository-rule-detailed'] {
    return { type: r.type, ...(r.parameters ? { parameters: r.parameters } : {}), ruleset_source_type: r.sourceType, ruleset_source: r.source, ruleset_id: r.rulesetId } as S['repository-rule-detailed'];
  }

  /** Classic branch protection in GitHub's shape (settings that are off are omitted or `enabled: false`, as GitHub does). */
  protection(repo: FakeRepo, branch: string, p: FakeProtection): S['branch-protection'] {
    const url = `${this.repoUrl(repo)}/branches/${encodeURIComponent(branch)}/protection`;
    const enabled = (on: boolean) => ({ enabled: on });
    return {
      url,
      ...(p.requiredStatusChecks ? { required_status_checks: { url: `${url}/required_status_checks`, contexts: p.requiredStatusChecks, contexts_url: `${url}/required_status_checks/contexts`, checks: p.requiredStatusChecks.map((context) => ({ context, app_id: null })), strict: p.strict } } : {}),
      enforce_admins: { url: `${url}/enforce_admins`, enabled: p.enforceAdmins },
      ...(p.requiredApprovingReviewCount !== null ? { required_pull_request_reviews: {
        url: `${url}/required_pull_request_reviews`, dismiss_stale_reviews: p.dismissStaleReviews, require_code_owner_reviews: p.requireCodeOwnerReviews,
        required_approving_review_count: p.requiredApprovingReviewCount, require_last_push_approval: p.requireLastPushApproval,
      } } : {}),
      required_linear_history: enabled(p.requiredLinearHistory), allow_force_pushes: enabled(p.allowForcePushes), allow_deletions: enabled(p.allowDeletions),
      block_creations: enabled(false), required_conversation_resolution: enabled(p.requiredConversationResolution), lock_branch: enabled(false), allow_fork_syncing: enabled(false),
      required_signatures: { url: `${url}/required_signatures`, enabled: false },
    };
  }

  release(repo: FakeRepo, r: FakeRelease): S['release'] {
    const base = this.example<S['release']>('release');
    const url = `${this.repoUrl(repo)}/releases/${r.id}`;
    const html = `${this.url}/${repo.owner}/${repo.name}/releases/tag/${encodeURIComponent(r.tagName)}`;
    return {
      ...base, id: r.id, node_id: nodeId('RE', r.id), url, html_url: html, assets_url: `${url}/assets`, upload_url: `${url}/assets{?name,label}`,
      tarball_url: `${this.repoUrl(repo)}/tarball/${r.tagName}`, zipball_url: `${this.repoUrl(repo)}/zipball/${r.tagName}`,
      tag_name: r.tagName, target_commitish: r.targetCommitish, name: r.name, body: r.body, draft: r.draft, prerelease: r.prerelease,
      created_at: r.createdAt, published_at: r.draft ? null : r.createdAt, author: this.user(r.author), assets: r.assets.map((a) => this.asset(repo, r, a)),
    };
  }

  asset(repo: FakeRepo, r: FakeRelease, a: FakeAsset): S['release-asset'] {
    const base = this.example<S['release-asset']>('release-asset-response-for-successful-upload');
    return {
      ...base, id: a.id, node_id: nodeId('RA', a.id), name: a.name, label: a.label, content_type: a.contentType, size: Buffer.byteLength(a.content), digest: null,
      state: 'uploaded', download_count: 0, created_at: a.createdAt, updated_at: a.createdAt, uploader: this.user(a.uploader),
      url: `${this.repoUrl(repo)}/releases/assets/${a.id}`, browser_download_url: `${this.url}/${repo.owner}/${repo.name}/releases/download/${encodeURIComponent(r.tagName)}/${encodeURIComponent(a.name)}`,
    };
  }

  teamMembership(team: FakeTeam, login: string, m: { role: 'member' | 'maintainer'; state: 'active' | 'pending' }): S['team-membership'] {
    return { url: `${this.url}/orgs/${team.org}/teams/${team.slug}/memberships/${login}`, role: m.role, state: m.state };
  }
}

/** Logins GitHub gives to apps (`github-actions[bot]`) are Bot accounts. */
export function isBot(login: string): boolean {
  return login.endsWith('[bot]');
}

/** GitHub's combined state: failure/error wins, then pending, success only when all succeed. */
function combine(statuses: FakeStatus[]): string {
  if (statuses.some((s) => s.state === 'failure' || s.state === 'error')) return 'failure';
  if (statuses.length === 0 || statuses.some((s) => s.state === 'pending')) return 'pending';
  return 'success';
}

function nodeId(prefix: string, id: number): string {
  return Buffer.from(`${prefix}_${id}`).toString('base64');
}

function sum(files: { additions: number; deletions: number }[], key: 'additions' | 'deletions'): number {
  return files.reduce((n, f) => n + f[key], 0);
}
