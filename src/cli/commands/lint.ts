/**
 * `change-control lint FILE | - | --range A..B`: the same commit-message
 * rules as the editor, for the commit-msg hook and CI. Exit 0 clean, 1 when
 * a message has errors, 2 on bad usage, an unreadable file or an invalid
 * policy file.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { lintMessage } from '../../core/commitMessage/lint';
import type { Finding, LintContext } from '../../core/commitMessage/types';
import { ChangeControlError } from '../../core/errors';
import { parsePolicy, type PolicyProblem } from '../../core/policy/parsePolicy';
import { defaultPolicy, type Policy } from '../../core/policy/schema';
import { DEFAULT_COMMENT_CHAR, commitsInRange, readCommentCharSetting, resolveCommentChar, workTreeRoot } from '../../git/commits';
import { loadPolicyFile } from '../../git/policyFile';
import { EXIT, type CliCommand, type CliIo } from '../io';

export interface LintArgs {
  file?: string;
  range?: string;
  format: 'text' | 'json';
  policyFile?: string;
  hook: boolean;
}

const USAGE = 'change-control lint (FILE | - | --range A..B) [--format text|json] [--policy FILE]';

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
    else if (flag === '--hook') out.hook = true;
    else if (flag.startsWith('-') && flag !== '-') throw usage(`unknown option "${flag}".`);
    else positional.push(arg);
  }
  if (positional.length > 1) throw usage(`one file at a time (got ${positional.length}).`);
  if (out.range !== undefined && positional.length > 0) throw usage('give a FILE or --range, not both.');
  if (out.range === undefined && positional.length === 0) throw usage('give a FILE, "-" for standard input, or --range A..B.');
  if (positional[0] !== undefined) out.file = positional[0];
  return out;
}

export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'Check commit messages against the repository policy',
  usage: USAGE,
  run: (args, io) => runLint(parseLintArgs(args), io),
};

interface Reported {
  /** The commit (range mode) or file the finding is in. */
  where: string;
  commit?: string;
  finding: Finding;
}

async function runLint(args: LintArgs, io: CliIo): Promise<number> {
  const root = await workTreeRoot(io.cwd);
  const policy = await loadPolicy(args, io, root);
  if (!policy) return EXIT.usage;
  const commentSetting = root ? await readCommentCharSetting(root) : DEFAULT_COMMENT_CHAR;
  // No branchTicket: it only shapes quick fixes, which the CLI never prints.
  const ctxFor = (text: string): LintContext => ({ policy, commentChar: resolveCommentChar(commentSetting, text) });

  if (args.range !== undefined) {
    if (!root) throw new ChangeControlError('usage', `--range needs a git work tree; ${io.cwd} is not in one.`);
    return lintRange(args, io, root, (text) => lintMessage(text, ctxFor(text)));
  }
  const file = args.file!;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (err) {
    io.stderr(`change-control lint: cannot read ${file}: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  const where = file === '-' ? '<stdin>' : file;
  const reported = lintMessage(text, ctxFor(text)).map((finding) => ({ where, finding }));
  io.stdout(args.format === 'json' ? formatJson(reported) : formatText(reported));
  return exitCode(reported);
}

async function lintRange(args: LintArgs, io: CliIo, root: string, lintText: (text: string) => Finding[]): Promise<number> {
  const commits = await commitsInRange(root, args.range!);
  const reported: Reported[] = [];
  const lines: string[] = [];
  let failing = 0;
  for (const commit of commits) {
    const short = commit.sha.slice(0, 12);
    const found = lintText(commit.message).map((finding) => ({ where: short, commit: commit.sha, finding }));
    reported.push(...found);
    if (found.some((r) => r.finding.severity === 'error')) failing++;
    lines.push(`commit ${short} ${commit.subject}${commit.parents > 1 ? ' (merge)' : ''}\n${formatText(found)}`);
  }
  if (args.format === 'json') io.stdout(formatJson(reported));
  else io.stdout(`${lines.join('')}${commits.length} commit${commits.length === 1 ? '' : 's'} checked, ${failing} with errors.\n`);
  return exitCode(reported);
}

/** The policy for this run, or undefined (after printing located problems) when the file is invalid. */
async function loadPolicy(args: LintArgs, io: CliIo, root: string | undefined): Promise<Policy | undefined> {
  let file: string;
  let parsed: { policy: Policy; problems: PolicyProblem[] };
  if (args.policyFile !== undefined) {
    file = path.resolve(io.cwd, args.policyFile);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      io.stderr(`change-control lint: cannot read the policy file ${args.policyFile}: ${(err as Error).message}\n`);
      return undefined;
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
  io.stderr(`change-control lint: fix the policy file ${shown}; no message was checked.\n`);
  return undefined;
}

/** `path:line:col: error policy: message`, one line per problem. */
export function formatPolicyProblems(file: string, problems: readonly PolicyProblem[]): string {
  return problems.map((p) => `${file}:${p.line}:${p.column}: error policy: ${p.message}\n`).join('');
}

function formatText(reported: readonly Reported[]): string {
  return reported
    .map(({ where, finding: f }) => `${where}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.ruleId}: ${f.message}\n`)
    .join('');
}

function formatJson(reported: readonly Reported[]): string {
  const rows = reported.map(({ commit, finding: f }) => ({
    ...(commit ? { commit } : {}),
    rule: f.ruleId,
    severity: f.severity,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    message: f.message,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function exitCode(reported: readonly Reported[]): number {
  return reported.some((r) => r.finding.severity === 'error') ? EXIT.failed : EXIT.ok;
}

function usage(reason: string): ChangeControlError {
  return new ChangeControlError('usage', `${reason}\nusage: ${USAGE}`);
}
