/** Every CLI subcommand. Add one import and one entry per command file. */
import type { CliCommand } from '../io';

export const commands: CliCommand[] = [];
