/** What a CLI command may touch, and what one is: a spec and a run function. */
import { usageLine, type CommandSpec } from './args';

/** What a CLI command may touch: arguments, streams, environment, cwd. */
export interface CliIo {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Text of standard input, read on demand (for `lint -`). */
  readStdin: () => Promise<string>;
}

export interface CliCommand {
  name: string;
  /** One line for `change-control --help`. */
  summary: string;
  /** The usage line, generated from `spec`. */
  usage: string;
  /** The command's options, declared once: parsing, `--help` and usage errors come from it. */
  spec: CommandSpec;
  /** Exit code: 0 ok, 1 policy failure, 2 bad usage or bad input. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** The command of `spec`: its name, summary and usage line come from the spec. */
export function cliCommand(spec: CommandSpec, run: CliCommand['run']): CliCommand {
  return { name: spec.name, summary: spec.summary, usage: usageLine(spec), spec, run };
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

declare const __VERSION__: string | undefined;
/** The version the build stamps into the bundle ('0.0.0-dev' when run from source). */
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
