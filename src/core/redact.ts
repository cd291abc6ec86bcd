/**
 * Removes secrets from any text before it reaches a log, an error message
 * or a report. Known token shapes are masked, and so is every secret the
 * caller registers (the current session's token), wherever it appears.
 */
const TOKEN_PATTERNS: RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{20,255}\b/g, // GitHub classic tokens
  /\bgithub_pat_[A-Za-z0-9_]{20,255}\b/g, // fine-grained PATs
  /\b(authorization\s*[:=]\s*)(?:token|bearer|basic)\s+[^\s'",}]+/gi,
  /\b((?:token|bearer)\s+)[A-Za-z0-9_\-.=]{16,}/gi,
  /(https?:\/\/)[^/\s:@]+:[^/\s@]+@/gi, // credentials in URLs
];

export const REDACTED = '[REDACTED]';

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const re of TOKEN_PATTERNS) {
    out = out.replace(re, (_m, prefix?: string) => (typeof prefix === 'string' ? `${prefix}${REDACTED}` : REDACTED));
  }
  return out;
}

/** A set of live secrets, so every logger redacts the token in use now. */
export class SecretRegistry {
  private readonly secrets = new Set<string>();
  add(secret: string | undefined): void {
    if (secret) this.secrets.add(secret);
  }
  delete(secret: string | undefined): void {
    if (secret) this.secrets.delete(secret);
  }
  redact(text: string): string {
    return redact(text, [...this.secrets]);
  }
  /** The live secrets, for a document that scrubs its own fields (the evidence). */
  values(): string[] {
    return [...this.secrets];
  }
}
