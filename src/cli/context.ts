/** What every repository-bound CLI command needs first: the work tree and the token. */
import { ChangeControlError } from '../core/errors';
import { workTreeRoot } from '../git/commits';
import type { CliIo } from './io';

/** The repository root containing the current directory, or a usage error naming the command. */
export async function requireWorkTree(io: CliIo, command: string, nextStep = `run ${command} in your repository.`): Promise<string> {
  const root = await workTreeRoot(io.cwd);
  if (!root) throw new ChangeControlError('usage', `${io.cwd} is not inside a git work tree; ${nextStep}`);
  return root;
}

/** The GitHub token the CLI uses: GITHUB_TOKEN, else GH_TOKEN (never a flag: flags end up in shell history). */
export function tokenFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_TOKEN || env.GH_TOKEN || undefined;
}
