import { strict as assert } from 'node:assert';
import { buildChangeTree, renderChangeTreeText } from '../../../src/core/changeTree';
import { POLICY_CHANGED_NOTE, type PolicySource } from '../../../src/core/policy/governingPolicy';
import { readySnapshot } from './changeSnapshotFixture';

const source = (over: Partial<PolicySource> = {}): PolicySource => ({ baseRef: 'origin/main', baseCommit: 'c'.repeat(40), baseHasPolicy: true, changed: false, ignored: [], ...over });

describe('buildChangeTree: the governing policy', () => {
  it('shows no policy node when the change leaves the policy alone', () => {
    const tree = buildChangeTree({ ...readySnapshot(), policySource: source() });
    assert.ok(!tree.some((n) => n.id === 'policy'));
  });

  it('says a change that edits the policy is still judged by the base, listing what it tried to loosen', () => {
    const tree = buildChangeTree({ ...readySnapshot(), policySource: source({ changed: true, ignored: ["review.requiredApprovals 0 is fewer than the base policy's 2"] }) });
    const node = tree.find((n) => n.id === 'policy');
    assert.ok(node);
    assert.equal(node.description, POLICY_CHANGED_NOTE);
    assert.equal(node.status, 'warning');
    assert.match(node.tooltip ?? '', /origin\/main \(at `cccccccccccc`\) governs it/);
    assert.match(renderChangeTreeText(tree), /! Policy — policy changed in this change: applies after merge\n {2}! review\.requiredApprovals 0 is fewer/);
  });

  it('lists the policy\'s problems, and says when the base policy could not be read', () => {
    const problems = buildChangeTree({ ...readySnapshot(), policySource: source({ problems: ['origin/main:.github/change-control.json:1:5 review: bad'] }) }).find((n) => n.id === 'policy');
    assert.equal(problems?.status, 'error');
    assert.equal(problems?.description, 'policy file invalid: defaults apply (1 problem)');
    const edited = buildChangeTree({ ...readySnapshot(), policySource: source({ changed: true, problems: ['x: bad'] }) }).find((n) => n.id === 'policy');
    assert.match(edited?.description ?? '', /^policy file invalid: defaults apply/);
    assert.equal(problems?.children?.[0]?.label, 'origin/main:.github/change-control.json:1:5 review: bad');
    const unread = buildChangeTree({ ...readySnapshot(), policySource: { status: 'error', reason: 'the base branch\'s policy could not be read (no base)' } }).find((n) => n.id === 'policy');
    assert.equal(unread?.description, 'base policy not read');
  });
});
