import type { Logger } from '../../../src/core/ports';
import { SecretRegistry } from '../../../src/core/redact';
import { createGitHubClient, type GitHubClient, type GitHubTuning } from '../../../src/github/client';
import type { Deadline } from '../../../src/github/deadline';

export const TOKEN = 'ghp_IntegrationToken0123456789abcdefghij';

/** Delays tuned down through the production options (no test-only paths). */
export const fastTuning: Partial<GitHubTuning> = {
  retries: 2,
  retryBaseMs: 5,
  rateLimitUnitMs: 20,
  maxRateLimitWaitSeconds: 5,
  rateLimitRetries: 1,
  writeMinTimeMs: 0,
  searchMinTimeMs: 0,
  requestTimeoutMs: 2000,
};

export interface CapturingLogger extends Logger {
  lines: string[];
}

/** Formats like the extension's logger (every line through the secret registry). */
export function capturingLogger(secrets: SecretRegistry): CapturingLogger {
  const lines: string[] = [];
  const log = (level: string) => (message: string, ...args: unknown[]) => {
    lines.push(secrets.redact(`[${level}] ${[message, ...args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a)))].join(' ')}`));
  };
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export function makeClient(baseUrl: string, tuning: Partial<GitHubTuning> = {}, deadline?: Deadline): { client: GitHubClient; logger: CapturingLogger; secrets: SecretRegistry } {
  const secrets = new SecretRegistry();
  const logger = capturingLogger(secrets);
  const client = createGitHubClient({ baseUrl, token: async () => TOKEN, tuning: { ...fastTuning, ...tuning }, logger, secrets, ...(deadline ? { deadline } : {}) });
  return { client, logger, secrets };
}
