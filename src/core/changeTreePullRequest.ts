/**
 * The "Pull request" section of the Change view: state, reviewers with
 * their current review state, approvals against the policy, checks and the
 * ticket back-link. Pure; split from changeTree.ts to keep files small.
 */
import { isUnavailable, type ChangeSnapshot, type CheckInfo, type PullRequestSection } from './changeSnapshot';
import { escapeMd, type ChangeTreeNode, type NodeStatus } from './changeTreeNode';
import { threadPlace } from './rules/reviewConversationsResolved';
import { firstLine, plural, truncate } from './rules/text';
import { summariseChecks, type Readiness, type ReviewerStatus } from './readiness';
import { isSignedOut } from './changeTreeBlockers';

const REVIEWER: Record<ReviewerStatus['state'], { icon: string; status: NodeStatus; words: string }> = {
  APPROVED: { icon: 'pass', status: 'ok', words: 'approved' },
  CHANGES_REQUESTED: { icon: 'request-changes', status: 'error', words: 'changes requested' },
  COMMENTED: { icon: 'comment', status: 'info', words: 'commented' },
  DISMISSED: { icon: 'circle-slash', status: 'info', words: 'review dismissed' },
  REQUESTED: { icon: 'clock', status: 'pending', words: 'review requested' },
};

const CHECK: Record<CheckInfo['state'], { icon: string; status: NodeStatus }> = {
  passed: { icon: 'pass', status: 'ok' },
  failed: { icon: 'error', status: 'error' },
  pending: { icon: 'clock', status: 'pending' },
};

export function pullRequestNode(s: ChangeSnapshot, readiness: Readiness): ChangeTreeNode {
  const gh = s.github;
  if (isUnavailable(gh)) {
    const signIn = gh.status === 'skipped';
    if (isSignedOut(s)) {
      return {
        id: 'pr',
        label: 'Pull request',
        description: 'sign in to GitHub to see it',
        tooltip: 'The pull request, its reviews and checks are read from GitHub. Click to sign in; the branch, commits and tests need no sign-in.',
        icon: 'github',
        status: 'warning',
        contextValue: 'github.signedOut',
        action: { kind: 'command', command: 'changeControl.signIn', args: [s.root] },
      };
    }
    return {
      id: 'pr',
      label: 'Pull request',
      description: `${gh.status === 'error' ? 'GitHub failed' : 'GitHub skipped'}: ${gh.reason}`,
      tooltip: gh.status === 'error' ? `GitHub could not be reached: ${gh.reason}. Refresh to try again.` : `GitHub was not asked: ${gh.reason}.`,
      icon: gh.status === 'error' ? 'error' : 'github',
      status: gh.status === 'error' ? 'error' : 'warning',
      contextValue: gh.status === 'error' ? 'github.error' : 'github.skipped',
      action: signIn ? { kind: 'command', command: 'changeControl.signIn' } : { kind: 'command', command: 'changeControl.refresh' },
    };
  }
  const section = gh.pullRequest;
  if (!section) {
    return {
      id: 'pr',
      label: 'Pull request',
      description: 'none yet',
      tooltip: 'Open a pull request naming the feature or defect, with a high-level description, once the change and its tests are complete.',
      icon: 'git-pull-request-create',
      status: 'error',
      contextValue: 'pr.none',
      action: { kind: 'command', command: 'changeControl.createPullRequest', args: [s.root] },
    };
  }
  const { pr } = section;
  const stateStatus: NodeStatus = pr.state === 'merged' ? 'ok' : pr.state === 'closed' ? 'error' : pr.state === 'draft' ? 'warning' : 'info';
  return {
    id: 'pr',
    label: `#${pr.number} ${pr.title}`,
    description: pr.state,
    tooltip: `**#${pr.number}** ${escapeMd(pr.title)}\n\nState: ${pr.state}\n\nAuthor: ${escapeMd(pr.author)}`,
    icon: pr.state === 'merged' ? 'git-merge' : pr.state === 'closed' ? 'git-pull-request-closed' : pr.state === 'draft' ? 'git-pull-request-draft' : 'git-pull-request',
    status: stateStatus,
    contextValue: 'pr hasUrl',
    url: pr.url,
    action: { kind: 'openUrl', url: pr.url },
    children: [reviewsNode(readiness, section, s.root), ...conversationsNode(s, section), checksNode(section), backLinkNode(s, section)],
    expanded: true,
  };
}

