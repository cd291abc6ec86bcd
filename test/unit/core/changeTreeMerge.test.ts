/** The Change view after the pull request exists: Merge only when ready, review text, re-request. */
import { strict as assert } from 'node:assert';
import { buildChangeTree, type ChangeTreeNode } from '../../../src/core/changeTree';
import { assessReadiness } from '../../../src/core/readiness';
import { prOf, readySnapshot, review } from './changeSnapshotFixture';

function find(nodes: readonly ChangeTreeNode[], id: string): ChangeTreeNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = find(n.children ?? [], id);
    if (inner) return inner;
  }
  return undefined;
}

describe('buildChangeTree: Merge and reviews', () => {
  it('offers Merge under "Ready to merge", with the checked head', () => {
    const s = readySnapshot();
    assert.equal(assessReadiness(s).ready, true);
    const merge = find(buildChangeTree(s), 'readiness/merge');
    assert.ok(merge, 'a Merge row');
    assert.deepEqual(merge.action, { kind: 'command', command: 'changeControl.merge', args: [{ root: s.root }] });
    assert.ok(merge.tooltip?.includes(prOf(s).pr.headSha.slice(0, 12)));
    assert.equal(find(buildChangeTree(s), 'readiness')?.contextValue, 'readiness.ready');
  });

  it('never offers Merge while the gate blocks, nor on a merged pull request', () => {
    const blocked = readySnapshot();
    prOf(blocked).reviews.push(review(9, 'zed', 'CHANGES_REQUESTED', 30));
    assert.equal(assessReadiness(blocked).ready, false);
    const tree = buildChangeTree(blocked);
    assert.equal(find(tree, 'readiness/merge'), undefined);
    assert.ok(!JSON.stringify(tree).includes('changeControl.merge'));
    const merged = readySnapshot();
    prOf(merged).pr.state = 'merged';
    assert.equal(find(buildChangeTree(merged), 'readiness/merge'), undefined);
  });

  it("shows what each reviewer wrote under their row, and offers to re-request a past reviewer", () => {
    const s = readySnapshot();
    prOf(s).reviews = [{ ...review(1, 'erin', 'COMMENTED', 1), body: 'Please add the CSV header.\nSecond line' }, { ...review(2, 'erin', 'APPROVED', 2), body: 'Looks right now.' }];
    const tree = buildChangeTree(s);
    const erin = find(tree, 'pr/reviews/erin')!;
    assert.deepEqual(erin.children?.map((c) => c.label), ['Looks right now.', 'Please add the CSV header.']);
    assert.match(erin.children![1]!.tooltip!, /> Please add the CSV header\\\.\n> Second line/);
    assert.match(erin.contextValue ?? '', /\breviewer\.reRequest\b/);
    assert.deepEqual(erin.action, { kind: 'command', command: 'changeControl.reRequestReview', args: [{ root: s.root, reviewer: 'erin' }] });
  });

  it('does not offer re-request to someone asked now', () => {
    const s = readySnapshot();
    prOf(s).requestedReviewers = ['hal'];
    const hal = find(buildChangeTree(s), 'pr/reviews/hal')!;
    assert.doesNotMatch(hal.contextValue ?? '', /reRequest/);
    assert.equal(hal.action, undefined);
  });
});
