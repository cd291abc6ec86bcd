/**
 * The text of a new `.github/change-control.json`: the schema reference
 * (for editors other than VS Code, which uses jsonValidation) and every
 * default spelled out, so the team sees what it can tighten. Pure.
 */
import { defaultPolicy } from '../../core/policy/schema';

/** The published JSON Schema. */
export const POLICY_SCHEMA_URL = 'https://raw.githubusercontent.com/change-control/change-control/main/schemas/change-control.schema.json';

export function initialPolicyText(): string {
  return `${JSON.stringify({ $schema: POLICY_SCHEMA_URL, ...defaultPolicy() }, null, 2)}\n`;
}
