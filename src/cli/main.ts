/**
 * `change-control` command-line entry: a thin shell over src/core, and the
 * CLI's one error boundary. Exit codes: 0 ok, 1 a policy finding (a
 * message breaks a rule, a test is missing, the change is blocked), 2
 * every usage or environment error (bad flag, bad revision, not a
 * repository, unreadable file, invalid policy, GitHub unreachable). With
 * `--format json`, an error is also a JSON object on stdout, so a script
 * that parses stdout never reads nothing. Human-readable output shows
 * control characters as escapes: a commit subject or file name cannot
 * drive the terminal.
 */
import { ChangeControlError, describeError, hintFor, isChangeControlError, type ErrorCode } from '../core/errors';
import { redact } from '../core/redact';
import { escapeDocumentForTerminal, escapeJsonForTerminal } from '../core/terminalText';
import { commandHelp, wantsHelp } from './args';
import { commands } from './commands/index';
import { EXIT, VERSION, type CliIo } from './io';

/** Errors that are the policy refusing something (exit 1), not a usage or environment problem. */
const POLICY_REFUSALS: readonly ErrorCode[] = ['ticket.notApproved', 'ticket.closed', 'merge.blocked'];

export async function main(io: CliIo): Promise<number> {
  const [name, ...rest] = io.argv;
  const json = wantsJson(rest);
  const guarded = guardIo(io, json);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    guarded.stdout(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    guarded.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (command && wantsHelp(rest)) {
    guarded.stdout(commandHelp(command.spec));
    return EXIT.ok;
  }
  try {
    if (!command) throw new ChangeControlError('usage', `unknown command "${name}"\n\n${helpText()}`);
    return await command.run(rest, guarded);
  } catch (err) {
    // A remote URL or a git message may carry a credential: never print one.
    guarded.stderr(`change-control${command ? ` ${name}` : ''}: ${redact(describeError(err, 'cli'))}\n`);
    if (json) guarded.stdout(`${JSON.stringify({ error: errorObject(err) }, null, 2)}\n`);
    return isChangeControlError(err, ...POLICY_REFUSALS) ? EXIT.failed : EXIT.usage;
  }
}

/** True when the arguments ask for JSON output (`--format json` or `--format=json`). */
export function wantsJson(args: readonly string[]): boolean {
  return args.some((a, i) => a === '--format=json' || (a === '--format' && args[i + 1] === 'json'));
}

/** The `error` member of the JSON error object: code, message and hint (null when there is none). */
function errorObject(err: unknown): { code: ErrorCode; message: string; hint: string | null } {
  if (err instanceof ChangeControlError) return { code: err.code, message: redact(err.message), hint: hintFor(err, 'cli') === undefined ? null : redact(hintFor(err, 'cli') as string) };
  return { code: 'internal', message: redact(describeError(err)), hint: null };
}

/** `io` whose output cannot carry terminal control sequences (JSON on stdout stays exact data). */
function guardIo(io: CliIo, json: boolean): CliIo {
  return {
    ...io,
    stdout: (t) => io.stdout(json ? escapeJsonForTerminal(t) : escapeDocumentForTerminal(t)),
    stderr: (t) => io.stderr(escapeDocumentForTerminal(t)),
  };
}

/** The command list, from each command's spec. */
function helpText(): string {
  const width = Math.max(...commands.map((c) => c.spec.name.length), 4);
  const lines = commands.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.summary}`);
  return `usage: change-control <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "change-control <command> --help" for a command's options.\n`;
}

/* c8 ignore start -- process wiring, exercised by the integration tests through out/cli.js */
if (require.main === module) {
  const io: CliIo = {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
  main(io).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`change-control: ${escapeDocumentForTerminal(redact(describeError(err)))}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
/* c8 ignore stop */