/**
 * What each reviewer wrote, newest first, as children of their row.
 * Review conversations (threads, read through GraphQL by the sign-off
 * work) hang here too once the snapshot carries them.
 */
function reviewBodies(section: PullRequestSection, login: string): ChangeTreeNode[] {
  const key = login.toLowerCase();
  return section.reviews
    .filter((r) => r.author.toLowerCase() === key && r.body && r.body.trim())
    .sort((x, y) => (y.submittedAt ?? '').localeCompare(x.submittedAt ?? ''))
    .map((r): ChangeTreeNode => ({
      id: `pr/reviews/${key}/${r.id}`,
      label: truncate(firstLine(r.body!.trim().replace(/\r\n/g, '\n')), 80),
      description: `${REVIEWER[r.state as ReviewerStatus['state']]?.words ?? r.state.toLowerCase()}${r.submittedAt ? `, ${r.submittedAt.slice(0, 10)}` : ''}`,
      tooltip: `**${escapeMd(r.author)}** (${r.state.toLowerCase().replace('_', ' ')})\n\n${r.body!.split(/\r?\n/).map((l) => `> ${escapeMd(l)}`).join('\n')}`,
      icon: 'comment',
      status: 'info',
      contextValue: r.url ? 'review hasUrl' : 'review',
      ...(r.url ? { url: r.url, action: { kind: 'openUrl' as const, url: r.url } } : {}),
    }));
}


function reviewsNode(readiness: Readiness, section: PullRequestSection, root: string): ChangeTreeNode {
  const prUrl = section.pr.url;
  const a = readiness.approvals;
  const approvals = a?.approvals ?? 0;
  const required = a?.required ?? 0;
  const reviewers = (a?.reviewers ?? []).map((r): ChangeTreeNode => {
    const v = REVIEWER[r.state];
    const notes = [
      r.requested && r.state !== 'REQUESTED' ? 're-requested' : '',
      r.isAuthor ? 'author: does not count' : '',
      r.staleCommit ? 'does not count' : '',
    ].filter(Boolean);
    const words = r.staleCommit ? `approved an earlier commit (${r.staleCommit})` : r.signOff === 'lgtm' ? 'signed off: LGTM' : v.words;
    const bodies = reviewBodies(section, r.login);
    // Re-request only from someone who reviewed and is not asked now (GitHub refuses the author).
    const reRequest = !r.requested && !r.isAuthor && r.state !== 'REQUESTED' && !r.login.includes('/');
    return {
      id: `pr/reviews/${r.login.toLowerCase()}`,
      label: r.login,
      description: [words, ...notes].join(', '),
      icon: v.icon,
      status: r.state === 'APPROVED' && !r.countsAsApproval ? 'warning' : v.status,
      contextValue: `reviewer hasUrl${reRequest ? ' reviewer.reRequest' : ''}`,
      url: `${prUrl}/files`,
      ...(bodies.length > 0 ? { children: bodies, expanded: true } : {}),
      ...(reRequest ? { action: { kind: 'command' as const, command: 'changeControl.reRequestReview', args: [{ root, reviewer: r.login }] } } : {}),
    };
  });
  const enough = approvals >= required && (a?.changesRequestedBy.length ?? 0) === 0;
  return {
    id: 'pr/reviews',
    label: 'Approvals',
    description: `${approvals} of ${required} required`,
    tooltip: 'Each reviewer’s latest review counts: a later “changes requested” overrides an earlier approval; dismissed reviews and the author’s own approval do not count. The policy says whether an LGTM comment signs off (review.signOff) and whether an approval must be of the latest commit (review.requireApprovalOfLatestCommit).',
    icon: 'person',
    status: enough ? 'ok' : 'error',
    contextValue: 'reviews.request',
    children: reviewers.length ? reviewers : [{ id: 'pr/reviews/none', label: 'No reviewers yet', icon: 'person-add', status: 'info' }],
    expanded: true,
  };
}

