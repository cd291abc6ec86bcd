/**
 * `change-control lint FILE | - | --range A..B`: the same commit-message
 * rules as the editor, for the commit-msg hook and CI. Exit 0 clean, 1 when
 * a message has errors, 2 on bad usage, an unreadable file or an invalid
 * policy file.
 *
 * Each message is read as git will store it (core cleanup.ts): a commit
 * of a range is stored already, every line is content; in the hook
 * (`--hook`) git says whether an editor ran (GIT_EDITOR=: when none did:
 * `-m`, `-F`), and commit.cleanup / commit.verbose do the rest; a FILE or
 * standard input is read as an edited message unless `--cleanup` says
 * otherwise, like git's own flag.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CLEANUP_SETTINGS, STORED_MESSAGE, gitCleanup } from '../../core/commitMessage/cleanup';
import { unsquashedFixup } from '../../core/commitMessage/gitMessages';
import { lintMessage } from '../../core/commitMessage/lint';
import { parseMessage } from '../../core/commitMessage/parse';
import type { LintContext } from '../../core/commitMessage/types';
import { ChangeControlError } from '../../core/errors';
import { escapeForTerminal } from '../../core/terminalText';
import { parsePolicy, type PolicyProblem } from '../../core/policy/parsePolicy';
import { defaultPolicy, type Policy } from '../../core/policy/schema';
import { DEFAULT_COMMENT_CHAR, commitsInRange, readCleanupSettings, readCommentCharSetting, resolveCommentChar, workTreeRoot } from '../../git/commits';
import { loadPolicyFile } from '../../git/policyFile';
import { parseCommandArgs, usageError, type CommandSpec } from '../args';
import { cliCommand, type CliIo } from '../io';
import { TEXT_OR_JSON_OPTION } from '../sharedOptions';
import { exitCode, formatJson, formatPolicyProblems, formatText, type Reported } from '../lintReport';
import { plural } from '../../core/rules/text';

export interface LintArgs {
  file?: string;
  range?: string;
  format: 'text' | 'json';
  policyFile?: string;
  hook: boolean;
  /** git's --cleanup for the message being linted (FILE or stdin). */
  cleanup?: string;
}

const spec = {
  name: 'lint',
  summary: 'Check commit messages against the repository policy',
  synopsis: '(FILE | - | --range A..B)',
  positionals: { name: 'FILE', description: 'The commit message file to check; "-" reads standard input', max: 1, tooMany: 'one file at a time' },
  options: {
    range: { type: 'string', value: 'A..B', description: 'Check every commit of a range, as stored (for CI)' },
    format: TEXT_OR_JSON_OPTION,
    policy: { type: 'string', value: 'FILE', description: 'Use this policy file instead of the repository\'s' },
    cleanup: {
      type: 'string',
      choices: CLEANUP_SETTINGS,
      description: 'How git cleans up the message (its --cleanup); for a FILE or "-" only',
    },
    hook: { type: 'boolean', description: 'Run as the commit-msg hook: read the message as git will store it' },
  },
} as const satisfies CommandSpec;

/** Parse `lint` arguments; throws a 'usage' error with the reason. */
export function parseLintArgs(args: readonly string[]): LintArgs {
  const { values, positionals } = parseCommandArgs(spec, args);
  const file = positionals[0];
  if (values.range !== undefined && file !== undefined) throw usageError(spec, 'give a FILE or --range, not both.');
  if (values.range === undefined && file === undefined) throw usageError(spec, 'give a FILE, "-" for standard input, or --range A..B.');
  if (values.range !== undefined && values.cleanup !== undefined) throw usageError(spec, '--cleanup is for a FILE or "-": the commits of a range are stored already.');
  return {
    format: values.format,
    hook: values.hook,
    ...(values.range !== undefined ? { range: values.range } : {}),
    ...(values.policy !== undefined ? { policyFile: values.policy } : {}),
    ...(values.cleanup !== undefined ? { cleanup: values.cleanup } : {}),
    ...(file !== undefined ? { file } : {}),
  };
}

