/**
 * Rule `changes-requested`: no reviewer's latest decision is "changes
 * requested". Decision: after the fact, a pull request merged over a
 * reviewer's request for changes is a finding
 * (`merged-with-changes-requested`); the audit used to say nothing.
 */
import { countApprovals } from './approvals';
import { approvalContext } from './requiredApprovals';
import { blocker, notApplicable, type PolicyRule } from './rule';

export const changesRequested: PolicyRule = {
  id: 'changes-requested',
  description: "No reviewer's latest review requests changes.",
  reads: ['pullRequest', 'merge'],
  preflight: notApplicable('nobody can review before the pull request exists'),
  gate: ({ pullRequest, policy }) => {
    if (pullRequest.state !== 'known' || !pullRequest.value) return [];
    const pr = pullRequest.value;
    const by = countApprovals(pr.reviews, approvalContext(pr, policy)).changesRequestedBy;
    return by.length > 0 ? [blocker(`changes requested by ${by.join(', ')}`)] : [];
  },
  audit: ({ pullRequest, policy, merge }) => {
    if (!merge || pullRequest.state !== 'known' || !pullRequest.value) return [];
    const pr = pullRequest.value;
    const count = countApprovals(pr.reviews, approvalContext(pr, policy));
    const requests = count.changesRequestedBy.map((login) => count.latest.get(login.toLowerCase())!);
    if (requests.length === 0) return [];
    return [{
      finding: {
        id: 'merged-with-changes-requested',
        title: `Merged while ${requests.map((r) => r.reviewer).join(', ')} requested changes.`,
        evidence: requests.map((r) => `${r.reviewer} requested changes at ${r.submittedAt ?? 'unknown time'}; merged at ${merge.mergedAt}`),
      },
    }];
  },
};
