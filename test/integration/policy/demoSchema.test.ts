/**
 * The `npm start` demo's policy file names a `$schema` the editor can
 * resolve offline (the bundled schema), and its policy is clean.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicy } from '../../../src/core/policy/parsePolicy';

describe('the demo policy file', function () {
  this.timeout(30000);
  let dir: string;

  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'cc-demo-schema-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('points $schema at the bundled schema, which exists', async () => {
    // A plain script module (no types): the path is a variable so TypeScript does not look for them.
    const script = '../../../scripts/lib/demoRepo.mjs';
    const { createDemoRepo } = (await import(script)) as { createDemoRepo: (root: string, gitUrl?: string) => Promise<{ work: string }> };
    const { work } = await createDemoRepo(dir);
    const text = readFileSync(path.join(work, '.github/change-control.json'), 'utf8');
    const schemaUrl = (JSON.parse(text) as { $schema: string }).$schema;
    assert.match(schemaUrl, /^file:\/\//);
    const bundled = path.resolve(__dirname, '../../../schemas/change-control.schema.json');
    assert.equal(fileURLToPath(schemaUrl), bundled);
    assert.ok(JSON.parse(readFileSync(bundled, 'utf8')));
    assert.deepEqual(parsePolicy(text).problems, []);
  });
});
