import { compileTicketPattern } from '../../ticketId';
import { keptText, type ParsedMessage } from '../parse';
import type { Fix } from '../types';
import { finding, lineRange, type Rule } from './rule';

/**
 * Traceability: the policy ties every change to an approved ticket. The
 * reference may be anywhere in the message (subject, body or a trailer
 * such as `Refs: ABC-123`).
 *
 * The fix inserts the branch's ticket where each convention puts it: a
 * Jira-style key as a subject prefix (`ABC-123: Add x`), a GitHub issue
 * (`#123`, `owner/repo#123`) appended to the subject (`Add x (#123)`), the
 * way GitHub writes squash-merge subjects, so the description still
 * starts the subject.
 */
export const ticketReference: Rule = {
  id: 'ticket-reference',
  description:
    'When commit.requireTicket is on, the message must reference a change ticket matching commit.ticketPattern.',
  check(parsed, ctx) {
    const { requireTicket, ticketPattern } = ctx.policy.commit;
    const subject = parsed.subject;
    if (!requireTicket || !subject) return [];
    // Linear-time whatever the repository wrote; a refused pattern falls back to the default.
    const pattern = compileTicketPattern(ticketPattern);
    const text = keptText(parsed);
    if (pattern.test(text)) return [];
    return [
      finding(
        'ticket-reference',
        `Reference the change ticket (for example "ABC-123: " or "(#123)"): the policy requires one in every commit.${
          ctx.ticketPatternWithheld ? " (Restricted Mode: the default ticket pattern applies, not the repository's, until you trust this workspace.)" : ''
        }`,
        lineRange(subject.line, 0, subject.text.length),
        insertTicketFix(parsed, ctx.branchTicket),
      ),
    ];
  },
};

function insertTicketFix(parsed: ParsedMessage, ticket: string | undefined): Fix[] {
  const subject = parsed.subject;
  if (!subject || !ticket) return [];
  if (ticket.includes('#')) {
    const end = subject.text.trimEnd().length;
    const at = { line: subject.line, character: end };
    return [{ title: `Append ${ticket} to the subject`, edits: [{ range: { start: at, end: at }, newText: ` (${ticket})` }] }];
  }
  const at = { line: subject.line, character: 0 };
  return [{ title: `Prefix the subject with ${ticket}`, edits: [{ range: { start: at, end: at }, newText: `${ticket}: ` }] }];
}
