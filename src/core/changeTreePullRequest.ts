/**
 * The "Pull request" section of the Change view: state, reviewers with
 * their current review state, approvals against the policy, checks and the
 * ticket back-link. Pure; split from changeTree.ts to keep files small.
 */
import { isUnavailable, type ChangeSnapshot, type CheckInfo, type PullRequestSection } from './changeSnapshot';
import { escapeMd, type ChangeTreeNode, type NodeStatus } from './changeTreeNode';
import { summariseChecks, type Readiness, type ReviewerStatus } from './readiness';

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
      action: { kind: 'command', command: 'changeControl.openPullRequest', args: [s.root] },
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
    children: [reviewsNode(readiness, pr.url), checksNode(section), backLinkNode(s, section)],
    expanded: true,
  };
}

function reviewsNode(readiness: Readiness, prUrl: string): ChangeTreeNode {
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
    return {
      id: `pr/reviews/${r.login.toLowerCase()}`,
      label: r.login,
      description: [words, ...notes].join(', '),
      icon: v.icon,
      status: r.state === 'APPROVED' && !r.countsAsApproval ? 'warning' : v.status,
      contextValue: 'reviewer hasUrl',
      url: `${prUrl}/files`,
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
    children: reviewers.length ? reviewers : [{ id: 'pr/reviews/none', label: 'No reviewers yet', icon: 'person-add', status: 'info' }],
    expanded: true,
  };
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
