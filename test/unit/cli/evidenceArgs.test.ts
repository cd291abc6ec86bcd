import { strict as assert } from 'node:assert';
import { parseEvidenceArgs } from '../../../src/cli/commands/evidence';
import { parseReleaseArgs } from '../../../src/cli/commands/release';

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

describe('cli/release arguments', () => {
  it('reads the step, the version and the range', () => {
    assert.deepEqual(parseReleaseArgs(['plan', '--version', 'v1.4.0', '--from', 'v1.3.0', '--to', 'HEAD']), { step: 'plan', version: 'v1.4.0', from: 'v1.3.0', to: 'HEAD', remote: 'origin' });
    assert.deepEqual(parseReleaseArgs(['verify', '--version', 'v1.4.0']), { step: 'verify', version: 'v1.4.0', remote: 'origin' });
  });

  it('rejects a missing step or version, and versions git would misread', () => {
    assert.throws(() => parseReleaseArgs(['--version', 'v1']), /say which step: plan, verify or tag/);
    assert.throws(() => parseReleaseArgs(['ship', '--version', 'v1']), /"ship" is not a step/);
    assert.throws(() => parseReleaseArgs(['plan']), /--version V/);
    assert.throws(() => parseReleaseArgs(['plan', '--version=-x']), /a version such as v1\.4\.0/);
    assert.throws(() => parseReleaseArgs(['plan', '--version', 'v1..2']), /a version such as v1\.4\.0/);
  });
});
