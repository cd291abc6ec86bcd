// Writes the JSON Schemas generated from the zod schemas (the sources of truth):
//   schemas/change-control.schema.json  the repository policy file
//   schemas/evidence-v<N>.schema.json   the audit evidence document
//   schemas/stand-in-scenario.schema.json  a stand-in GitHub scenario (test/github-fake/scenario.ts)
import { writeFileSync } from 'node:fs';
import { policyJsonSchema } from '../src/core/policy/jsonSchema';
import { EVIDENCE_VERSION, evidenceJsonSchema } from '../src/core/evidence/schema';
import { scenarioJsonSchema } from '../test/github-fake/scenario';

const outputs: [string, Record<string, unknown>][] = [
  ['schemas/change-control.schema.json', policyJsonSchema()],
  [`schemas/evidence-v${EVIDENCE_VERSION}.schema.json`, evidenceJsonSchema()],
  ['schemas/stand-in-scenario.schema.json', scenarioJsonSchema()],
];
for (const [file, schema] of outputs) {
  writeFileSync(file, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${file}`);
}
