/**
 * The name of the gate's own check, in a file of its own so that both the
 * change snapshot and the comparison with GitHub's rules
 * (githubEnforcement.ts) can name it without importing each other.
 */

/**
 * The context of the commit status that the gate itself posts (the GitHub
 * Action, a CI job running `verify`): its own earlier verdict, never one
 * of the checks it judges.
 */
export const GATE_STATUS_CONTEXT = 'Change Control';
