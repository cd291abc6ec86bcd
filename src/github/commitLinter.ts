/** The commit linter of the pre-flight: the same rules as the editor and the hook. */
import { lintMessage } from '../core/commitMessage/lint';
import { STORED_MESSAGE } from '../core/commitMessage/cleanup';
import type { Policy } from '../core/policy/schema';
import type { CommitLinter } from '../core/pullRequest';

export function commitLinterFor(policy: Policy): CommitLinter {
  // The pre-flight lints commits git has stored: every line is content.
  return (message) => lintMessage(message, { policy, cleanup: STORED_MESSAGE });
}
