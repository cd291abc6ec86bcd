/** Every CLI subcommand. Add one import and one entry per command file. */
import type { CliCommand } from '../io';
import { checkTestsCommand } from './checkTests';
import { installHookCommand } from './installHook';
import { prCommand } from './pr';

export const commands: CliCommand[] = [
  installHookCommand,
  checkTestsCommand,
  prCommand,
];
