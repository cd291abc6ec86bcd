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
import { parseCommandArgs, usageError, type CommandSpec } from '../args';
import { EXIT, cliCommand, type CliIo } from '../io';

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

const spec = {
  name: 'start',
  summary: 'Start a change: a feature or defect branch from the up-to-date remote base, linked to its ticket',
  synopsis: '--ticket ID --description TEXT',
  options: {
    ticket: { type: 'string', value: 'ID', description: 'The approved change ticket (e.g. "#123" or ABC-123)' },
    description: { type: 'string', value: 'TEXT', freeText: true, description: 'What the change does; it names the branch' },
    defect: { type: 'boolean', description: 'A defect fix (a defect branch), not a feature' },
    'carry-changes': { type: 'boolean', description: 'Yes, carry the uncommitted changes onto the new branch' },
    'switch-existing': { type: 'boolean', description: 'Yes, switch to the branch of this ticket if it exists' },
    'local-base': { type: 'boolean', description: 'Yes, start from the local base when the fetch fails' },
    base: { type: 'string', value: 'BRANCH', description: "The base branch (default: the policy's)" },
    remote: { type: 'string', value: 'NAME', defaultText: 'origin', description: 'The remote to fetch the base from' },
  },
} as const satisfies CommandSpec;

export function parseStartArgs(args: readonly string[]): StartArgs {
  const { values } = parseCommandArgs(spec, args);
  if (!values.ticket) throw usageError(spec, '--ticket is required (e.g. --ticket "#123").');
  if (!values.description?.trim()) throw usageError(spec, '--description is required; it names the branch.');
  const yes = new Set((Object.keys(QUESTION_FLAGS) as StartQuestionId[]).filter((q) => values[QUESTION_FLAGS[q].slice(2) as keyof typeof values]));
  const input: StartChangeInput = { ticket: values.ticket, description: values.description, kind: values.defect ? 'defect' : 'feature' };
  if (values.base) input.base = values.base;
  if (values.remote) input.remote = values.remote;
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

export const startCommand = cliCommand(spec, (args, io) => runStart(parseStartArgs(args), io));

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
