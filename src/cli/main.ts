/** `change-control` command-line entry: a thin shell over src/core. */
import { describeError, isChangeControlError } from '../core/errors';
import { redact } from '../core/redact';
import { commands } from './commands/index';
import { EXIT, VERSION, type CliIo } from './io';

export async function main(io: CliIo): Promise<number> {
  const [name, ...rest] = io.argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`change-control: unknown command "${name}"\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`usage: ${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    // A remote URL or a git message may carry a credential: never print one.
    io.stderr(`change-control ${name}: ${redact(describeError(err))}\n`);
    return isChangeControlError(err, 'usage', 'ticket.invalidId', 'policy.invalid') ? EXIT.usage : EXIT.failed;
  }
}

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
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
      process.stderr.write(`change-control: ${describeError(err)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
/* c8 ignore stop */
