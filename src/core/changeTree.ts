/**
 * The Change view's content as plain data: snapshot in, tree nodes out.
 * The extension renders these nodes as TreeItems and the CLI prints them
 * as text, so both show the same sections and the same words. Pure.
 */
import { escapeForTerminal } from './terminalText';
import { isOnBase, isUnavailable, type ChangeSnapshot, type CommitInfo } from './changeSnapshot';
import { POLICY_CHANGED_NOTE } from './policy/governingPolicy';
import { assessReadiness, type Readiness } from './readiness';
import { pullRequestNode } from './changeTreePullRequest';
import type { SourceTestResult } from './testMatching/types';
import { escapeMd, type ChangeTreeNode, type NodeStatus } from './changeTreeNode';
import { plural } from './rules/text';
import { approverName } from './ticketApprover';

export type { ChangeTreeNode, NodeAction, NodeStatus } from './changeTreeNode';
export { STATUS_COLORS } from './changeTreeNode';

export function buildChangeTree(snapshot: ChangeSnapshot, readiness: Readiness = assessReadiness(snapshot)): ChangeTreeNode[] {
  return [
    readinessNode(readiness),
    ticketNode(snapshot),
    branchNode(snapshot),
    commitsNode(snapshot),
    testsNode(snapshot),
    pullRequestNode(snapshot, readiness),
    ...policyNodes(snapshot),
  ];
}

/**
 * "Policy changed in this change" when the change edits the policy file
 * (the base's policy still governs it), the policy's problems, or why the
 * base's policy could not be read.
 */
function policyNodes(s: ChangeSnapshot): ChangeTreeNode[] {
  const source = s.policySource;
  if (source === undefined) return [];
  if (isUnavailable(source)) {
    return [{ id: 'policy', label: 'Policy', description: 'base policy not read', tooltip: escapeMd(source.reason), icon: 'law', status: 'warning', children: [{ id: 'policy/reason', label: source.reason, icon: 'warning', status: 'warning' }] }];
  }
  const problems = source.problems ?? [];
  if (!source.changed && problems.length === 0) return [];
  const children = [
    ...problems.map((text, i): ChangeTreeNode => ({ id: `policy/problem/${i}`, label: text, icon: 'error', status: 'error' })),
    ...source.ignored.map((text, i): ChangeTreeNode => ({ id: `policy/ignored/${i}`, label: text, icon: 'warning', status: 'warning' })),
  ];
  const changedText = `This change edits the policy file. The policy of ${escapeMd(source.baseRef)} (at \`${source.baseCommit.slice(0, 12)}\`) governs it; the edit applies to changes made after it is merged.`;
  const ignoredText = source.ignored.length ? `Not applied to this change, as they would loosen the base policy:\n\n${source.ignored.map((i) => `- ${escapeMd(i)}`).join('\n')}` : '';
  return [{
    id: 'policy',
    label: 'Policy',
    description: source.changed ? POLICY_CHANGED_NOTE : `${plural(problems.length, 'problem', 'problems')}: the defaults apply to those keys`,
    tooltip: [source.changed ? changedText : '', ignoredText, problems.length ? 'The merge gate refuses a policy with problems until they are fixed.' : ''].filter(Boolean).join('\n\n'),
    icon: 'law',
    status: problems.length ? 'error' : 'warning',
    children: children.length ? children : undefined,
    expanded: problems.length > 0,
  }];
}

function readinessNode(r: Readiness): ChangeTreeNode {
  const warnings = r.warnings.map((w, i): ChangeTreeNode => ({ id: `readiness/warning/${i}`, label: w, icon: 'warning', status: 'warning' }));
  if (r.ready) {
    return {
      id: 'readiness',
      label: 'Ready to merge',
      description: r.warnings.length ? plural(r.warnings.length, 'warning', 'warnings') : undefined,
      tooltip: 'Every requirement of the change policy is met.',
      icon: 'pass-filled',
      status: 'ok',
      children: warnings.length ? warnings : undefined,
    };
  }
  const blockers = r.blockers.map((b, i): ChangeTreeNode => ({ id: `readiness/blocker/${i}`, label: b, icon: 'error', status: 'error' }));
  return {
    id: 'readiness',
    label: 'Blocked',
    description: plural(r.blockers.length, 'blocker', 'blockers'),
    tooltip: `**Not ready to merge**\n\n${r.blockers.map((b) => `- ${b}`).join('\n')}`,
    icon: 'circle-slash',
    status: 'error',
    children: [...blockers, ...warnings],
    expanded: true,
  };
}

