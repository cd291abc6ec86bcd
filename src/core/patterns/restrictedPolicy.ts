/**
 * The policy as an untrusted workspace (VS Code Restricted Mode) applies
 * it: nothing the repository configures is run there, so its regular
 * expression and globs are withheld and the defaults apply. The editor
 * says so once; trusting the workspace restores them. Pure.
 */
import { DEFAULT_TICKET_PATTERN, type Policy } from '../policy/schema';

export interface RestrictedPolicy {
  policy: Policy;
  /** The policy keys whose repository value was withheld, e.g. "commit.ticketPattern". */
  withheld: string[];
}

/** Replace every repository-supplied pattern and glob of `policy` by its default. */
export function withoutRepositoryPatterns(policy: Policy): RestrictedPolicy {
  const withheld: string[] = [];
  const commit = { ...policy.commit };
  if (commit.ticketPattern !== DEFAULT_TICKET_PATTERN) {
    commit.ticketPattern = DEFAULT_TICKET_PATTERN;
    withheld.push('commit.ticketPattern');
  }
  const tests = { ...policy.tests };
  for (const key of ['conventions', 'testGlobs', 'otherGlobs', 'exempt'] as const) {
    if (tests[key].length > 0) {
      tests[key] = [];
      withheld.push(`tests.${key}`);
    }
  }
  return { policy: { ...policy, commit, tests }, withheld };
}

/** The one sentence the editor logs and shows about what it withheld, or undefined. */
export function describeWithheld(withheld: readonly string[]): string | undefined {
  if (withheld.length === 0) return undefined;
  return `Restricted Mode: the repository's ${withheld.join(', ')} ${withheld.length === 1 ? 'is' : 'are'} not run; the defaults apply until you trust this workspace.`;
}
