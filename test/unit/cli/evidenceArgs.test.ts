import { strict as assert } from 'node:assert';
import { parseEvidenceArgs } from '../../../src/cli/commands/evidence';

describe('cli/evidence arguments', () => {
  it('reads each scope', () => {
    assert.deepEqual(parseEvidenceArgs(['--pr', '12']).scope, { kind: 'pull-request', number: 12 });
    assert.deepEqual(parseEvidenceArgs(['--branch=feature/1-x']).scope, { kind: 'branch', branch: 'feature/1-x' });
    assert.deepEqual(parseEvidenceArgs(['--range', 'v1.2.0..v1.3.0']).scope, { kind: 'range', from: 'v1.2.0', to: 'v1.3.0' });
  });

  it('reads the outputs', () => {
    const a = parseEvidenceArgs(['--pr', '1', '--format', 'json', '--out', 'e.json', '--json', 'x.json', '--remote', 'up']);
    assert.deepEqual({ ...a, scope: undefined }, { scope: undefined, format: 'json', out: 'e.json', json: 'x.json', remote: 'up', reader: 'graphql' });
    assert.equal(parseEvidenceArgs(['--range', 'a..b', '--reader', 'rest']).reader, 'rest');
    assert.throws(() => parseEvidenceArgs(['--range', 'a..b', '--reader', 'soap']), /graphql/);
  });

  it('rejects bad usage with the usage line', () => {
    assert.throws(() => parseEvidenceArgs([]), /--pr N, --branch B or --range A\.\.B[\s\S]*usage:/);
    assert.throws(() => parseEvidenceArgs(['--pr', '1', '--branch', 'x']), /only one/);
    assert.throws(() => parseEvidenceArgs(['--pr', 'abc']), /pull request number/);
    assert.throws(() => parseEvidenceArgs(['--range', 'v1...v2']), /FROM\.\.TO/);
    assert.throws(() => parseEvidenceArgs(['--pr', '1', '--format', 'yaml']), /markdown/);
    assert.throws(() => parseEvidenceArgs(['--bogus']), /unknown option "--bogus"/);
  });
});
