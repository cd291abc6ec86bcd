/**
 * The commit-msg hook's own entry (out/hook-lint.js, run by out/hook.js):
 * `change-control lint --hook FILE` without the rest of the CLI. Same
 * findings, output, policy handling and exit codes (0 clean, 1 errors, 2
 * unreadable file, invalid policy or git failure), but it loads only the
 * linter: git is read with two plain git processes (src/git/hookSettings.ts)
 * instead of simple-git, the policy parser (zod) only when the policy
 * text is not in the memo (policyMemo.ts, policyParts.ts), and RE2 only
 * when a repository pattern is used (the bundles: scripts/lib/bundles.mjs).
 * Prefer `lint --hook` everywhere else; this file exists for start-up
 * time, measured in test/bench/hook.bench.ts.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { gitCleanup } from '../../core/commitMessage/cleanup';
import { resolveCommentChar } from '../../core/commitMessage/commentChar';
import { lintMessage } from '../../core/commitMessage/lint';
import { ChangeControlError, describeError } from '../../core/errors';
import { POLICY_FILE } from '../../core/policy/constants';
import type { ParsedPolicy } from '../../core/policy/parsePolicy';
import { redact } from '../../core/redact';
import { escapeDocumentForTerminal } from '../../core/terminalText';
import { readHookGitSettings } from '../../git/hookSettings';
import { EXIT, type CliIo } from '../io';
import { exitCode, formatPolicyProblems, formatText } from '../lintReport';
import { memoisedPolicy, type PolicyMemoOptions } from './policyMemo';

const USAGE = 'hook.js FILE (the commit-msg hook; elsewhere use change-control lint)';

/** Lint the message file the hook was given, printing like `lint --hook FILE`; never throws. */
export async function runHook(io: CliIo, memo: PolicyMemoOptions = {}): Promise<number> {
  const stderr = (t: string) => io.stderr(escapeDocumentForTerminal(t));
  try {
    return await lintHookMessage(io, memo, stderr);
  } catch (err) {
    // A git message may carry a credential: never print one.
    stderr(`change-control lint: ${redact(describeError(err, 'cli'))}\n`);
    return EXIT.usage;
  }
}

async function lintHookMessage(io: CliIo, memo: PolicyMemoOptions, stderr: (t: string) => void): Promise<number> {
  if (io.argv.length !== 1 || !io.argv[0] || io.argv[0].startsWith('-')) throw new ChangeControlError('usage', `give the message file.\nusage: ${USAGE}`);
  const file = io.argv[0];
  const [settings, text] = await Promise.all([
    readHookGitSettings(io.cwd),
    readFile(path.resolve(io.cwd, file), 'utf8').catch((err: Error) => {
      throw new ChangeControlError('usage', `cannot read ${file}: ${err.message}`, { cause: err });
    }),
  ]);
  const policy = await hookPolicy(settings.root, io, memo, stderr);
  // git sets GIT_EDITOR=: for the hook when no editor runs (-m, -F): then '#' lines are kept.
  const editor = io.env.GIT_EDITOR !== ':';
  const cleanup = gitCleanup({ editor, verbose: settings.verbose, ...(settings.cleanup ? { setting: settings.cleanup } : {}) }, text);
  const findings = lintMessage(text, { policy, commentChar: resolveCommentChar(settings.commentChar, text), cleanup });
  const reported = findings.map((finding) => ({ where: file, finding }));
  io.stdout(escapeDocumentForTerminal(formatText(reported)));
  return exitCode(reported);
}

/** The working tree's policy (the default outside a work tree); an invalid one is reported as `lint` reports it. */
async function hookPolicy(root: string | undefined, io: CliIo, memo: PolicyMemoOptions, stderr: (t: string) => void): Promise<ParsedPolicy['policy']> {
  const file = root ? path.join(root, POLICY_FILE) : undefined;
  let text: string | null = null;
  if (file) {
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  let parsed = await memoisedPolicy(text, memo, parsePolicyText);
  // A policy that extends another depends on more than its own text: read the whole chain, never from the memo.
  if (root && parsed.policy.extends !== undefined) parsed = await loadExtendingPolicy(root);
  if (parsed.problems.length === 0 || !file) return parsed.policy;
  const shown = path.relative(io.cwd, file) || file;
  stderr(formatPolicyProblems(shown, parsed.problems));
  throw new ChangeControlError('policy.invalid', `fix the policy file ${shown}; no message was checked.`, {
    detail: { file: shown, problems: parsed.problems.length },
  });
}

/** The policy with what it extends (git/policyFile, loaded only for such a policy). */
async function loadExtendingPolicy(root: string): Promise<ParsedPolicy> {
  const { loadPolicyFile } = await import('./policyParts');
  return loadPolicyFile(root);
}

/** The policy parser and zod, loaded only on a memo miss (hook-policy.js, its own bundle, keeps them out of start-up). */
async function parsePolicyText(text: string | null): Promise<ParsedPolicy> {
  const { defaultPolicy, parsePolicy } = await import('./policyParts');
  return text === null ? { policy: defaultPolicy(), problems: [] } : parsePolicy(text);
}

/* c8 ignore start -- process wiring: run directly (node hook-lint.js FILE) it works without the caches */
if (require.main === module) {
  void runHook(processIo()).then((code) => {
    process.exitCode = code;
  });
}
/* c8 ignore stop */

/** The real process as a CliIo (the hook never reads standard input). */
export function processIo(): CliIo {
  return {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => Promise.resolve(''),
  };
}
