/**
 * `change-control start --ticket ID --description TEXT [flags]`: Start
 * Change without prompts. Every question the editor would ask is a flag;
 * when one is needed and missing, nothing is changed and the command exits
 * 2 naming the flag.
 */
import { ChangeControlError } from '../../core/errors';
import type { StartChangeInput, StartQuestionId } from '../../core/startChange';
import { startChange, type StartAsker } from '../../app/startChangeRunner';
import { loadPolicyFor, requireWorkTree } from '../context';
import { GitRepository } from '../../git/gitRepository';
import { EXIT, type CliCommand, type CliIo } from '../io';

const USAGE =
  'change-control start --ticket ID --description TEXT [--defect] [--carry-changes] [--switch-existing] [--local-base] [--base BRANCH] [--remote NAME]';

/** The flag that answers each question "yes". */
export const QUESTION_FLAGS: Record<StartQuestionId, string> = {
  carryChanges: '--carry-changes',
  switchExisting: '--switch-existing',
  localBase: '--local-base',
};

export interface StartArgs {
  input: StartChangeInput;
  yes: Set<StartQuestionId>;
}

const VALUE_FLAGS = ['--ticket', '--description', '--base', '--remote'] as const;

export function parseStartArgs(args: readonly string[]): StartArgs {
  const values: Partial<Record<(typeof VALUE_FLAGS)[number], string>> = {};
  const yes = new Set<StartQuestionId>();
  let defect = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const question = (Object.keys(QUESTION_FLAGS) as StartQuestionId[]).find((q) => QUESTION_FLAGS[q] === flag);
    if ((VALUE_FLAGS as readonly string[]).includes(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw usage(`${flag} needs a value.`);
      values[flag as (typeof VALUE_FLAGS)[number]] = value;
    } else if (flag === '--defect' && eq < 0) defect = true;
    else if (question && eq < 0) yes.add(question);
    else throw usage(`unknown argument "${arg}".`);
  }
  if (!values['--ticket']) throw usage('--ticket is required (e.g. --ticket "#123").');
  if (!values['--description']?.trim()) throw usage('--description is required; it names the branch.');
  const input: StartChangeInput = { ticket: values['--ticket'], description: values['--description'], kind: defect ? 'defect' : 'feature' };
  if (values['--base']) input.base = values['--base'];
  if (values['--remote']) input.remote = values['--remote'];
  return { input, yes };
}

/** Answers from the flags; a missing flag stops before anything changes. */
export function flagAsker(yes: ReadonlySet<StartQuestionId>): StartAsker {
  return async (question) => {
    if (yes.has(question.id)) return true;
    const detail = question.detail ? ` ${question.detail}` : '';
    throw new ChangeControlError('usage', `${question.message}${detail} Nothing was changed. To go ahead, run again with ${QUESTION_FLAGS[question.id]}.`);
  };
}

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Start a change: a feature or defect branch from the up-to-date remote base, linked to its ticket',
  usage: USAGE,
  run: (args, io) => runStart(parseStartArgs(args), io),
};

async function runStart(args: StartArgs, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'start');
  const loaded = await loadPolicyFor(io, root, 'start');
  const result = await startChange(new GitRepository(root), flagAsker(args.yes), args.input, loaded.policy);
  for (const note of result.notes) io.stderr(`note: ${note}\n`);
  io.stdout(
    result.created
      ? `Created ${result.branch} from ${result.startPoint} for ${result.ticket} and switched to it.\n`
      : `Switched to the existing ${result.branch} for ${result.ticket}.\n`,
  );
  return EXIT.ok;
}

function usage(reason: string): ChangeControlError {
  return new ChangeControlError('usage', `${reason}\nusage: ${USAGE}`);
}
