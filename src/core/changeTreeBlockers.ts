/**
 * The blocker and warning rows under "Blocked" / "Ready to merge": each
 * row carries its rule's fix (src/core/rules/fixes.ts) as the node's
 * action, so a click runs it, and its tooltip quotes the policy item that
 * asks for it. A fix that needs GitHub while the user is signed out becomes
 * Sign In. Pure; split from changeTree.ts to keep files small.
 */
import { isUnavailable, type ChangeSnapshot } from './changeSnapshot';
import { escapeMd, type ChangeTreeNode, type NodeAction } from './changeTreeNode';
import type { GateOutcome } from './readiness';
import { fixFor, policyQuoteMarkdown, type FixAction } from './rules/fixes';

/** The reason the snapshot gives for GitHub when nobody is signed in. */
export const SIGNED_OUT_REASON = 'not signed in to GitHub';

/** Rules whose facts come from GitHub: unknown while signed out. */
const GITHUB_RULES: ReadonlySet<string> = new Set([
  'ticket-approved', 'ticket-open', 'pull-request-open', 'required-approvals', 'changes-requested', 'checks-pass', 'ticket-links-pull-request',
]);

/** True when the snapshot was read without GitHub because nobody is signed in. */
export function isSignedOut(s: ChangeSnapshot): boolean {
  return isUnavailable(s.github) && s.github.status === 'skipped' && s.github.reason === SIGNED_OUT_REASON;
}

/** The row of one gate outcome (`kind` is `blocker` or `warning`, `i` its index among them). */
export function outcomeNode(s: ChangeSnapshot, o: GateOutcome, i: number): ChangeTreeNode {
  const kind = o.severity === 'blocker' ? 'blocker' : 'warning';
  const base: ChangeTreeNode = { id: `readiness/${kind}/${i}`, label: o.message, icon: kind === 'blocker' ? 'error' : 'warning', status: kind === 'blocker' ? 'error' : 'warning' };
  const fix = fixFor(o.ruleId);
  if (!fix) return base;
  const resolved = GITHUB_RULES.has(o.ruleId) && isUnavailable(s.github)
    ? { title: isSignedOut(s) ? 'Sign In to GitHub' : 'Refresh', action: { kind: 'command', command: isSignedOut(s) ? 'changeControl.signIn' : 'changeControl.refresh', args: [s.root] } as NodeAction }
    : { title: fix.title, action: fixAction(s, fix.action) };
  const tooltip = [`**${escapeMd(o.message)}**`, 'Why the policy asks for it:', policyQuoteMarkdown(fix.policy),
    resolved.action ? `Click to run **${resolved.title}**.` : ''].filter(Boolean).join('\n\n');
  return {
    ...base,
    description: resolved.action ? resolved.title : undefined,
    tooltip,
    ...(resolved.action ? { action: resolved.action, contextValue: `${kind} fix` } : { contextValue: kind }),
  };
}

const command = (id: string, ...args: unknown[]): NodeAction => ({ kind: 'command', command: id, args });

/** The node action of a fix in this snapshot, or undefined when nothing can run it here. */
export function fixAction(s: ChangeSnapshot, action: FixAction): NodeAction | undefined {
  const gh = isUnavailable(s.github) ? undefined : s.github.pullRequest;
  switch (action) {
    case 'startChange': return command('changeControl.startChange', s.root);
    case 'updateBranch': return command('changeControl.updateBranch', s.root);
    case 'push': return command('changeControl.push', s.root);
    case 'linkTicket': return command('changeControl.linkTicket', s.root);
    case 'openTicket': {
      const url = s.ticket.details?.url;
      if (url) return { kind: 'openUrl', url };
      return s.ticket.lookup?.status === 'notFound' || !s.ticket.id ? command('changeControl.linkTicket', s.root) : command('changeControl.refresh', s.root);
    }
    case 'commit': return command('workbench.view.scm');
    case 'amendMessage': {
      const failing = s.commits.find((c) => c.findings.some((f) => f.severity === 'error'));
      return failing ? command('changeControl.amendMessage', s.root, failing.sha) : undefined;
    }
    case 'createTestFile': {
      if (isUnavailable(s.tests)) return command('changeControl.checkTests', s.root);
      const missing = s.tests.sources.find((x) => x.verdict === 'missing' && x.suggestedTest !== undefined);
      if (missing) return command('changeControl.createTestFile', s.root, missing.path, missing.suggestedTest);
      const stale = s.tests.sources.find((x) => x.verdict === 'stale' && x.tests.length > 0);
      return stale ? command('changeControl.openTest', s.root, stale.tests[0]) : undefined;
    }
    case 'openPullRequest': return command('changeControl.openPullRequest', s.root);
    case 'requestReview': return gh ? command('changeControl.requestReview', s.root) : command('changeControl.openPullRequest', s.root);
    case 'openPullRequestPage': return gh ? { kind: 'openUrl', url: gh.pr.url } : undefined;
    case 'openChecks': return gh ? { kind: 'openUrl', url: `${gh.pr.url}/checks` } : undefined;
  }
}
