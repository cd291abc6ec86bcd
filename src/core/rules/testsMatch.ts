/**
 * Rule `tests-match`: every changed source file has a matching test
 * (src/core/testMatching). Missing tests block when `tests.requireTests`
 * is set, else warn; tests that exist but did not change only warn.
 *
 * A check that could not run blocks the gate when tests are required
 * (fail closed) and is "not verifiable" in the audit; before the pull
 * request it only warns, since the gate decides.
 */
import { blocker, warning, type Outcome, type PolicyRule } from './rule';
import { listPaths, plural } from './text';

export const testsMatch: PolicyRule = {
  id: 'tests-match',
  description: 'Every changed source file has a matching test.',
  reads: ['tests'],
  preflight: ({ tests, policy }) => {
    if (tests.state === 'unknown') return [{ item: 'tests', severity: 'warning', message: 'The matching-tests check did not run.' }];
    const { missing, stale } = tests.value;
    return [
      ...(missing.length > 0
        ? [{ item: 'tests' as const, severity: policy.requireTests ? 'blocker' as const : 'warning' as const, message: `No tests for ${listPaths(missing)}. Add tests (Create Test File) or exempt them in the policy.` }]
        : []),
      ...(stale.length > 0 ? [{ item: 'tests' as const, severity: 'warning' as const, message: `Tests exist but were not changed for ${listPaths(stale)}.` }] : []),
    ];
  },
  gate: ({ tests, policy }) => {
    const level = policy.requireTests ? blocker : warning;
    if (tests.state === 'unknown') return [level(`tests not checked (${tests.reason})`)];
    const out: Outcome[] = [];
    const { missing, stale } = tests.value;
    if (missing.length > 0) out.push(level(`${plural(missing.length, 'source file', 'source files')} without tests`));
    if (stale.length > 0) out.push(warning(`${plural(stale.length, 'source file', 'source files')} whose tests did not change`));
    return out;
  },
  audit: ({ tests, policy, branch }) => {
    if (branch.directToBase || !policy.requireTests) return [];
    if (tests.state === 'unknown') return [{ notVerifiable: `tests could not be matched: ${tests.reason}` }];
    const { missing } = tests.value;
    if (missing.length === 0) return [];
    return [{
      finding: {
        id: 'source-without-tests',
        title: `${plural(missing.length, 'source file was', 'source files were')} changed without tests.`,
        evidence: missing.map((path) => `${path}: no matching test exists`),
      },
    }];
  },
};
