import type * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import type { SecretRegistry } from '../core/redact';

/** Logger over the "Change Control" LogOutputChannel; every line is redacted. */
export function createLogger(channel: vscode.LogOutputChannel, secrets: SecretRegistry): Logger {
  const fmt = (message: string, args: unknown[]): string =>
    secrets.redact([message, ...args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === 'string' ? a : safeJson(a)))].join(' '));
  return {
    debug: (m, ...a) => channel.debug(fmt(m, a)),
    info: (m, ...a) => channel.info(fmt(m, a)),
    warn: (m, ...a) => channel.warn(fmt(m, a)),
    error: (m, ...a) => channel.error(fmt(m, a)),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
