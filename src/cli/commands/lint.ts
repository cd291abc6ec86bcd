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
import type { CliCommand, CliIo } from '../io';
import { exitCode, formatJson, formatPolicyProblems, formatText, type Reported } from '../lintReport';

export interface LintArgs {
  file?: string;
  range?: string;
  format: 'text' | 'json';
  policyFile?: string;
  hook: boolean;
  /** git's --cleanup for the message being linted (FILE or stdin). */
  cleanup?: string;
}

const USAGE = 'change-control lint (FILE | - | --range A..B) [--format text|json] [--policy FILE] [--cleanup default|strip|whitespace|verbatim|scissors]';

/** Parse `lint` arguments; throws a 'usage' error with the reason. */
export function parseLintArgs(args: readonly string[]): LintArgs {
  const out: LintArgs = { format: 'text', hook: false };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw usage(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw usage(`--format must be "text" or "json", not "${f}".`);
      out.format = f;
    } else if (flag === '--range') out.range = value();
    else if (flag === '--policy') out.policyFile = value();
    else if (flag === '--cleanup') {
      const c = value();
      if (!(CLEANUP_SETTINGS as readonly string[]).includes(c)) throw usage(`--cleanup must be one of ${CLEANUP_SETTINGS.join(', ')}, not "${c}".`);
      out.cleanup = c;
    } else if (flag === '--hook') out.hook = true;
    else if (flag.startsWith('-') && flag !== '-') throw usage(`unknown option "${flag}".`);
    else positional.push(arg);
  }
  if (positional.length > 1) throw usage(`one file at a time (got ${positional.length}).`);
  if (out.range !== undefined && positional.length > 0) throw usage('give a FILE or --range, not both.');
  if (out.range === undefined && positional.length === 0) throw usage('give a FILE, "-" for standard input, or --range A..B.');
  if (out.range !== undefined && out.cleanup !== undefined) throw usage('--cleanup is for a FILE or "-": the commits of a range are stored already.');
  if (positional[0] !== undefined) out.file = positional[0];
  return out;
}

export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'Check commit messages against the repository policy',
  usage: USAGE,
  run: (args, io) => runLint(parseLintArgs(args), io),
};

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
  else io.stdout(`${lines.join('')}${commits.length} commit${commits.length === 1 ? '' : 's'} checked, ${failing} with errors.\n`);
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

function usage(reason: string): ChangeControlError {
  return new ChangeControlError('usage', `${reason}\nusage: ${USAGE}`);
}
