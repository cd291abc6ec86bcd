// Writes schemas/change-control.schema.json from the zod schema (the source of truth).
import { writeFileSync } from 'node:fs';
import { policyJsonSchema } from '../src/core/policy/jsonSchema';

writeFileSync('schemas/change-control.schema.json', JSON.stringify(policyJsonSchema(), null, 2) + '\n');
console.log('wrote schemas/change-control.schema.json');
