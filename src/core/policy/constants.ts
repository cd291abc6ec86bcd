/**
 * Policy constants that code outside the policy parser needs, in a module
 * of their own: importing them from schema.ts would load zod (the largest
 * library in the bundles) wherever a message is linted, the commit-msg
 * hook's bundle included. schema.ts re-exports them.
 */
import { ISSUE_REFERENCE_SOURCE } from '../issueReference';

/** Default ticket ID: a GitHub issue (`#123`, `owner/repo#123`) or a Jira-style key (`ABC-123`). */
export const DEFAULT_TICKET_PATTERN = `${ISSUE_REFERENCE_SOURCE}|[A-Z][A-Z0-9]+-[0-9]+`;

/** Where the team's policy file lives, relative to the repository root. */
export const POLICY_FILE = '.github/change-control.json';
