/**
 * The walkthrough's first-use decisions, pure so they are unit-tested:
 * it opens once, on the first activation after install (a globalState
 * flag remembers it), never in an extension test run (the e2e suites
 * would lose the editor's focus to it) unless a test asks for it.
 */

/** globalState key: the walkthrough was opened once already. */
export const WALKTHROUGH_SHOWN_KEY = 'changeControl.walkthroughShown';
/** The walkthrough's id as `workbench.action.openWalkthrough` wants it, after the extension id. */
export const WALKTHROUGH_ID = 'changeControl.welcome';
/** Context key set once a commit that passes the policy is made (the commit step's completion event). */
export const PASSING_COMMIT_CONTEXT = 'changeControl.passingCommit';

export function shouldOpenWalkthrough(input: { shown: boolean; testRun: boolean; forced: boolean }): boolean {
  if (input.shown) return false;
  return !input.testRun || input.forced;
}
