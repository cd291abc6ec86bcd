// Writes the JSON Schemas generated from the zod schemas (the sources of truth):
//   schemas/change-control.schema.json  the repository policy file
//   schemas/evidence-v<N>.schema.json   the audit evidence document
import { writeFileSync } from 'node:fs';
import { policyJsonSchema } from '../src/core/policy/jsonSchema';
import { EVIDENCE_VERSION, evidenceJsonSchema } from '../src/core/evidence/schema';

const outputs: [string, Record<string, unknown>][] = [
  ['schemas/change-control.schema.json', policyJsonSchema()],
  [`schemas/evidence-v${EVIDENCE_VERSION}.schema.json`, evidenceJsonSchema()],
];
for (const [file, schema] of outputs) {
  writeFileSync(file, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${file}`);
}
