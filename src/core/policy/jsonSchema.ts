/** JSON Schema for `.github/change-control.json`, generated from the zod schema. */
import { z } from 'zod';
import { PolicySchema } from './schema';

export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PolicySchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return { ...schema, title: 'Change Control policy', $id: 'https://change-control.invalid/schemas/change-control.schema.json' };
}