/**
 * The review conversations: each open one (file:line, who opened it, the
 * first line of the remark) opens on GitHub. Absent when not read.
 */
function conversationsNode(s: ChangeSnapshot, section: PullRequestSection): ChangeTreeNode[] {
  const threads = section.threads;
  if (!threads) return [];
  const required = s.policy.review.requireResolvedConversations;
  const base = { id: 'pr/conversations', label: 'Conversations', tooltip: 'The policy asks the author to address every review remark or explain why it does not apply, and to resolve the conversation (review.requireResolvedConversations).' };
  if (isUnavailable(threads)) {
    return [{ ...base, description: `not checked: ${threads.reason}`, icon: 'warning', status: required ? 'error' : 'warning' }];
  }
  const open = threads.filter((t) => !t.isResolved);
  const children = open.map((t, i): ChangeTreeNode => ({
    id: `pr/conversations/${t.id || i}`,
    label: threadPlace(t),
    description: `${t.author}${t.isOutdated ? ' (outdated)' : ''}: ${truncate(firstLine(t.body).trim(), 80)}`,
    tooltip: `**${escapeMd(threadPlace(t))}**, ${escapeMd(t.author)}${t.isOutdated ? ' (outdated)' : ''}\n\n${escapeMd(truncate(t.body, 500))}\n\nOpen it on GitHub to answer or resolve it.`,
    icon: 'comment-unresolved',
    status: required ? 'error' : 'warning',
    ...(t.url ? { contextValue: 'conversation hasUrl', url: t.url, action: { kind: 'openUrl' as const, url: t.url } } : { contextValue: 'conversation' }),
  }));
  const resolved = threads.length - open.length;
  return [{
    ...base,
    description: open.length > 0
      ? `${plural(open.length, 'open', 'open')}${resolved ? `, ${resolved} resolved` : ''}`
      : threads.length > 0 ? `all ${threads.length} resolved` : 'none',
    icon: open.length > 0 ? 'comment-unresolved' : 'comment-discussion',
    status: open.length > 0 ? (required ? 'error' : 'warning') : 'ok',
    ...(children.length > 0 ? { children, expanded: true } : {}),
  }];
}

function checksNode(section: PullRequestSection): ChangeTreeNode {
  const { failed, pending, passed } = summariseChecks(section.checks);
  const children = section.checks.map((c, i): ChangeTreeNode => ({
    id: `pr/checks/${c.source}/${c.name}/${i}`,
    label: c.name,
    description: c.detail && c.detail !== c.state ? `${c.state} (${c.detail})` : c.state,
    icon: CHECK[c.state].icon,
    status: CHECK[c.state].status,
    contextValue: c.detailsUrl ? 'check hasUrl' : 'check',
    url: c.detailsUrl,
    action: c.detailsUrl ? { kind: 'openUrl', url: c.detailsUrl } : undefined,
  }));
  const parts = [failed ? `${failed} failing` : '', pending ? `${pending} pending` : '', passed ? `${passed} passed` : ''].filter(Boolean);
  return {
    id: 'pr/checks',
    label: 'Checks',
    description: parts.join(', ') || 'none reported',
    icon: failed ? 'error' : pending ? 'clock' : 'checklist',
    status: failed ? 'error' : pending ? 'pending' : section.checks.length ? 'ok' : 'info',
    children: children.length ? children : undefined,
    expanded: failed > 0 || pending > 0,
  };
}

function backLinkNode(s: ChangeSnapshot, section: PullRequestSection): ChangeTreeNode {
  const link = section.ticketBackLink;
  return {
    id: 'pr/backlink',
    label: 'Ticket back-link',
    description: link === undefined ? 'not checked' : link ? 'present' : `missing: ${s.ticket.id ?? 'the ticket'} does not link to #${section.pr.number}`,
    tooltip: 'The policy requires the change ticket to link to the reviewed pull request.',
    icon: 'link',
    status: link === undefined ? 'info' : link ? 'ok' : 'error',
    contextValue: link === false ? 'backlink.missing' : 'backlink',
  };
}
