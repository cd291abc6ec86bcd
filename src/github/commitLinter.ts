/** The commit linter of the pre-flight: the same rules as the editor and the hook. */
import { lintMessage } from '../core/commitMessage/lint';
import type { Policy } from '../core/policy/schema';
import type { CommitLinter } from '../core/pullRequest';

export function commitLinterFor(policy: Policy): CommitLinter {
  return (message) => lintMessage(message, { policy });
}
