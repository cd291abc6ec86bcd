/**
 * Rule `ticket-links-pull-request`: the ticket links to the reviewed pull
 * request (a comment or its text names it), so the ticket leads an auditor
 * to the review.
 */
import { blocker, notApplicable, type PolicyRule } from './rule';

export const ticketLinksPullRequest: PolicyRule = {
  id: 'ticket-links-pull-request',
  description: 'The ticket links to the pull request.',
  reads: ['ticket', 'pullRequest'],
  preflight: notApplicable('Open Pull Request writes the link itself'),
  gate: ({ pullRequest }) =>
    pullRequest.state === 'known' && pullRequest.value?.ticketBackLink === false ? [blocker('ticket does not link to the pull request')] : [],
  audit: ({ pullRequest, ticket }) => {
    if (pullRequest.state !== 'known' || pullRequest.value?.ticketBackLink !== false) return [];
    const id = ticket.id ?? 'the ticket';
    return [{
      finding: {
        id: 'no-ticket-link',
        title: `Ticket ${id} does not link to the reviewed pull request.`,
        evidence: [`no comment or text on ${id} mentions ${pullRequest.value.url}`],
      },
    }];
  },
};