export const lintCommand = cliCommand(spec, (args, io) => runLint(parseLintArgs(args), io));

async function runLint(args: LintArgs, io: CliIo): Promise<number> {
  const root = await workTreeRoot(io.cwd);
  const policy = await loadPolicy(args, io, root);
  const commentSetting = root ? await readCommentCharSetting(root) : DEFAULT_COMMENT_CHAR;
  // No branchTicket: it only shapes quick fixes, which the CLI never prints.
  if (args.range !== undefined) {
    if (!root) throw new ChangeControlError('usage', `--range needs a git work tree; ${io.cwd} is not in one.`);
    return lintRange(args, io, root, policy);
  }
  const file = args.file!;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (err) {
    throw new ChangeControlError('usage', `cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  const settings = root ? await readCleanupSettings(root) : { verbose: false };
  // In the hook git sets GIT_EDITOR=: when no editor runs (-m, -F): then '#' lines are kept.
  const editor = args.hook ? io.env.GIT_EDITOR !== ':' : true;
  const setting = args.cleanup ?? settings.setting;
  const cleanup = gitCleanup({ editor, verbose: settings.verbose, ...(setting ? { setting } : {}) }, text);
  const ctx: LintContext = { policy, commentChar: resolveCommentChar(commentSetting, text), cleanup };
  const where = file === '-' ? '<stdin>' : file;
  const reported = lintMessage(text, ctx).map((finding) => ({ where, finding }));
  io.stdout(args.format === 'json' ? formatJson(reported) : formatText(reported));
  return exitCode(reported);
}

/** Every commit of the range, as stored; a fixup!/squash!/amend! commit left in it is a finding too. */
async function lintRange(args: LintArgs, io: CliIo, root: string, policy: Policy): Promise<number> {
  const commits = await commitsInRange(root, args.range!);
  const reported: Reported[] = [];
  const lines: string[] = [];
  let failing = 0;
  for (const commit of commits) {
    const short = commit.sha.slice(0, 12);
    const merge = commit.parents > 1;
    const findings = lintMessage(commit.message, { policy, cleanup: STORED_MESSAGE, merge });
    const pending = unsquashedFixup(parseMessage(commit.message, DEFAULT_COMMENT_CHAR, STORED_MESSAGE));
    const found = [...(pending ? [pending] : []), ...findings].map((finding) => ({ where: short, commit: commit.sha, finding }));
    reported.push(...found);
    if (found.some((r) => r.finding.severity === 'error')) failing++;
    lines.push(`commit ${short} ${escapeForTerminal(commit.subject)}${merge ? ' (merge)' : ''}\n${formatText(found)}`);
  }
  if (args.format === 'json') io.stdout(formatJson(reported));
  else io.stdout(`${lines.join('')}${plural(commits.length, 'commit', 'commits')} checked, ${failing} with errors.\n`);
  return exitCode(reported);
}

/** The policy for this run; an invalid file is a policy.invalid error after its located problems are printed. */
async function loadPolicy(args: LintArgs, io: CliIo, root: string | undefined): Promise<Policy> {
  let file: string;
  let parsed: { policy: Policy; problems: PolicyProblem[] };
  if (args.policyFile !== undefined) {
    file = path.resolve(io.cwd, args.policyFile);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new ChangeControlError('usage', `cannot read the policy file ${args.policyFile}: ${(err as Error).message}`, { cause: err });
    }
    parsed = parsePolicy(text);
  } else if (root) {
    const loaded = await loadPolicyFile(root);
    file = loaded.file;
    parsed = loaded;
  } else {
    return defaultPolicy();
  }
  if (parsed.problems.length === 0) return parsed.policy;
  const shown = path.relative(io.cwd, file) || file;
  io.stderr(formatPolicyProblems(shown, parsed.problems));
  throw new ChangeControlError('policy.invalid', `fix the policy file ${shown}; no message was checked.`, {
    detail: { file: shown, problems: parsed.problems.length },
  });
}
