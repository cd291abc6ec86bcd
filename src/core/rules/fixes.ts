/**
 * What each rule of the table asks the user to do, and why: the fix a
 * blocker row of the Change view runs when clicked, and the policy item it
 * quotes in its tooltip. Kept beside the rules, keyed by rule id, so a new
 * rule needs one line here (the rule-table test checks that every rule has
 * one) and the rule files stay about checking.
 *
 * The quotes are short excerpts of the organisation's Configuration
 * Management Policy (section 9 of the Wally text, whose items match the
 * rules); the section and item are named so the reader can find the rest.
 */

/** The fixes the editor offers; the extension maps each to a command. */
export type FixAction =
  | 'startChange'
  | 'updateBranch'
  | 'push'
  | 'linkTicket'
  | 'openTicket'
  | 'commit'
  | 'amendMessage'
  | 'createTestFile'
  | 'openPullRequest'
  | 'requestReview'
  | 'openPullRequestPage'
  | 'openChecks';

/** A policy item, quoted briefly. */
export interface PolicyQuote {
  /** "§9.6 Software Development Procedures, item 1". */
  where: string;
  /** A sentence (or part of one) of the item, verbatim. */
  text: string;
}

export interface RuleFix {
  /** What clicking the blocker does. */
  action: FixAction;
  /** The button / tooltip words for the action ("Push", "Link Ticket"). */
  title: string;
  /** Why the policy asks for it. */
  policy: PolicyQuote;
}

const DEV = '§9.6 Software Development Procedures';
const CM = '§9.2 Configuration Management Policies';
const CHANGE = '§9.4 Changing Existing Systems';

const FEATURE_BRANCH: PolicyQuote = { where: `${DEV}, item 1`, text: 'All development uses feature branches based on the main branch used for the current release.' };
const APPROVED: PolicyQuote = { where: `${CM}, item 3`, text: 'All changes to production systems, network devices, and firewalls are approved by the Wally CTO before they are implemented.' };
const CHANGE_ID: PolicyQuote = { where: `${CM}, item 11`, text: 'All formal change requests require unique ID and authentication.' };
const PULL_REQUEST: PolicyQuote = { where: `${DEV}, item 2`, text: 'Once the feature and corresponding tests are complete, a pull request will be created.' };
const REVIEWED: PolicyQuote = { where: `${CM}, item 9`, text: 'All committed code is reviewed using pull requests to assure software code quality and proactively detect potential security issues in development.' };

/** Every rule id of the table → its fix. */
export const RULE_FIXES: Readonly<Record<string, RuleFix>> = {
  'feature-branch': { action: 'startChange', title: 'Start Change', policy: FEATURE_BRANCH },
  'up-to-date': { action: 'updateBranch', title: 'Update Branch from Base', policy: FEATURE_BRANCH },
  pushed: { action: 'push', title: 'Push', policy: PULL_REQUEST },
  'ticket-linked': { action: 'linkTicket', title: 'Link Ticket', policy: CHANGE_ID },
  'ticket-approved': { action: 'openTicket', title: 'Open Ticket', policy: APPROVED },
  'ticket-open': { action: 'openTicket', title: 'Open Ticket', policy: { where: `${CHANGE}, item 3`, text: 'before rolling out the change to production, the engineer must file a ticket describing the change.' } },
  'commits-present': { action: 'commit', title: 'Commit', policy: { where: `${DEV}, item 1`, text: 'Any changes required for a new feature or defect fix are committed to that feature branch.' } },
  'commit-messages': { action: 'amendMessage', title: 'Amend Message', policy: { where: '§8.6 Software Development Procedures, item 2', text: 'Commit messages should be wrapped to 72 characters. Commit messages should be written in the present tense.' } },
  'tests-match': { action: 'createTestFile', title: 'Create Test File', policy: { where: `${DEV}, item 1`, text: 'These changes must be covered under a unit or integration test, where possible.' } },
  'pull-request-open': { action: 'openPullRequest', title: 'Open Pull Request', policy: REVIEWED },
  'required-approvals': { action: 'requestReview', title: 'Request Review', policy: { where: `${DEV}, item 4`, text: 'each reviewer needs to approve the pull request, at which point the original author(s) may merge their change.' } },
  'changes-requested': { action: 'openPullRequestPage', title: 'Open Pull Request on GitHub', policy: { where: `${DEV}, item 3`, text: 'it is the responsibility of the author(s) to address those issues or explain why they are not applicable.' } },
  'checks-pass': { action: 'openChecks', title: 'Open Checks', policy: { where: `${CM}, item 8`, text: 'All software and systems are tested using unit and integration tests, when possible.' } },
  'ticket-approver': { action: 'openTicket', title: 'Open Ticket', policy: APPROVED },
  'pull-request-describes-change': { action: 'openPullRequestPage', title: 'Edit Description on GitHub', policy: { where: `${DEV}, item 2`, text: 'The pull request should indicate which feature or defect is being addressed and should provide a high-level description of the changes made.' } },
  'review-conversations-resolved': { action: 'openPullRequestPage', title: 'Open Conversations on GitHub', policy: { where: `${DEV}, item 3`, text: 'it is the responsibility of the author(s) to address those issues or explain why they are not applicable.' } },
  'ticket-links-pull-request': { action: 'openTicket', title: 'Open Ticket', policy: { where: `${CHANGE}, item 3`, text: 'This ticket must link to the reviewed pull request.' } },
};

/** The fix of a rule, or undefined for an id the map does not know. */
export function fixFor(ruleId: string): RuleFix | undefined {
  return Object.prototype.hasOwnProperty.call(RULE_FIXES, ruleId) ? RULE_FIXES[ruleId] : undefined;
}

/** The quote as Markdown for a tooltip: "> text" and where it is from. */
export function policyQuoteMarkdown(quote: PolicyQuote): string {
  return `> “${quote.text}”\n>\n> — Configuration Management Policy, ${quote.where}`;
}
