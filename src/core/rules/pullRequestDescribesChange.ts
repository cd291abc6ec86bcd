/**
 * Rule `pull-request-describes-change` (Software Development Procedures,
 * item 3): the pull request "should indicate which feature or defect is
 * being addressed and should provide a high-level description of the
 * changes made". Its body must name the ticket, the kind (feature or
 * defect, as Open Pull Request's template writes them) and say something
 * beyond the template's placeholders. Editing them away blocks it again.
 *
 * Decisions: a body that was not read (a hand-built snapshot) is not
 * judged; closed and merged pull requests are not gated (there is nothing
 * left to merge) but are audited.
 */
import type { PullRequestFacts } from './facts';
import { blocker, notApplicable, type PolicyRule } from './rule';

const PLACEHOLDER = /_Describe the change\._/gi;
const KIND = /\b(?:feature|defect)\b/i;

/** What the body lacks: "the ticket #12", "the kind (feature or defect)", "a description". */
export function missingFromBody(body: string, ticketId: string | undefined): string[] {
  const text = body.replace(/\r\n/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  const missing: string[] = [];
  if (ticketId && !namesTicket(text, ticketId)) missing.push(`the ticket ${ticketId}`);
  if (!KIND.test(text)) missing.push('the kind (feature or defect)');
  if (!hasDescription(text)) missing.push('a description');
  return missing;
}

function namesTicket(text: string, id: string): boolean {
  const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // `#1` must not be found inside `#12`, nor `ABC-1` inside `ABC-12`.
  return new RegExp(`(?:^|[^\\w])${esc}(?![0-9A-Za-z])`, 'i').test(text) || (id.startsWith('#') && new RegExp(`/issues/${esc.slice(1)}(?![0-9])`).test(text));
}

/** Prose beyond the template: the Description section when there is one, else any line that is not template furniture. */
function hasDescription(text: string): boolean {
  const lines = text.replace(PLACEHOLDER, '').split('\n');
  const heading = lines.findIndex((l) => /^#{1,6}\s+description\s*$/i.test(l.trim()));
  const section = heading >= 0 ? sectionAfter(lines, heading) : lines;
  return section.some((l) => isProse(l.trim()));
}

function sectionAfter(lines: string[], heading: number): string[] {
  const rest = lines.slice(heading + 1);
  const end = rest.findIndex((l) => /^#{1,6}\s/.test(l.trim()));
  return end >= 0 ? rest.slice(0, end) : rest;
}

function isProse(line: string): boolean {
  if (line === '' || /^#{1,6}\s/.test(line)) return false;
  if (/^[-*]\s+\[[ xX]\]/.test(line)) return false; // a checklist item of the template
  if (/^\*\*(?:change ticket|type):\*\*/i.test(line)) return false;
  return /[A-Za-z]{2,}/.test(line);
}

function judge(pr: PullRequestFacts, ticketId: string | undefined): string[] | undefined {
  if (pr.body === undefined) return undefined;
  return missingFromBody(pr.body ?? '', ticketId);
}

export const pullRequestDescribesChange: PolicyRule = {
  id: 'pull-request-describes-change',
  description: 'The pull request names the ticket and whether it is a feature or a defect, and describes the change.',
  reads: ['pullRequest', 'ticket'],
  preflight: notApplicable('Open Pull Request writes the body itself, naming the ticket and the kind'),
  gate: ({ pullRequest, ticket }) => {
    if (pullRequest.state !== 'known' || !pullRequest.value) return [];
    const pr = pullRequest.value;
    if (pr.state !== 'open' && pr.state !== 'draft') return [];
    const missing = judge(pr, ticket.id);
    return missing && missing.length > 0 ? [blocker(`pull request description lacks ${missing.join(', ')}`)] : [];
  },
  audit: ({ pullRequest, ticket, branch }) => {
    if (branch.directToBase || pullRequest.state !== 'known' || !pullRequest.value) return [];
    const pr = pullRequest.value;
    const missing = judge(pr, ticket.id);
    if (!missing || missing.length === 0) return [];
    return [{
      finding: {
        id: 'pull-request-not-described',
        title: `Pull request #${pr.number} does not name the feature or defect and describe the change.`,
        evidence: [`its description lacks ${missing.join(', ')}`],
      },
    }];
  },
};