function ticketNode(s: ChangeSnapshot): ChangeTreeNode {
  const t = s.ticket;
  if (!t.id) {
    return {
      id: 'ticket',
      label: 'Ticket',
      description: 'none linked',
      tooltip: 'Every change needs an approved change ticket. Link one to this branch.',
      icon: 'issues',
      status: 'error',
      contextValue: 'ticket.none',
      action: { kind: 'command', command: 'changeControl.linkTicket', args: [s.root] },
    };
  }
  const d = t.details;
  if (!d) {
    const notFound = t.lookup?.status === 'notFound';
    return {
      id: 'ticket',
      label: t.id,
      description: notFound ? 'not found' : `not checked: ${t.lookup?.reason ?? 'not looked up'}`,
      tooltip: notFound ? `Ticket ${t.id} does not exist in the tracker. Link another one.` : `Ticket ${t.id} could not be checked.`,
      icon: 'issues',
      status: notFound || t.lookup?.status === 'error' ? 'error' : 'warning',
      contextValue: 'ticket.linked',
    };
  }
  const approver = t.approver && !isUnavailable(t.approver) ? t.approver : undefined;
  const byNonApprover = d.approved && approver !== undefined && !approver.isApprover;
  const unread = d.approved && t.approver !== undefined && isUnavailable(t.approver) ? t.approver.reason : undefined;
  const approvedWord = !d.approved
    ? 'awaiting approval'
    : byNonApprover
      ? `approved by ${approverName(approver)}, who is not an approver`
      : unread
        ? `approver not checked: ${unread}`
        : approver ? `approved by ${approverName(approver)}` : 'approved';
  const counts = d.approved && !byNonApprover && !unread;
  const needApproval = s.policy.tracker.requireApproval;
  const children: ChangeTreeNode[] = [
    { id: 'ticket/state', label: 'State', description: d.state, icon: d.state === 'open' ? 'issue-opened' : 'issue-closed', status: 'info' },
    {
      id: 'ticket/approval',
      label: 'Approval',
      description: approvedWord,
      tooltip: `Approved when it carries the label “${s.policy.tracker.approvalLabel}”.`,
      icon: counts ? 'verified-filled' : 'unverified',
      status: counts ? 'ok' : needApproval ? 'error' : 'warning',
    },
    { id: 'ticket/assignees', label: 'Assignees', description: d.assignees.join(', ') || 'nobody', icon: 'person', status: 'info' },
  ];
  return {
    id: 'ticket',
    label: `${d.id} ${d.title}`,
    description: `${d.state}, ${approvedWord}`,
    tooltip: [`**${escapeMd(d.id)}** ${escapeMd(d.title)}`, '', `State: ${d.state}`, `Approval: ${approvedWord}`,
      `Assignees: ${d.assignees.join(', ') || 'nobody'}`, `Labels: ${d.labels.join(', ') || 'none'}`].join('\n\n'),
    icon: 'issues',
    status: counts || !needApproval ? 'ok' : 'error',
    contextValue: d.url ? 'ticket.linked hasUrl' : 'ticket.linked',
    url: d.url,
    action: d.url ? { kind: 'openUrl', url: d.url } : undefined,
    children,
  };
}

function branchNode(s: ChangeSnapshot): ChangeTreeNode {
  const b = s.branch;
  const children: ChangeTreeNode[] = [];
  if (b.baseRef === undefined) {
    children.push({ id: 'branch/base', label: 'Base', description: `${b.base} (remote copy not found)`, icon: 'git-branch', status: 'warning' });
  } else {
    const behind = b.behind ?? 0;
    children.push({
      id: 'branch/base',
      label: 'Base',
      description: `${b.baseRef}: ${b.ahead ?? 0} ahead, ${behind} behind`,
      tooltip: behind > 0 ? `${b.baseRef} has ${plural(behind, 'commit', 'commits')} this branch lacks: merge or rebase before review.` : undefined,
      icon: 'git-compare',
      status: behind > 0 ? 'warning' : 'ok',
    });
  }
  const unpushed = b.unpushed ?? 0;
  children.push({
    id: 'branch/upstream',
    label: 'Upstream',
    description: `${b.upstream ?? 'not pushed yet'}${unpushed > 0 ? `, ${plural(unpushed, 'unpushed commit', 'unpushed commits')}` : ''}`,
    icon: unpushed > 0 ? 'cloud-upload' : 'cloud',
    status: unpushed > 0 ? 'warning' : b.upstream ? 'ok' : 'info',
  });
  const problem = b.name === undefined || isOnBase(b);
  return {
    id: 'branch',
    label: b.name ?? 'detached HEAD',
    description: problem ? 'not a feature branch' : `from ${b.baseRef ?? b.base}`,
    tooltip: problem ? 'Changes are made on a feature branch started from the current main branch.' : undefined,
    icon: 'git-branch',
    status: problem ? 'error' : 'ok',
    contextValue: isOnBase(b) ? 'branch.base' : 'branch.feature',
    action: isOnBase(b) ? { kind: 'command', command: 'changeControl.startChange', args: [s.root] } : undefined,
    children,
  };
}

