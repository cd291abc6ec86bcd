import { strict as assert } from 'node:assert';
import { GATE_IGNORED_CHECKS, GATE_OWN_STATUS, isIgnoredCheck } from '../../../src/core/ignoredChecks';

describe('ignoredChecks: the checks the gate does not judge', () => {
  const job = { source: 'checkRun' as const, name: 'gate', state: 'pending' as const };

  it("leaves out the gate's own status in any state, and nothing else by default", () => {
    for (const state of ['passed', 'failed', 'pending'] as const) assert.ok(isIgnoredCheck({ source: 'status', name: 'Change Control', state }, GATE_IGNORED_CHECKS));
    assert.ok(!isIgnoredCheck({ source: 'checkRun', name: 'Change Control', state: 'failed' }, GATE_IGNORED_CHECKS), 'a check run of that name is another check');
    assert.ok(!isIgnoredCheck({ source: 'status', name: 'change control', state: 'failed' }, GATE_IGNORED_CHECKS), 'names match exactly');
    assert.deepEqual(GATE_IGNORED_CHECKS, [GATE_OWN_STATUS]);
  });

  it('matches source, name and, when given, the state', () => {
    assert.ok(isIgnoredCheck({ source: 'checkRun', name: 'gate', state: 'pending' }, [job]));
    assert.ok(!isIgnoredCheck({ source: 'checkRun', name: 'gate', state: 'failed' }, [job]));
    assert.ok(!isIgnoredCheck({ source: 'status', name: 'gate', state: 'pending' }, [job]));
    assert.ok(!isIgnoredCheck({ source: 'checkRun', name: 'gate-2', state: 'pending' }, [job]));
    assert.ok(!isIgnoredCheck({ source: 'checkRun', name: 'gate', state: 'pending' }, []));
  });
});
