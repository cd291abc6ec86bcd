/** Reads the repository policy file from the working tree. */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parsePolicy, type ParsedPolicy } from '../core/policy/parsePolicy';
import { POLICY_FILE, defaultPolicy } from '../core/policy/schema';

export interface LoadedPolicy extends ParsedPolicy {
  /** Absolute path of the policy file (whether or not it exists). */
  file: string;
  exists: boolean;
  /** The file text, for locating problems; '' when absent. */
  text: string;
}

export async function loadPolicyFile(repoRoot: string): Promise<LoadedPolicy> {
  const file = path.join(repoRoot, POLICY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file, exists: false, text: '', policy: defaultPolicy(), problems: [] };
    throw err;
  }
  return { file, exists: true, text, ...parsePolicy(text) };
}
