/**
 * `change-control check-tests [--base REF] [--format text|json]`: pairs the
 * branch's changed source files with their tests. One line per source,
 * `PATH: missing|stale|covered|exempt [tests…]`; exit 1 when a source has
 * no test and the policy requires tests (for CI), 2 on a usage or
 * environment error (an unknown --base, not a repository).
 */
import { escapeForTerminal } from '../../core/terminalText';
import type { TestCheckResult } from '../../core/testMatching/types';
import { checkChangeTests } from '../../app/checkTests';
import { GitRepository } from '../../git/gitRepository';
import { loadPolicyFor, requireWorkTree } from '../context';
import { parseCommandArgs, type CommandSpec } from '../args';
import { EXIT, cliCommand, type CliIo } from '../io';
import { TEXT_OR_JSON_OPTION } from '../sharedOptions';

export interface CheckTestsArgs {
  base?: string;
  format: 'text' | 'json';
}

const spec = {
  name: 'check-tests',
  summary: 'Check that the changed source files have matching tests (exit 1 when one is missing)',
  options: {
    base: { type: 'string', value: 'REF', defaultText: "the merge base with the policy's base branch", description: 'Compare with this revision' },
    format: TEXT_OR_JSON_OPTION,
  },
} as const satisfies CommandSpec;

export function parseCheckTestsArgs(args: readonly string[]): CheckTestsArgs {
  const { values } = parseCommandArgs(spec, args);
  return { format: values.format, ...(values.base !== undefined ? { base: values.base } : {}) };
}

/**
 * One line per source: `PATH: verdict [tests…]` (a missing one names its
 * suggested test). File names are the repository's: their control
 * characters (a newline too) are shown escaped, so no name fakes a line.
 */
export function formatTestCheck(result: TestCheckResult): string {
  const e = escapeForTerminal;
  const lines = result.sources.map((s) => {
    const tests = s.tests.length > 0 ? ` ${s.tests.map(e).join(' ')}` : s.suggestedTest ? ` (create ${e(s.suggestedTest)})` : '';
    const stub = s.unwrittenStub ? ` (stub not yet written: ${e(s.unwrittenStub)})` : '';
    return `${e(s.path)}: ${s.verdict}${stub || tests}`;
  });
  const { covered, stale, missing, exempt } = result.counts;
  lines.push(`${result.sources.length} source file(s) changed since ${e(result.base)}: ${covered} covered, ${stale} stale, ${missing} missing, ${exempt} exempt.`);
  return `${lines.join('\n')}\n`;
}

export const checkTestsCommand = cliCommand(spec, (args, io) => runCheckTests(parseCheckTestsArgs(args), io));

async function runCheckTests(args: CheckTestsArgs, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'check-tests');
  const loaded = await loadPolicyFor(io, root, 'check-tests');
  const { result, mergeBase, failed } = await checkChangeTests(new GitRepository(root), loaded.policy, args.base ? { baseRef: args.base } : {});
  io.stdout(args.format === 'json' ? `${JSON.stringify({ ...result, mergeBase }, null, 2)}\n` : formatTestCheck(result));
  return failed ? EXIT.failed : EXIT.ok;
}