function commitNode(c: CommitInfo): ChangeTreeNode {
  const errors = c.findings.filter((f) => f.severity === 'error').length;
  const short = c.sha.slice(0, 7);
  return {
    id: `commits/${c.sha}`,
    label: c.subject || '(empty subject)',
    description: c.findings.length ? `${short} · ${plural(c.findings.length, 'problem', 'problems')}` : short,
    tooltip: `\`${short}\`\n\n\`\`\`\n${c.message.replace(/```/g, "'''")}\n\`\`\``,
    icon: errors > 0 ? 'error' : c.findings.length > 0 ? 'warning' : 'git-commit',
    status: errors > 0 ? 'error' : c.findings.length > 0 ? 'warning' : 'ok',
    contextValue: 'commit',
    children: c.findings.length
      ? c.findings.map((f, i) => ({
          id: `commits/${c.sha}/${i}`,
          label: f.message,
          description: `line ${f.range.start.line + 1} · ${f.ruleId}`,
          icon: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info',
          status: f.severity === 'error' ? ('error' as const) : f.severity === 'warning' ? ('warning' as const) : ('info' as const),
        }))
      : undefined,
    expanded: errors > 0,
  };
}

function commitsNode(s: ChangeSnapshot): ChangeTreeNode {
  const failing = s.commits.filter((c) => c.findings.some((f) => f.severity === 'error')).length;
  return {
    id: 'commits',
    label: 'Commits',
    description: s.commits.length === 0 ? 'none yet' : `${s.commits.length}${failing ? `, ${failing} failing` : ', all follow the policy'}`,
    icon: 'git-commit',
    status: failing > 0 ? 'error' : s.commits.length === 0 ? 'info' : 'ok',
    children: s.commits.length ? s.commits.map(commitNode) : undefined,
    expanded: failing > 0,
  };
}

const VERDICT: Record<SourceTestResult['verdict'], { icon: string; status: NodeStatus; words: string }> = {
  covered: { icon: 'pass', status: 'ok', words: 'covered' },
  stale: { icon: 'history', status: 'warning', words: 'stale: its tests did not change' },
  missing: { icon: 'error', status: 'error', words: 'missing: no matching test' },
  exempt: { icon: 'circle-slash', status: 'info', words: 'exempt' },
};

function testsNode(s: ChangeSnapshot): ChangeTreeNode {
  if (isUnavailable(s.tests)) {
    return { id: 'tests', label: 'Tests', description: `not checked: ${s.tests.reason}`, icon: 'beaker', status: s.tests.status === 'error' ? 'error' : 'warning' };
  }
  const { counts, sources } = s.tests;
  const required = s.policy.tests.requireTests;
  const children = sources.map((src): ChangeTreeNode => {
    const v = VERDICT[src.verdict];
    const status = src.verdict === 'missing' && !required ? 'warning' : v.status;
    const canCreate = src.verdict === 'missing' && src.suggestedTest !== undefined;
    return {
      id: `tests/${src.path}`,
      label: src.path,
      description: v.words,
      tooltip: [`**${escapeMd(src.path)}**: ${v.words}`, src.tests.length ? `Tests: ${src.tests.join(', ')}` : '',
        src.suggestedTest ? `Suggested test: ${src.suggestedTest}` : '', src.convention ? `Convention: ${src.convention}` : '']
        .filter(Boolean).join('\n\n'),
      icon: v.icon,
      status,
      contextValue: canCreate ? 'test.missing' : src.tests.length ? 'test.hasTest' : 'test.source',
      action: canCreate
        ? { kind: 'command', command: 'changeControl.createTestFile', args: [s.root, src.path, src.suggestedTest] }
        : src.tests.length
          ? { kind: 'command', command: 'changeControl.openTest', args: [s.root, src.tests[0]] }
          : undefined,
    };
  });
  const parts = (['covered', 'stale', 'missing', 'exempt'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  return {
    id: 'tests',
    label: 'Tests',
    description: parts.join(', ') || 'no source files changed',
    icon: 'beaker',
    status: counts.missing > 0 ? (required ? 'error' : 'warning') : counts.stale > 0 ? 'warning' : 'ok',
    children: children.length ? children : undefined,
    expanded: counts.missing > 0,
  };
}

const MARKS: Record<NodeStatus, string> = { ok: '✓', error: '✗', warning: '!', pending: '…', info: '·' };

/** Plain-text rendering (CLI, reports): every node, indented, with a status mark. */
export function renderChangeTreeText(nodes: readonly ChangeTreeNode[], indent = ''): string {
  let out = '';
  for (const n of nodes) {
    // Labels carry subjects, titles and file names: their control characters are shown escaped.
    const e = escapeForTerminal;
    out += `${indent}${MARKS[n.status]} ${e(n.label)}${n.description ? ` — ${e(n.description)}` : ''}${n.url ? ` <${e(n.url)}>` : ''}\n`;
    if (n.children) out += renderChangeTreeText(n.children, `${indent}  `);
  }
  return out;
}
