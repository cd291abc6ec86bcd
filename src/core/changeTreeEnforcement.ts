/**
 * The Change view's "GitHub enforces less than the policy" section (and
 * the same lines in `status`): each place where the base branch's rulesets
 * or branch protection are weaker than the policy, with the setting to
 * change, and a click that opens the repository's branch settings on
 * GitHub. Warnings only: the gate's verdict never reads this. Pure.
 */
import { isUnavailable, type ChangeSnapshot } from './changeSnapshot';
import { escapeMd, type ChangeTreeNode } from './changeTreeNode';
import type { EnforcementReport } from './githubEnforcement';
import { plural } from './rules/text';

/** The section's label, also the heading `status` prints. */
export const ENFORCEMENT_HEADING = 'GitHub enforces less than the policy';

/** The section, or nothing when GitHub's rules were not asked for, or match the policy and were fully read. */
export function enforcementNodes(s: ChangeSnapshot): ChangeTreeNode[] {
  const e = s.enforcement;
  if (e === undefined) return [];
  if (isUnavailable(e)) {
    // GitHub skipped altogether is said by the pull request section already.
    if (e.status === 'skipped') return [];
    return [{ id: 'enforcement', label: "GitHub's branch rules", description: `not read: ${e.reason}`, icon: 'shield', status: 'info' }];
  }
  if (e.warnings.length === 0 && e.notes.length === 0) return [];
  const open = e.settingsUrl ? { url: e.settingsUrl, action: { kind: 'openUrl' as const, url: e.settingsUrl } } : {};
  const notes = e.notes.map((n, i): ChangeTreeNode => ({ id: `enforcement/note/${i}`, label: n, icon: 'info', status: 'info' }));
  if (e.warnings.length === 0) {
    return [{ id: 'enforcement', label: "GitHub's branch rules", description: e.compared ? `no weaker than the policy on ${e.branch}` : 'not compared', icon: 'shield', status: 'info', children: notes, ...open }];
  }
  const children = [
    ...e.warnings.map((w): ChangeTreeNode => ({
      id: `enforcement/${w.id}`,
      label: w.message,
      description: w.setting,
      tooltip: `${escapeMd(w.message)}\n\nChange it on GitHub: ${escapeMd(w.setting)}`,
      icon: 'warning',
      status: 'warning',
      contextValue: e.settingsUrl ? 'enforcement.warning hasUrl' : 'enforcement.warning',
      ...open,
    })),
    ...notes,
  ];
  return [{
    id: 'enforcement',
    label: ENFORCEMENT_HEADING,
    description: `${plural(e.warnings.length, 'setting', 'settings')} on ${e.branch}`,
    tooltip: tooltip(e),
    icon: 'warning',
    status: 'warning',
    contextValue: e.settingsUrl ? 'enforcement hasUrl' : 'enforcement',
    children,
    ...open,
  }];
}

function tooltip(e: EnforcementReport): string {
  return [
    `**${ENFORCEMENT_HEADING}** on ${escapeMd(e.branch)}: GitHub would merge what the policy forbids. These are warnings; the merge gate decides as before.`,
    e.warnings.map((w) => `- ${escapeMd(w.message)}: ${escapeMd(w.setting)}`).join('\n'),
    ...e.notes.map(escapeMd),
  ].join('\n\n');
}
