/**
 * `change-control doctor [--format text|json] [--remote NAME] [--timeout S]`:
 * where GitHub's own rules on the policy's base branch (rulesets, and
 * classic branch protection where the token may read it) enforce less than
 * the policy, each with the GitHub setting to change. Exit 0 when nothing
 * is weaker, 1 when something is, 2 when GitHub could not be asked (no
 * token, not on GitHub, neither source readable). It reads only; the merge
 * gate (`status`, `verify`) is unaffected by what it finds.
 */
import { ChangeControlError } from '../../core/errors';
import type { EnforcementReport } from '../../core/githubEnforcement';
import { ENFORCEMENT_HEADING } from '../../core/changeTreeEnforcement';
import { escapeForTerminal } from '../../core/terminalText';
import { diagnoseEnforcement } from '../../app/doctor';
import { loadChangePolicyFor, requireWorkTree, withToken } from '../context';
import { commandDeadline, connectCli, withinCommandBound } from '../github';
import { parseCommandArgs, type CommandSpec } from '../args';
import { EXIT, cliCommand, type CliIo } from '../io';
import { REMOTE_OPTION, TEXT_OR_JSON_OPTION, TIMEOUT_OPTION, timeoutArg } from '../sharedOptions';

export interface DoctorArgs {
  format: 'text' | 'json';
  remote: string;
  /** --timeout, in seconds. */
  timeoutSeconds?: number;
}

const spec = {
  name: 'doctor',
  summary: "Compare GitHub's branch rules on the base branch with the policy (exit 1 when GitHub enforces less)",
  options: { format: TEXT_OR_JSON_OPTION, remote: REMOTE_OPTION, timeout: TIMEOUT_OPTION },
} as const satisfies CommandSpec;

export function parseDoctorArgs(args: readonly string[]): DoctorArgs {
  const { values } = parseCommandArgs(spec, args);
  return { format: values.format, remote: values.remote, ...timeoutArg(values.timeout) };
}

export const doctorCommand = cliCommand(spec, (args, io) => runDoctor(parseDoctorArgs(args), io));

async function runDoctor(args: DoctorArgs, io: CliIo): Promise<number> {
  const root = await requireWorkTree(io, 'doctor');
  return withToken(io, 'The rulesets need a token that can read the repository; branch protection also needs administration read.', async (token, secrets) => {
    const governing = await loadChangePolicyFor(io, root, 'doctor', args.remote);
    const deadline = commandDeadline(io.env, 1, args.timeoutSeconds);
    const github = await connectCli(io, { root, remote: args.remote, token, secrets, deadline, tuning: { requestTimeoutMs: 15_000 } });
    const report = await withinCommandBound(() => [], () => diagnoseEnforcement({ octokit: github.octokit, repo: github.repo, policy: governing.policy, webUrl: github.webUrl }));
    if (!report.compared) {
      throw new ChangeControlError('github.forbidden', `GitHub's rules on ${report.branch} could not be read: ${report.notes.join('; ')}.`, { hint: 'Use a token that can read the repository.' });
    }
    io.stdout(secrets.redact(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderDoctorText(report)));
    return report.warnings.length > 0 ? EXIT.failed : EXIT.ok;
  });
}

/** The report as text: the heading, each warning with its setting, the notes, the settings page. */
export function renderDoctorText(report: EnforcementReport): string {
  const e = escapeForTerminal;
  const lines = report.warnings.length === 0
    ? [`GitHub enforces the policy on ${e(report.branch)}: nothing is weaker.`]
    : [`${ENFORCEMENT_HEADING} on ${e(report.branch)}:`, ...report.warnings.flatMap((w) => [`  ! ${e(w.message)}`, `    change: ${e(w.setting)}`])];
  for (const note of report.notes) lines.push(`note: ${e(note)}`);
  if (report.warnings.length > 0 && report.settingsUrl) lines.push(`Settings: ${e(report.settingsUrl)}`);
  lines.push('These are warnings: the merge gate (status, verify) decides as before.');
  return `${lines.join('\n')}\n`;
}
