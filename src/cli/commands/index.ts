/** Every CLI subcommand. Add one import and one entry per command file. */
import type { CliCommand } from '../io';
import { checkTestsCommand } from './checkTests';
import { doctorCommand } from './doctor';
import { evidenceCommand } from './evidence';
import { installHookCommand } from './installHook';
import { linkTicketCommand } from './linkTicket';
import { lintCommand } from './lint';
import { mergeCommand } from './merge';
import { policyCommand } from './policy';
import { releaseCommand } from './release';
import { prCommand } from './pr';
import { startCommand } from './start';
import { statusCommand } from './status';
import { verifyCommand } from './verify';

export const commands: CliCommand[] = [
  startCommand,
  linkTicketCommand,
  lintCommand,
  installHookCommand,
  checkTestsCommand,
  prCommand,
  statusCommand,
  evidenceCommand,
  verifyCommand,
  mergeCommand,
  policyCommand,
  doctorCommand,
  releaseCommand,
];
